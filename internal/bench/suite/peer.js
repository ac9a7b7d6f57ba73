// The peer page's script (Sayso's benchmark, issue 13): Recogito
// text-annotator (its UMD bundle, global RecogitoJS) is handed the same
// text and spans as Sayso, and timed with performance.now() like the app.
(() => {
  "use strict";
  const now = () => performance.now();
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const doc = document.getElementById("doc");
  const known = new Set();
  let anno = null;

  function inViewport(el) {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  }

  // A highlight of Recogito's (its default SPANS renderer draws a
  // span.r6o-annotation per line box in a layer over the text; the
  // CSS_HIGHLIGHTS renderer one CSS highlight per annotation) in view.
  function highlightInView(fresh) {
    for (const el of document.querySelectorAll(".r6o-annotation")) {
      if (fresh && known.has(el.dataset.annotation)) continue;
      if (inViewport(el)) return el.dataset.annotation || "?";
    }
    if (typeof CSS !== "undefined" && CSS.highlights) {
      for (const [name] of CSS.highlights) {
        const id = name.replace(/^_/, "");
        if (!fresh || !known.has(id)) return id;
      }
    }
    return "";
  }

  // toAnnotations groups the spans ({id, start, end, quote}: UTF-16
  // offsets in #doc's textContent) by annotation into Recogito's own
  // model (no adapter), one selector per fragment.
  function toAnnotations(spans) {
    const byID = new Map();
    for (const s of spans) {
      let a = byID.get(s.id);
      if (!a) {
        a = { id: s.id, bodies: [], target: { annotation: s.id, selector: [] } };
        byID.set(s.id, a);
      }
      a.target.selector.push({ quote: s.quote, start: s.start, end: s.end });
    }
    return [...byID.values()];
  }

  window.__peer = {
    // open fetches the role's text and spans (untimed), then times from
    // handing them over (parsing the JSON included) to the second
    // animation frame after the first one with the text and a highlight
    // in view.
    async open(role, limitMs) {
      try {
        const [html, json] = await Promise.all([
          fetch(`/bench/peer-${role}.html`).then((r) => r.text()),
          fetch(`/bench/peer-${role}.json`).then((r) => r.text()),
        ]);
        await frame();
        const t0 = now();
        const annotations = toAnnotations(JSON.parse(json));
        doc.innerHTML = html;
        anno = RecogitoJS.createTextAnnotator(doc);
        anno.setAnnotations(annotations);
        for (const a of annotations) known.add(a.id);
        let frames = 0;
        for (;;) {
          await frame();
          frames++;
          const p = doc.querySelector("p");
          if (p && inViewport(p) && highlightInView(false)) break;
          if (now() - t0 > limitMs) return { error: `no highlight painted within ${limitMs / 1000} s` };
        }
        const seen = now() - t0;
        await frame();
        return { ms: now() - t0, seen, frames, annotations: anno.getAnnotations().length };
      } catch (e) {
        return { error: String(e && e.stack || e) };
      }
    },

    // armAdd times the next pointerup (the end of a selection made with
    // the mouse, seen in the capture phase before Recogito's listener) to
    // the second animation frame after the first with a highlight of an
    // annotation not drawn before.
    armAdd(timeoutMs) {
      if (this.abort) this.abort.abort();
      const abort = new AbortController();
      this.abort = abort;
      let resolve, reject;
      const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
      const timer = setTimeout(() => {
        abort.abort();
        reject(new Error(`no new highlight within ${timeoutMs} ms`));
      }, timeoutMs);
      window.addEventListener("pointerup", () => {
        const t0 = now();
        const poll = () => {
          if (abort.signal.aborted) return;
          const id = highlightInView(true);
          if (!id) { requestAnimationFrame(poll); return; }
          requestAnimationFrame(() => {
            clearTimeout(timer);
            known.add(id);
            resolve(now() - t0);
          });
        };
        requestAnimationFrame(poll);
      }, { capture: true, once: true, signal: abort.signal });
      this.pending = promise;
      return true;
    },
    addResult() { return this.pending; },
  };
})();
