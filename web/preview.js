// preview.js paints the person's work on a reload before Sayso's program
// has loaded: the first screen of the document they were annotating, its
// title, its topic and the highlights in it, from the copy the page kept
// in localStorage ("sayso:screen", internal/app/firstscreen.go and
// internal/app/view/firstscreen.go) when it was last hidden or left.
// Loading the program takes far longer than reading that copy, so the page
// shows the work at once and the program takes over when it is ready: it
// calls saysoPreview.end() in the task in which it draws its own page, so
// the two never show together.
//
// The copy is of the state the page's last save wrote, and the program
// removes it before it writes any later save, so a copy in storage is
// always of the saved work. It is shown only for the document the page
// showed last (localStorage "sayso:shown"), which is the one the program
// shows. Without one, or when anything fails, nothing is painted and the
// program draws the page as it always did.
//
// Until the program is ready the workspace is inert (nothing in it can be
// focused, typed into or clicked) and marked busy; the toolbar's buttons
// wait for the program as they always did. The text goes into the page
// as text (textContent), never as markup; the style sheet is the one the
// program made from the labels' colours, which holds nothing from outside.
// The copy's paint is marked for the benchmark (User Timing
// sayso:preview).
//
// This file is the first script of the page's head, so that the copy is
// read before the stylesheet and the program load; it paints as soon as
// the workspace is parsed. (It is inlined in the offline single file: it
// must never contain an HTML script tag or comment.)
(() => {
  "use strict";

  let ended = false;
  let undo = null; // takes the painted copy away again
  let shown = null; // resolves once the frame showing the copy is drawn
  // settled resolves once the copy is on screen, or known to be absent.
  let settle;
  const settled = new Promise((resolve) => {
    settle = resolve;
  });

  window.saysoPreview = {
    // painted reports whether the copy is on the page.
    painted() {
      return undo !== null;
    },
    // drawn resolves once the copy painted so far is on screen: the
    // program's start holds the page's thread for a while, and the frame
    // that shows the copy comes first. Without a copy it resolves at once.
    drawn() {
      return shown || Promise.resolve();
    },
    // settled resolves once the copy is on screen or known to be absent,
    // and at the latest after ms: the program's compilation waits for it,
    // as it would take the cores the frame showing the copy needs.
    settled(ms) {
      return Promise.race([settled, new Promise((resolve) => setTimeout(resolve, ms))]);
    },
    // end takes the copy away (the program is about to draw the page).
    end() {
      ended = true;
      if (undo) {
        undo();
        undo = null;
      }
      settle();
    },
  };

  // stored is the copy kept for the document shown last, or null.
  function stored() {
    if (!window.CSS || !CSS.highlights || typeof StaticRange !== "function") {
      return null;
    }
    const value = localStorage.getItem("sayso:screen");
    if (value === null) {
      return null;
    }
    const copy = JSON.parse(value);
    if (!copy || copy.v !== 1 || copy.doc !== localStorage.getItem("sayso:shown") ||
        !Array.isArray(copy.paras) || !Array.isArray(copy.ranges) || typeof copy.styles !== "string") {
      return null;
    }
    return copy;
  }

  // highlight draws the copy's ranges as highlights of its own, under the
  // names web/highlight.js gives its styles (app.css and the copy's style
  // sheet colour them): the program's highlight.js starts empty when it
  // loads, and replaces each name's highlight only when it draws that
  // style, so these stay until end() takes them away.
  function highlight(copy) {
    const styles = copy.styles.split(" ");
    const mine = new Map(); // name → Highlight
    const r = copy.ranges;
    for (let i = 0; i + 4 < r.length; i += 5) {
      const p = document.getElementById("p" + r[i + 2]);
      const node = p && p.firstChild;
      const style = styles[r[i + 1]];
      if (!node || node.nodeType !== Node.TEXT_NODE || !style || r[i + 4] > node.length) {
        continue;
      }
      const name = "sayso-" + style;
      let h = mine.get(name);
      if (!h) {
        h = new Highlight();
        mine.set(name, h);
      }
      h.add(new StaticRange({ startContainer: node, startOffset: r[i + 3], endContainer: node, endOffset: r[i + 4] }));
    }
    for (const [name, h] of mine) {
      CSS.highlights.set(name, h);
    }
    return () => {
      for (const [name, h] of mine) {
        if (CSS.highlights.get(name) === h) {
          CSS.highlights.delete(name);
        }
      }
    };
  }

  function paint(copy) {
    const ws = document.getElementById("workspace");
    const doc = document.getElementById("doc");
    const title = document.getElementById("doc-title");
    const topic = document.getElementById("topic");
    const loading = document.getElementById("loading");
    // The side panels are the program's to fill: empty boxes until then.
    const side = ws && ws.querySelector("aside");
    if (ended || !ws || !doc || !title || !topic || !loading ||
        document.getElementById("sayso-exercise") || document.body.dataset.ready) {
      return;
    }
    const frag = document.createDocumentFragment();
    let sec = null;
    copy.paras.forEach(([start, text], i) => {
      if (i % 20 === 0) {
        sec = document.createElement("section");
        frag.appendChild(sec);
      }
      const p = document.createElement("p");
      p.id = "p" + i;
      p.dataset.o = String(start);
      p.dir = "auto";
      p.textContent = text;
      sec.appendChild(p);
    });

    let sheet = null;
    let unhighlight = () => {};
    // Set first, so that a failure half-way takes back what was done.
    undo = () => {
      unhighlight();
      doc.replaceChildren();
      title.textContent = "";
      topic.value = "";
      delete document.body.dataset.screen;
      ws.hidden = true;
      ws.inert = false;
      ws.removeAttribute("aria-busy");
      loading.hidden = false;
      if (side) {
        side.style.visibility = "";
      }
      if (sheet) {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    };
    if (typeof CSSStyleSheet === "function" && document.adoptedStyleSheets) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(copy.css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    doc.replaceChildren(frag);
    title.textContent = copy.title;
    topic.value = copy.topic;
    document.body.dataset.screen = "doc";
    loading.hidden = true;
    if (side) {
      side.style.visibility = "hidden";
    }
    ws.hidden = false;
    ws.inert = true;
    ws.setAttribute("aria-busy", "true");
    unhighlight = highlight(copy);
    performance.mark("sayso:preview");
    // After the frame that draws the copy.
    shown = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    shown.then(settle);
  }

  // whenParsed calls f once the elements the copy goes into are parsed
  // (the workspace, and what follows it): the scripts at the end of the
  // page need not have loaded.
  function whenParsed(f) {
    const parsed = () => {
      const ws = document.getElementById("workspace");
      return document.readyState !== "loading" || (ws !== null && ws.nextElementSibling !== null);
    };
    if (parsed()) {
      f();
      return;
    }
    const watch = new MutationObserver(() => {
      if (parsed()) {
        watch.disconnect();
        f();
      }
    });
    watch.observe(document, { childList: true, subtree: true });
  }

  let copy = null;
  try {
    copy = stored();
  } catch (err) {
    // Unreadable, or no localStorage: the program draws the page.
  }
  // The program draws the restored page from its top. The browser's own
  // restoring of the last scroll position on a reload (which it decides
  // by what the page being left set) would move the copy alone, and the
  // page would jump when the program takes over.
  if ("scrollRestoration" in history) {
    history.scrollRestoration = "manual";
  }
  if (!copy || location.protocol === "file:") {
    settle();
    return;
  }
  whenParsed(() => {
    try {
      paint(copy);
    } catch (err) {
      // A copy the page cannot paint: the program draws the page.
      window.saysoPreview.end();
    }
    if (!undo) {
      settle();
    }
  });
})();
