// hook.js is injected by Sayso's benchmark into every document before the
// page's own scripts run (Page.addScriptToEvaluateOnNewDocument). It never
// changes what the app does: it records when things happen, in
// performance.now() milliseconds since the navigation started, and offers
// the measuring helpers the benchmark calls (window.__bench).
//
// HOOK_CONFIG below is replaced with a JSON object:
//   clearStorage  empty localStorage and IndexedDB first (no autosaved work
//                 is restored)
//   count         count syscall/js crossings (wraps the Go import object;
//                 calls into Go are always counted and timed)
//   pasteAtReady  paste pasteText and press "Start annotating" the moment
//                 the app marks itself ready
(() => {
  "use strict";
  const CFG = HOOK_CONFIG;
  const now = () => performance.now();
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const B = {
    go: null, readyAt: 0, pasteAt: 0, pastedAt: 0, readAt: 0, blobAt: 0, lastBlob: null,
    calls: {}, resumes: 0, goMs: 0, waiter: null, error: "",
    goLog: [], // [start, ms] of each outermost call into Go
  };
  Object.defineProperty(window, "__bench", { value: B });
  // goSince is the time spent in Go in the calls that began at or after t.
  B.goSince = (t) => B.goLog.reduce((sum, [t0, ms]) => (t0 >= t ? sum + ms : sum), 0);

  if (CFG.clearStorage) {
    try { localStorage.clear(); } catch (e) { B.error = "localStorage: " + e; }
    // Autosave's IndexedDB too: the app's open waits for this delete.
    try { indexedDB.deleteDatabase("sayso"); } catch (e) { B.error = "indexedDB: " + e; }
  }

  // B.quiet, set just before the benchmark closes a tab, keeps the app's
  // save-on-leave handlers from running: the measurements are over, and
  // the next tab starts from empty storage anyway. (Registered before the
  // app's listeners, these run first.)
  B.quiet = false;
  const hush = (ev) => { if (B.quiet) ev.stopImmediatePropagation(); };
  window.addEventListener("pagehide", hush, true);
  window.addEventListener("beforeunload", hush, true);
  document.addEventListener("visibilitychange", hush, true);

  // The Go instance: wasm_exec.js assigns globalThis.Go = class {...};
  // the setter hands out a subclass that remembers each instance, times
  // its _resume (the way JS calls into Go: events, promise callbacks,
  // timers) and, when counting, wraps every function of its import object.
  let GoClass;
  Object.defineProperty(globalThis, "Go", {
    configurable: true,
    get() { return GoClass; },
    set(C) {
      GoClass = class extends C {
        constructor(...args) {
          super(...args);
          B.go = this;
          timeGo(this);
          if (CFG.count) countCrossings(this);
        }
      };
    },
  });

  // timeGo adds up the time spent running Go code called from JS (events,
  // callbacks, timers), outermost calls only, and counts those calls.
  function timeGo(go) {
    const resume = go._resume;
    let depth = 0;
    go._resume = function () {
      B.resumes++;
      if (depth++ > 0) {
        try { return resume.call(this); } finally { depth--; }
      }
      const t = now();
      try { return resume.call(this); } finally {
        depth--;
        const e = now();
        B.goMs += e - t;
        if (B.goLog.length < 100000) B.goLog.push([t, e - t]);
        const w = B.waiter;
        if (w && w.t0 && !w.done) w.timeline.push(["go", t - w.t0, e - w.t0]);
      }
    };
  }

  function countCrossings(go) {
    const gojs = go.importObject.gojs;
    for (const name of Object.keys(gojs)) {
      const f = gojs[name];
      gojs[name] = (...a) => { B.calls[name] = (B.calls[name] || 0) + 1; return f(...a); };
    }
  }

  function counts() {
    let js = 0, runtime = 0;
    for (const [name, n] of Object.entries(B.calls)) {
      if (name.startsWith("syscall/js.")) js += n; else runtime += n;
    }
    return { js, runtime, resumes: B.resumes, byName: { ...B.calls } };
  }

  // Downloads: the moment the app hands a Blob to URL.createObjectURL.
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (obj) {
    if (obj instanceof Blob) {
      B.blobAt = now();
      B.lastBlob = obj;
      const w = B.waiter;
      if (w && w.t0 && w.spec.until === "blob" && !w.done) { w.t1 = B.blobAt; finish(w); }
    }
    return createObjectURL.call(URL, obj);
  };

  // File reads: the moment File.arrayBuffer() has the bytes, before the
  // app's own callback runs.
  const arrayBuffer = Blob.prototype.arrayBuffer;
  Blob.prototype.arrayBuffer = function () {
    return arrayBuffer.call(this).then((buf) => { B.readAt = now(); return buf; });
  };

  // Readiness: the app sets body[data-ready="1"] when it accepts input.
  let resolveReady;
  B.ready = new Promise((resolve) => { resolveReady = resolve; });
  const readyWatch = new MutationObserver(() => {
    if (B.readyAt || !document.body || document.body.dataset.ready !== "1") return;
    B.readyAt = now();
    readyWatch.disconnect();
    if (CFG.pasteAtReady) pasteNow(); else resolveReady(B.readyAt);
  });
  readyWatch.observe(document, { attributes: true, attributeFilter: ["data-ready"], subtree: true });

  function pasteNow() {
    const area = document.getElementById("paste-text");
    const button = document.querySelector('[data-action="paste"]');
    if (!area || !button) { B.error = "the start screen has no paste form"; resolveReady(B.readyAt); return; }
    area.value = CFG.pasteText;
    B.pasteAt = now();
    button.click();
    const deadline = B.pasteAt + 30000;
    const check = () => {
      const doc = document.getElementById("doc");
      if (!doc || !doc.querySelector("p")) {
        if (now() > deadline) { B.error = "the paste was not shown within 30 s"; resolveReady(B.readyAt); return; }
        requestAnimationFrame(check);
        return;
      }
      requestAnimationFrame(() => { B.pastedAt = now(); resolveReady(B.readyAt); });
    };
    requestAnimationFrame(check);
  }

  // Highlights drawn with the CSS Custom Highlight API, if the app uses it.
  function highlightRanges(name) {
    let n = 0;
    if (typeof CSS !== "undefined" && CSS.highlights) {
      for (const [key, h] of CSS.highlights) if (!name || name.test(key)) n += h.size;
    }
    return n;
  }

  function inViewport(el) {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  }

  // Predicates polled once per animation frame after the triggering event.
  const predicates = {
    // The article's text and at least one highlight are in the viewport.
    render() {
      const doc = document.getElementById("doc");
      if (!doc || !inViewport(doc.querySelector("p"))) return false;
      return highlightRanges() > 0 || inViewport(doc.querySelector(".ann, mark"));
    },
    // The selected text (at spec.point) is now drawn as a claim.
    add(w) {
      const el = document.elementFromPoint(w.spec.point.x, w.spec.point.y);
      if (el && el.closest(".l-claim")) return true;
      return highlightRanges(/claim/) > w.claimRanges;
    },
    // The document titled spec.title is shown: its title, and its text
    // with highlights in the viewport.
    shown(w) {
      const h = document.getElementById("doc-title");
      return !!h && h.textContent === w.spec.title && predicates.render();
    },
    // The Documents panel is open with its rows drawn.
    docs() {
      const d = document.getElementById("docs");
      return !!d && !d.hidden && !!d.querySelector(".doc-row");
    },
    // The inspector shows the clicked annotation.
    select() {
      return !!document.querySelector("#inspector .insp-head, #inspector [data-id], #inspector .quote");
    },
    // Anything changed since the event: a DOM mutation anywhere in the
    // body, or the number of CSS highlight ranges (next/previous, a
    // stance key, undo).
    mutate(w) {
      return w.mutations > 0 || highlightRanges() !== w.ranges;
    },
    // The compare view's score table has a row for every student.
    compare(w) {
      return document.querySelectorAll("#compare table.scores tbody tr").length >= w.spec.rows;
    },
  };

  // arm prepares one measurement: it starts at the next spec.on event
  // ("change", "keydown" with spec.key, "click") seen in the capture phase,
  // before the app's own listeners, and ends either at the second animation
  // frame after spec.pred first holds (until "frame": that frame has been
  // painted) or when the app creates a Blob URL (until "blob"). B.readAt
  // then holds when the last file read (File.arrayBuffer) resolved.
  B.arm = (spec) => {
    const w = { spec, t0: 0, tSeen: 0, t1: 0, frames: 0, done: false, timeline: [] };
    w.promise = new Promise((resolve, reject) => { w.resolve = resolve; w.reject = reject; });
    w.timer = setTimeout(() => {
      w.done = true;
      w.reject(new Error(`no result within ${spec.timeoutMs} ms (${spec.on} → ${spec.until}${spec.pred ? " " + spec.pred : ""})`));
    }, spec.timeoutMs || 120000);
    if (spec.pred === "add") w.claimRanges = highlightRanges(/claim/);
    if (spec.pred === "mutate") {
      w.ranges = highlightRanges();
      w.mutations = 0;
      w.observer = new MutationObserver((recs) => { if (w.t0) w.mutations += recs.length; });
      w.observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    B.readAt = 0;
    B.waiter = w;
    return true;
  };
  B.result = () => B.waiter.promise;

  function start(type, ev) {
    const w = B.waiter;
    if (!w || w.t0 || w.done || w.spec.on !== type) return;
    if (type === "keydown" && w.spec.key && ev.key !== w.spec.key) return;
    w.t0 = now();
    B.calls = {};
    B.resumes = 0;
    B.goMs = 0;
    if (w.spec.until === "frame") requestAnimationFrame(poll);
  }
  for (const type of ["change", "keydown", "click"]) {
    window.addEventListener(type, (ev) => start(type, ev), true);
  }

  function poll() {
    const w = B.waiter;
    if (w.done) return;
    w.frames++;
    w.timeline.push(["frame", now() - w.t0]);
    if (!w.tSeen) {
      if (!predicates[w.spec.pred](w)) { requestAnimationFrame(poll); return; }
      w.tSeen = now();
    }
    requestAnimationFrame(() => { w.t1 = now(); finish(w); });
  }

  function finish(w) {
    if (w.done) return;
    w.done = true;
    clearTimeout(w.timer);
    if (w.observer) w.observer.disconnect();
    w.resolve({ t0: w.t0, tSeen: w.tSeen, t1: w.t1, readAt: B.readAt, frames: w.frames, goMs: B.goMs, counts: counts(), timeline: w.timeline });
  }

  // settle waits ms, then two animation frames: any timer the app set for
  // less than ms (autosave) has run by then.
  B.settle = async (ms) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await frame();
    await frame();
    return true;
  };

  // pickTarget scrolls to the first paragraph of #doc, from the first-th
  // on, with a run of a few plain words on one line (outside any
  // annotation element, when the app draws annotations as elements), and
  // returns the viewport coordinates to drag across them; skip passes
  // over that many such runs first (a short article has few paragraphs).
  B.pickTarget = (first, skip = 0) => {
    const paras = document.querySelectorAll("#doc p");
    const left = { skip };
    for (let i = Math.min(first, paras.length - 1); i >= 0 && i < paras.length && i < first + 400; i++) {
      const walker = document.createTreeWalker(paras[i], NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest(".ann, mark")) continue;
        const t = pickWords(node, left);
        if (t) return { para: i, ...t };
      }
    }
    return null;
  };

  // pickWords finds, in a text node, 10 to 40 characters of letters and
  // spaces from a word start to a word end that fit on one line (after
  // left.skip such runs, counted down).
  function pickWords(node, left) {
    const s = node.data;
    const limit = left && left.skip > 0 ? 40 : 12;
    for (let a = s.indexOf(" ") + 1, tries = 0; a > 0 && tries < limit; a = s.indexOf(" ", a) + 1, tries++) {
      const b = s.indexOf(" ", a + 10);
      if (b < 0) return null;
      if (b - a > 40 || !/^[A-Za-z ]+$/.test(s.slice(a, b))) continue;
      node.parentElement.scrollIntoView({ block: "center" });
      const r = document.createRange();
      r.setStart(node, a);
      r.setEnd(node, b);
      const rects = r.getClientRects();
      if (rects.length !== 1) continue;
      const q = rects[0];
      if (q.top < 0 || q.bottom > innerHeight) continue;
      if (left && left.skip > 0) { left.skip--; a = b; continue; }
      const y = q.top + q.height / 2;
      return { text: s.slice(a, b), x1: q.left + 1, x2: q.right - 1, y, mx: (q.left + q.right) / 2 };
    }
    return null;
  }

  // claimPoint scrolls the first drawn claim into view and returns a point
  // inside its first character: an .ann.l-claim element, or the first
  // range of a CSS highlight whose name says claim.
  B.claimPoint = () => {
    let range = null;
    const el = document.querySelector("#doc .ann.l-claim");
    if (el) {
      range = document.createRange();
      range.selectNodeContents(el);
    } else if (typeof CSS !== "undefined" && CSS.highlights) {
      for (const [name, h] of CSS.highlights) {
        if (!/claim/.test(name)) continue;
        for (const r of h) {
          // The app's ranges are StaticRanges: a live one has the geometry.
          range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          break;
        }
        if (range) break;
      }
    }
    if (!range) return null;
    const host = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    host.scrollIntoView({ block: "center" });
    const q = range.getClientRects()[0];
    if (!q) return null;
    return { x: q.left + Math.min(4, q.width / 2), y: q.top + q.height / 2 };
  };

  // annotationCount reads the sidebar's summary ("5000 annotations, …").
  B.annotationCount = () => {
    const s = document.querySelector("#sidebar .summary");
    return s ? parseInt(s.textContent.replace(/[^0-9].*$/s, ""), 10) : -1;
  };

  B.message = () => {
    const m = document.getElementById("message");
    return m && !m.hidden ? (m.className + ": " + m.textContent.trim()) : "";
  };

  // scroll scrolls the window from top to bottom by step pixels per
  // animation frame and returns the frame-to-frame intervals.
  B.scroll = (step, maxFrames) => new Promise((resolve) => {
    window.scrollTo(0, 0);
    const deltas = [];
    let last = 0, frames = 0;
    const t0 = now();
    const tick = (ts) => {
      if (last) deltas.push(ts - last);
      last = ts;
      const bottom = document.documentElement.scrollHeight - innerHeight;
      if (scrollY >= bottom - 1 || frames >= maxFrames) {
        resolve({ deltas, height: document.documentElement.scrollHeight, ms: now() - t0, frames, step, bottom: scrollY >= bottom - 1 });
        return;
      }
      window.scrollBy(0, step);
      frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(() => requestAnimationFrame(tick));
  });

  // memory reports the Go instance's linear memory and the element count.
  B.memory = () => ({
    wasm: B.go && B.go._inst ? B.go._inst.exports.mem.buffer.byteLength : -1,
    elements: document.getElementsByTagName("*").length,
    jsHeap: performance.memory ? performance.memory.usedJSHeapSize : -1,
  });

  // exported counts the annotations in the last downloaded Blob.
  B.exported = async () => {
    if (!B.lastBlob) return -1;
    const j = JSON.parse(await B.lastBlob.text());
    return Array.isArray(j.annotations) ? j.annotations.length : -1;
  };

  // plain is the layout baseline: the same text as plain <p>s, set with
  // one innerHTML into #doc, until the second animation frame after.
  B.plain = async (url) => {
    const html = await (await fetch(url)).text();
    const doc = document.getElementById("doc");
    await frame();
    const t0 = now();
    doc.innerHTML = html;
    await frame();
    await frame();
    return now() - t0;
  };

  // transferred sums the encoded body bytes of the page and everything it
  // fetched so far.
  B.transferred = () => performance.getEntriesByType("navigation")
    .concat(performance.getEntriesByType("resource"))
    .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0);

  B.loadEnd = () => {
    const nav = performance.getEntriesByType("navigation")[0];
    return nav ? nav.loadEventEnd : -1;
  };
})();
