// highlight.js draws Sayso's annotations with the CSS Custom Highlight API:
// the article stays plain text (one text node per paragraph) and each
// annotation is a set of StaticRanges in a named highlight, styled in app.css
// with ::highlight(sayso-<style>). The Go app (internal/ui) calls it with
// packed integer arrays, so that thousands of ranges cost one call across
// the Go/JavaScript boundary. Nothing here reads or trusts the text: it
// only places ranges at the offsets it is given.
//
// (This file is inlined in the offline single file: it must never contain
// an HTML script tag or comment.)
(() => {
  "use strict";

  const supported = !!(window.CSS && CSS.highlights && window.Highlight);
  const PREFIX = "sayso-";
  let styles = [];          // style index → name
  const sets = new Map();   // style name → Highlight
  const ranges = new Map(); // annotation id → [{range, style}]
  const marked = { sel: [], rel: [] };

  function highlight(name) {
    let h = sets.get(name);
    if (!h) {
      h = new Highlight();
      if (name === "sel") h.priority = 2;
      else if (name === "rel") h.priority = 1;
      sets.set(name, h);
      CSS.highlights.set(PREFIX + name, h);
    }
    return h;
  }

  function textOf(para) {
    const p = document.getElementById("p" + para);
    return p && p.firstChild && p.firstChild.nodeType === Node.TEXT_NODE ? p.firstChild : null;
  }

  // box is the rectangle of a static range, through a live one made for it.
  function box(s) {
    const r = new Range();
    r.setStart(s.startContainer, s.startOffset);
    r.setEnd(s.endContainer, s.endOffset);
    return r.getBoundingClientRect();
  }

  function drop(id) {
    const old = ranges.get(id);
    if (!old) return;
    for (const r of old) highlight(r.style).delete(r.range);
    ranges.delete(id);
  }

  window.saysoHighlights = {
    supported,

    // styles: the style names, space-separated, in the order of their
    // indexes in set().
    init(names) {
      styles = names.split(" ");
      this.reset();
    },

    // reset forgets every range (a new document was drawn).
    reset() {
      for (const h of sets.values()) h.clear();
      ranges.clear();
      marked.sel = [];
      marked.rel = [];
    },

    // set (re)places the ranges of annotations. ids: space-separated;
    // packed: records of 5 integers [id index, style index, paragraph,
    // UTF-16 start, UTF-16 end] within the paragraph's text.
    set(ids, packed) {
      const list = ids === "" ? [] : ids.split(" ");
      for (const id of list) drop(id);
      for (let i = 0; i + 4 < packed.length; i += 5) {
        const node = textOf(packed[i + 2]);
        if (!node) continue;
        // StaticRange, not Range: the browser updates every live Range
        // on every change to the page (the save indicator's text too),
        // which with thousands of annotations costs milliseconds each.
        // The paragraphs' text nodes never change under a drawn range.
        const r = new StaticRange({
          startContainer: node, startOffset: Math.min(packed[i + 3], node.length),
          endContainer: node, endOffset: Math.min(packed[i + 4], node.length),
        });
        const id = list[packed[i]], style = styles[packed[i + 1]];
        highlight(style).add(r);
        if (!ranges.has(id)) ranges.set(id, []);
        ranges.get(id).push({ range: r, style });
      }
      this.mark("sel", marked.sel.join(" "));
      this.mark("rel", marked.rel.join(" "));
    },

    // remove forgets annotations (space-separated ids).
    remove(ids) {
      if (ids !== "") for (const id of ids.split(" ")) drop(id);
    },

    // mark shows the annotations (space-separated ids) as selected ("sel")
    // or related to the selection ("rel").
    mark(kind, ids) {
      const h = highlight(kind);
      h.clear();
      marked[kind] = ids === "" ? [] : ids.split(" ");
      for (const id of marked[kind]) {
        for (const r of ranges.get(id) || []) h.add(r.range);
      }
    },

    // count is the number of ranges of a style (for tests and benchmarks).
    count(style) {
      const h = sets.get(style);
      return h ? h.size : 0;
    },

    // charAt returns [paragraph offset attribute, UTF-16 offset] of the
    // character under the point (x, y), or null off the text.
    charAt(x, y) {
      const c = document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
      if (!c || c.startContainer.nodeType !== Node.TEXT_NODE) return null;
      const node = c.startContainer, p = node.parentElement;
      if (!p || !p.hasAttribute("data-o")) return null;
      let off = c.startOffset;
      // The caret is the boundary nearest to the point: the character is
      // the one after it, or the one before when the point is past its middle.
      if (off > 0) {
        const r = new Range();
        r.setStart(node, off - 1);
        r.setEnd(node, off);
        const box = r.getBoundingClientRect();
        if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) off -= 1;
      }
      return [Number(p.getAttribute("data-o")), off];
    },

    // reveal brings an annotation's first range into the middle of the
    // view when it is off screen.
    reveal(id) {
      const rs = ranges.get(id);
      if (!rs || rs.length === 0) return;
      const b = box(rs[0].range);
      if (b.top < 0 || b.bottom > innerHeight) this.scrollTo(id);
    },

    // scrollTo brings an annotation's first range into the middle of the view.
    scrollTo(id) {
      const rs = ranges.get(id);
      if (!rs || rs.length === 0) return false;
      const b = box(rs[0].range);
      window.scrollBy({ top: b.top - innerHeight / 2, behavior: "instant" });
      return true;
    },
  };
})();
