// highlight.js draws Sayso's annotations with the CSS Custom Highlight API:
// the article stays plain text (one text node per paragraph) and each
// annotation is a set of StaticRanges in a named highlight, styled in
// app.css with ::highlight(sayso-<style>). Static, not live: the browser
// updates every live Range of the page at each DOM change anywhere in it,
// so thousands of live highlight Ranges made every redraw of the side list
// or a panel cost O(annotations) (removeChild alone was a third of adding
// one annotation at 5,000). The article's text nodes are never edited in
// place (a new text replaces them and reset() drops every range), so the
// static offsets stay true. The Go app (internal/ui) calls it with
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
  const ranges = new Map(); // annotation id → [{range, style, sec}]
  const counts = new Map(); // style name → ranges drawn of it
  const marked = { sel: [], rel: [] };

  // Only the ranges of the sections near the viewport are in the page's
  // highlights. The browser rebuilds its markers for every range of every
  // highlight at each frame after any change to the page's DOM or style
  // (a row of the side list, the inspector): with all 5,000 annotations'
  // ranges registered, adding one cost O(annotations) of the browser's
  // own work. A section's ranges are kept here and registered when an
  // IntersectionObserver says it is within a viewport's height of the
  // view; a section not yet reported counts as near, so a document is
  // drawn whole at first and thinned at the observer's first report.
  const bySec = new Map();  // section element → Set of its range records
  const far = new Set();    // sections reported away from the view
  let observed = new WeakSet();
  let observer = null;

  // Suggestions (set with lazy) far from the view are not even made into
  // ranges until their section nears it: a megabyte's 6,000 suggestions
  // are about 19,000 ranges, and making and filing them all took most of
  // the last slice of Suggest. Their records wait here, by section and by
  // id, as the offsets they were given; a section not yet reported by the
  // observer is placed by its geometry when they arrive.
  const pending = new Map();   // section element → Set of waiting records
  const pendingOf = new Map(); // id → its waiting records

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

  // sectionOf is the element whose nearness to the view decides whether
  // a range of text node is registered: its section, or its paragraph.
  function sectionOf(node) {
    const p = node.parentElement;
    return (p && p.closest("section")) || p;
  }

  function near(sec, isNear) {
    const recs = bySec.get(sec);
    if (isNear) {
      if (far.delete(sec) && recs) for (const r of recs) highlight(r.style).add(r.range);
      make(sec);
      return;
    }
    if (far.has(sec)) return;
    far.add(sec);
    if (recs) for (const r of recs) highlight(r.style).delete(r.range);
  }

  function observe(sec) {
    if (observed.has(sec)) return;
    observed.add(sec);
    if (!observer && window.IntersectionObserver) {
      observer = new IntersectionObserver((seen) => {
        for (const e of seen) near(e.target, e.isIntersecting);
      }, { rootMargin: "100% 0px" });
    }
    if (observer) observer.observe(sec);
  }

  function put(r) {
    let recs = bySec.get(r.sec);
    if (!recs) {
      recs = new Set();
      bySec.set(r.sec, recs);
      observe(r.sec);
    }
    recs.add(r);
    counts.set(r.style, (counts.get(r.style) || 0) + 1);
    if (!far.has(r.sec)) highlight(r.style).add(r.range);
  }

  // away reports whether the suggestions of section sec wait (lazy set):
  // it is reported far, or, not yet reported, lies more than a viewport's
  // height from the view (the observer's margin), which marks it far.
  // seen caches the answer for the sections of one set.
  function away(sec, seen) {
    if (far.has(sec)) return true;
    if (observed.has(sec)) return false; // reported near, or soon reported
    let a = seen.get(sec);
    if (a === undefined) {
      const box = sec.getBoundingClientRect();
      a = box.bottom < -innerHeight || box.top > 2 * innerHeight;
      seen.set(sec, a);
      if (a) near(sec, false);
      observe(sec);
    }
    return a;
  }

  // wait keeps a suggestion's range for when its section nears the view.
  function wait(p) {
    let ps = pending.get(p.sec);
    if (!ps) pending.set(p.sec, (ps = new Set()));
    ps.add(p);
    if (!pendingOf.has(p.id)) pendingOf.set(p.id, []);
    pendingOf.get(p.id).push(p);
    counts.set(p.style, (counts.get(p.style) || 0) + 1);
  }

  // make draws the waiting ranges of a section (near the view now) or of
  // the records ps of one id.
  function make(sec, ps) {
    if (!ps) {
      ps = pending.get(sec);
      if (!ps) return;
      pending.delete(sec);
    }
    for (const p of ps) {
      if (ps !== pending.get(p.sec)) {
        const same = pending.get(p.sec);
        if (same) same.delete(p);
      }
      const of = pendingOf.get(p.id);
      if (of) {
        of.splice(of.indexOf(p), 1);
        if (of.length === 0) pendingOf.delete(p.id);
      }
      counts.set(p.style, counts.get(p.style) - 1);
      const r = { range: staticRange(p.node, p.start, p.end), style: p.style, sec: p.sec };
      put(r);
      if (!ranges.has(p.id)) ranges.set(p.id, []);
      ranges.get(p.id).push(r);
      // A selected or related annotation made only now joins its mark.
      if (marked.sel.includes(p.id)) highlight("sel").add(r.range);
      if (marked.rel.includes(p.id)) highlight("rel").add(r.range);
    }
  }

  // makeID draws the waiting ranges of annotation id, wherever they are.
  function makeID(id) {
    const of = pendingOf.get(id);
    if (of) make(null, of.slice());
  }

  function staticRange(node, start, end) {
    return new StaticRange({
      startContainer: node, startOffset: Math.min(start, node.length),
      endContainer: node, endOffset: Math.min(end, node.length),
    });
  }

  // live is a Range over a static range, for its geometry.
  function live(s) {
    const r = new Range();
    r.setStart(s.startContainer, s.startOffset);
    r.setEnd(s.endContainer, s.endOffset);
    return r;
  }

  function drop(id) {
    const waiting = pendingOf.get(id);
    if (waiting) {
      for (const p of waiting) {
        const ps = pending.get(p.sec);
        if (ps) ps.delete(p);
        counts.set(p.style, counts.get(p.style) - 1);
      }
      pendingOf.delete(id);
    }
    const old = ranges.get(id);
    if (!old) return;
    for (const r of old) {
      if (!far.has(r.sec)) highlight(r.style).delete(r.range);
      const recs = bySec.get(r.sec);
      if (recs) recs.delete(r);
      counts.set(r.style, counts.get(r.style) - 1);
    }
    ranges.delete(id);
  }

  // show registers the ranges of the sections around an annotation's first
  // range before the page scrolls to it, so that it is not drawn bare
  // for a frame before the observer reports it near.
  function show(rec) {
    let sec = rec.sec;
    for (let k = 0; k < 2 && sec; k++) sec = sec.previousElementSibling || sec;
    for (let k = 0; k < 5 && sec; k++, sec = sec.nextElementSibling) near(sec, true);
  }

  // center scrolls the view so that a static range is in its middle, and
  // again in the next frames while it is not: the sections near the view
  // take their real height only when the browser renders them
  // (content-visibility: auto, 40rem until then), which moves the text
  // below them, so the first scroll to the end of a long document lands
  // thousands of pixels off. It stops when the range stays put, or after
  // a few frames.
  function center(range, frames) {
    const box = live(range).getBoundingClientRect();
    const by = Math.round(box.top - innerHeight / 2);
    if (Math.abs(by) < 2) return;
    window.scrollBy({ top: by, behavior: "instant" });
    if (frames > 0) requestAnimationFrame(() => center(range, frames - 1));
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
      counts.clear();
      bySec.clear();
      far.clear();
      pending.clear();
      pendingOf.clear();
      if (observer) observer.disconnect();
      observed = new WeakSet();
      marked.sel = [];
      marked.rel = [];
    },

    // set (re)places the ranges of annotations. ids: space-separated;
    // packed: records of 5 integers [id index, style index, paragraph,
    // UTF-16 start, UTF-16 end] within the paragraph's text. lazy (the
    // suggestions, and every annotation of a document just drawn): the
    // ranges of sections far from the view are made only when their
    // section nears it (or the id is revealed), so that opening a long
    // document makes the ranges of its first screen, not all of them.
    set(ids, packed, lazy) {
      const list = ids === "" ? [] : ids.split(" ");
      for (const id of list) drop(id);
      const at = new Map(); // paragraph → [text node, section] or null
      const seen = new Map();
      for (let i = 0; i + 4 < packed.length; i += 5) {
        let where = at.get(packed[i + 2]);
        if (where === undefined) {
          const node = textOf(packed[i + 2]);
          where = node ? [node, sectionOf(node)] : null;
          at.set(packed[i + 2], where);
        }
        if (!where) continue;
        const [node, sec] = where;
        const id = list[packed[i]];
        if (lazy && away(sec, seen)) {
          wait({ id, style: styles[packed[i + 1]], node, sec, start: packed[i + 3], end: packed[i + 4] });
          continue;
        }
        const range = staticRange(node, packed[i + 3], packed[i + 4]);
        const r = { range, style: styles[packed[i + 1]], sec };
        put(r);
        if (!ranges.has(id)) ranges.set(id, []);
        ranges.get(id).push(r);
      }
      // Only a marked annotation drawn again changes the marks.
      if (list.some((id) => marked.sel.includes(id) || marked.rel.includes(id))) {
        this.mark("sel", marked.sel.join(" "));
        this.mark("rel", marked.rel.join(" "));
      }
    },

    // remove forgets annotations (space-separated ids).
    remove(ids) {
      if (ids !== "") for (const id of ids.split(" ")) drop(id);
    },

    // mark shows the annotations (space-separated ids) as selected ("sel")
    // or related to the selection ("rel"), wherever they are.
    mark(kind, ids) {
      const h = highlight(kind);
      h.clear();
      marked[kind] = ids === "" ? [] : ids.split(" ");
      for (const id of marked[kind]) {
        for (const r of ranges.get(id) || []) h.add(r.range);
      }
    },

    // count is the number of ranges of a style drawn (registered with the
    // browser, or kept, made or not, for when their section nears the
    // view; for tests and benchmarks).
    count(style) {
      if (style === "sel" || style === "rel") {
        const h = sets.get(style);
        return h ? h.size : 0;
      }
      return counts.get(style) || 0;
    },

    // registered is the number of ranges of every style the browser
    // holds now (for tests: it must stay near what the view shows).
    registered() {
      let n = 0;
      for (const [name, h] of sets) if (name !== "sel" && name !== "rel") n += h.size;
      return n;
    },

    // top is the code point offset (data-o) of the article's paragraph at
    // the top of the view, or -1 when there is none (the article hidden
    // or scrolled away).
    top() {
      const doc = document.getElementById("doc");
      if (!doc) return -1;
      const box = doc.getBoundingClientRect();
      const bottom = Math.min(box.bottom, innerHeight);
      if (box.width === 0) return -1;
      // The first point down the middle of the article that is on a
      // paragraph (not in the gap between two).
      for (let y = Math.max(box.top, 0) + 1; y < bottom; y += 16) {
        const el = document.elementFromPoint(box.left + box.width / 2, y);
        const p = el && el.closest("[data-o]");
        if (p && doc.contains(p)) return Number(p.getAttribute("data-o"));
      }
      return -1;
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
      makeID(id);
      const rs = ranges.get(id);
      if (!rs || rs.length === 0) return;
      const box = live(rs[0].range).getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight) this.scrollTo(id);
    },

    // scrollTo brings an annotation's first range into the middle of the view.
    scrollTo(id) {
      makeID(id);
      const rs = ranges.get(id);
      if (!rs || rs.length === 0) return false;
      show(rs[0]);
      center(rs[0].range, 4);
      return true;
    },
  };
})();
