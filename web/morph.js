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
      case "UL":
        // A list whose rows saysoRows patches: its rows are left alone.
        if (to.hasAttribute("data-rows")) return;
        break;
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

  // parse is the element of one row's markup.
  function parse(html) {
    const tpl = document.createElement("template");
    tpl.innerHTML = html;
    return tpl.content.firstElementChild;
  }

  const PLACE = ["tabindex", "aria-posinset", "aria-setsize"];

  // place3 gives row el of a list its place i (saysoRows' place).
  function place3(el, place, i) {
    for (let k = 0; k < 3; k++) {
      const v = place[3 * i + k];
      if (v === -2) {
        if (el.hasAttribute(PLACE[k])) el.removeAttribute(PLACE[k]);
      } else if (el.getAttribute(PLACE[k]) !== String(v)) {
        el.setAttribute(PLACE[k], String(v));
      }
    }
  }

  // saysoRows makes the rows of ul (a list marked data-rows) the rows
  // given: keys[i] names row i, htmls[i] is its markup without its place,
  // place[3i..3i+2] its tabindex (-2: none), aria-posinset and
  // aria-setsize. A row whose markup is the one it was drawn with is
  // kept as it is, not parsed again: adding an annotation parses its row
  // and sets the place of the others. Rows are kept, never moved, in the
  // order they come, so that the focused one keeps the focus.
  window.saysoRows = (ul, keys, htmls, place) => {
    const wanted = new Set(keys);
    const old = new Map();
    const gone = [];
    for (let n = ul.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1 || !wanted.has(n.saysoKey) || old.has(n.saysoKey)) gone.push(n);
      else old.set(n.saysoKey, n);
    }
    // A list moved far (to a new annotation) keeps none of its rows: they
    // go in one operation rather than one by one.
    if (old.size === 0) ul.replaceChildren();
    else for (const n of gone) n.remove();
    // The rows to parse, parsed in one go: a list moved to another
    // annotation far away draws all its rows anew.
    const made = [];
    for (let i = 0; i < keys.length; i++) {
      const el = old.get(keys[i]);
      if (!el || el.saysoHTML !== htmls[i]) made.push(htmls[i]);
    }
    const tpl = document.createElement("template");
    tpl.innerHTML = made.join("");
    const ready = Array.from(tpl.content.children);
    let j = 0;
    // parsed is the element of a row's markup: the next one parsed above
    // (rows are asked for in the same order), or one parsed now (a row
    // dropped below because the order changed).
    const parsed = (html) => {
      if (j < made.length && made[j] === html && ready.length === made.length) return ready[j++];
      return parse(html);
    };
    if (old.size === 0 && ready.length === keys.length) {
      // Every row new: placed before they go in, in one operation.
      for (let i = 0; i < keys.length; i++) {
        const el = ready[i];
        el.saysoKey = keys[i];
        el.saysoHTML = htmls[i];
        place3(el, place, i);
      }
      ul.append(...ready);
      return;
    }
    let at = ul.firstChild;
    for (let i = 0; i < keys.length; i++) {
      let el = old.get(keys[i]);
      const html = htmls[i];
      if (el && el !== at) {
        // The rows before it are wanted further on: the order changed (an
        // annotation moved to another group). They go, and are made again
        // when their turn comes, so that this row, maybe focused, is not
        // moved.
        while (at && at !== el) {
          const next = at.nextSibling;
          old.delete(at.saysoKey);
          at.remove();
          at = next;
        }
      }
      if (el && el.saysoHTML !== html) {
        const to = parsed(html);
        for (const a of PLACE) if (el.hasAttribute(a)) to.setAttribute(a, el.getAttribute(a));
        patch(el, to);
        el.saysoHTML = html;
      }
      if (!el) {
        el = parsed(html);
        el.saysoKey = keys[i];
        el.saysoHTML = html;
        old.delete(keys[i]);
        ul.insertBefore(el, at);
      } else {
        at = el.nextSibling;
      }
      place3(el, place, i);
    }
    while (at) {
      const next = at.nextSibling;
      at.remove();
      at = next;
    }
  };

  // saysoMorph makes el's content the markup html, patching in place.
  window.saysoMorph = (el, html) => {
    const tpl = document.createElement("template");
    tpl.innerHTML = html;
    children(el, tpl.content);
  };
})();
