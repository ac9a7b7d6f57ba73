// morph.js patches a panel of Sayso's page into the HTML the Go app built
// for it (internal/app/view), keeping every node it can: an element of
// the same tag (and id, and data-id) is updated in place, attributes and
// text changed, never replaced. So a redraw never takes the focus, the
// caret or a half-typed value away from the field the person is in, and a
// button pressed while the panel redraws is still there to be clicked.
// The value of the focused field is left as the person is typing it; the
// app gets it at the next change event.
//
// (This file is inlined in the offline single file: it must never contain
// an HTML script tag or comment.)
(() => {
  "use strict";

  function same(a, b) {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
    if (a.nodeType !== 1) return true;
    return a.id === b.id && a.getAttribute("data-id") === b.getAttribute("data-id") &&
      a.getAttribute("type") === b.getAttribute("type");
  }

  function attributes(from, to) {
    for (const a of Array.from(from.attributes)) {
      if (!to.hasAttribute(a.name)) from.removeAttribute(a.name);
    }
    for (const a of Array.from(to.attributes)) {
      if (from.getAttribute(a.name) !== a.value) from.setAttribute(a.name, a.value);
    }
  }

  function patch(from, to) {
    if (from.nodeType !== 1) {
      if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
      return;
    }
    attributes(from, to);
    const focused = from === document.activeElement;
    switch (from.nodeName) {
      case "INPUT":
        if (from.type === "checkbox" || from.type === "radio") {
          from.checked = to.hasAttribute("checked");
        } else if (!focused) {
          const v = to.getAttribute("value") || "";
          if (from.value !== v) from.value = v;
        }
        return;
      case "TEXTAREA":
        if (!focused) {
          const v = to.textContent;
          if (from.value !== v) from.value = v;
        }
        return;
      case "SELECT": {
        children(from, to);
        const chosen = Array.from(to.options).findIndex((o) => o.hasAttribute("selected"));
        if (!focused) from.selectedIndex = chosen < 0 ? 0 : chosen;
        return;
      }
    }
    children(from, to);
  }

  // key is an element's data-id (a row of the side list), or null.
  function key(n) {
    return n.nodeType === 1 ? n.getAttribute("data-id") : null;
  }

  // skipTo removes the nodes from f on that stand before the old node of
  // key k, when none of them is a keyed node the new content still has
  // (else they would be replaced rather than kept), and returns the node
  // to patch next: the old node of k, or f when it removed nothing.
  function skipTo(f, k, wanted) {
    let n = f;
    while (n && key(n) !== k) {
      const nk = key(n);
      if (nk !== null && wanted.has(nk)) return f;
      n = n.nextSibling;
    }
    if (!n) return f;
    while (f !== n) {
      const next = f.nextSibling;
      f.remove();
      f = next;
    }
    return n;
  }

  function children(from, to) {
    // The keyed nodes (rows) of the new content: a row the old content
    // has further on is reached by dropping the rows before it that are
    // gone, so that a list scrolled by a row keeps its other rows (and
    // their layout) instead of replacing every one.
    const wanted = new Set();
    for (let t = to.firstChild; t; t = t.nextSibling) {
      const k = key(t);
      if (k !== null) wanted.add(k);
    }
    let f = from.firstChild;
    let t = to.firstChild;
    while (t) {
      const next = t.nextSibling;
      while (f && key(f) !== null && !wanted.has(key(f))) { // a row gone
        const n = f.nextSibling;
        f.remove();
        f = n;
      }
      const k = key(t);
      if (f && k !== null && key(f) !== k) f = skipTo(f, k, wanted);
      if (f && same(f, t)) {
        patch(f, t);
        f = f.nextSibling;
      } else {
        from.insertBefore(t, f); // moves t out of the template
      }
      t = next;
    }
    while (f) {
      const n = f.nextSibling;
      from.removeChild(f);
      f = n;
    }
  }

  // saysoMorph makes el's content the markup html, patching in place.
  window.saysoMorph = (el, html) => {
    const tpl = document.createElement("template");
    tpl.innerHTML = html;
    children(el, tpl.content);
  };
})();
