// boot.js starts Sayso's Go program. index.html loads wasm_exec.js (which
// defines Go) and then this file, from a script element whose data-wasm
// attribute names the module (data-wasm="app.wasm").
//
// Served over HTTP(S) it streams the wasm named by data-wasm and registers
// the service worker (sw.js) that keeps the app usable offline. In the
// single offline file (dist/sayso.html) the wasm is embedded as base64 in
// an inert script element of type application/octet-stream with the id
// app-wasm (gzipped first when data-encoding="gzip"), decoded here and
// given to WebAssembly.instantiate; nothing is fetched. (This file is
// inlined there: it must never contain an HTML script tag or comment.)
//
// Exercise files (internal/offline): a teacher's exercise is handed out as
// the offline file with the exercise embedded in a JSON data block,
// script#sayso-exercise of type application/json. Before the program
// runs this file sets two globals for it:
//
//   - window.saysoEmbeddedExercise: the text (JSON) of that element, when
//     the page has one; otherwise it stays undefined.
//   - window.saysoOfflinePage(): in the offline file only, the page as it
//     was before anything changed it (the doctype and the serialised
//     document, the embedded module included, about 3 MB), as a string:
//     the template the program embeds another exercise into. Its inline
//     scripts and styles keep their text, so its CSP hashes still hold.
//     Served over HTTP(S) it is undefined: the site serves the same file
//     as sayso.html, for the program to fetch.
//
// Autosave's storage (IndexedDB "sayso", store "kv", internal/ui/storage.go)
// is opened and read here, at once, while the program downloads and
// compiles: on a first visit the browser takes 60–120 ms to create the
// database, which the program used to wait for once it had started.
// window.saysoStoredWork is a promise that never rejects: of {db, keys,
// values} (every key and value of the store), or of {error} (a sentence
// saying why not). The program takes it in Start (internal/ui:
// openStoredWork); without it the program keeps the work in localStorage
// and says why.
//
// The Go program marks readiness itself (document.body.dataset.ready = "1").
// If loading fails the reason is shown in #boot-error, as text only.
(() => {
  "use strict";

  // Only valid while this script is first evaluated.
  const script = document.currentScript;

  const domReady = new Promise((resolve) => {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", resolve, { once: true });
    } else {
      resolve();
    }
  });

  function showError(err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error("Sayso could not start:", err);
    const show = () => {
      let el = document.getElementById("boot-error");
      if (!el) {
        el = document.createElement("p");
        el.id = "boot-error";
        el.setAttribute("role", "alert");
        (document.body || document.documentElement).appendChild(el);
      }
      el.hidden = false;
      el.textContent = "Sayso could not start: " + message;
    };
    domReady.then(show);
    // The copy of the work painted while loading (preview.js) goes.
    if (window.saysoPreview) {
      window.saysoPreview.end();
    }
  }

  // openStoredWork opens and reads autosave's storage (see above). Its
  // names and version are internal/ui's (storage.go: idbName, idbStore,
  // the worker's open), its reading that of readIndexedDB there (which
  // reads the store again when a tab takes over), its messages those of
  // domError.
  function openStoredWork() {
    return new Promise((resolve) => {
      const fail = (what, err) => resolve({ error: err ? `${what}: ${err.name}: ${err.message}` : `${what} was stopped` });
      let req;
      try {
        if (!self.indexedDB) {
          resolve({ error: "IndexedDB is missing" });
          return;
        }
        req = indexedDB.open("sayso", 1);
      } catch (err) {
        fail("open IndexedDB", err);
        return;
      }
      req.onupgradeneeded = () => req.result.createObjectStore("kv");
      req.onblocked = () => resolve({ error: "IndexedDB is blocked by another tab" });
      req.onerror = () => fail("open IndexedDB", req.error);
      req.onsuccess = () => {
        const db = req.result;
        let tx, keys, values;
        try {
          tx = db.transaction("kv", "readonly");
          const st = tx.objectStore("kv");
          keys = st.getAllKeys();
          values = st.getAll();
        } catch (err) {
          fail("read IndexedDB", err);
          return;
        }
        tx.oncomplete = () => resolve({ db, keys: keys.result, values: values.result });
        tx.onabort = () => fail("read IndexedDB", tx.error);
      };
    });
  }
  window.saysoStoredWork = openStoredWork();

  function decodeBase64(text) {
    const clean = text.replace(/\s+/g, "");
    if (typeof Uint8Array.fromBase64 === "function") {
      return Uint8Array.fromBase64(clean);
    }
    const binary = atob(clean);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  // keepOfflinePage keeps a copy of the whole offline file, once parsed
  // and before the program runs, then removes the embedded module from
  // the document (which frees its text there).
  function keepOfflinePage(el) {
    domReady.then(() => {
      const html = "<!doctype html>\n" + document.documentElement.outerHTML;
      window.saysoOfflinePage = () => html;
      el.remove();
    });
  }

  // The embedded module of the offline file (a promise of its bytes), or
  // null. data-encoding="gzip" means the base64 holds the gzipped module.
  function embeddedModule() {
    const el = document.getElementById("app-wasm");
    if (!el) {
      return null;
    }
    const bytes = decodeBase64(el.textContent);
    const encoding = el.dataset.encoding || "";
    keepOfflinePage(el);
    if (encoding === "") {
      return Promise.resolve(bytes);
    }
    if (encoding !== "gzip") {
      return Promise.reject(new Error(`unknown encoding ${encoding} of the embedded program`));
    }
    if (typeof DecompressionStream !== "function") {
      return Promise.reject(new Error("this browser cannot unpack the embedded program (no DecompressionStream): please use a current browser"));
    }
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }

  async function fromEmbedded(bytes, imports) {
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    return instance;
  }

  async function fromURL(url, imports) {
    // The copy of the work from the last visit (preview.js) is drawn
    // first: reading and compiling the program take the cores its frames
    // need. It waits at most a quarter of a second, and not at all
    // without a copy.
    if (window.saysoPreview) {
      await window.saysoPreview.settled(250);
    }
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(`could not load ${url}: HTTP ${response.status}`);
    }
    const type = response.headers.get("Content-Type") || "";
    if (typeof WebAssembly.instantiateStreaming === "function" && type.startsWith("application/wasm")) {
      const { instance } = await WebAssembly.instantiateStreaming(response, imports);
      return instance;
    }
    const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), imports);
    return instance;
  }

  async function instantiate(go) {
    const url = script && script.dataset.wasm;
    let bytes = embeddedModule();
    if (!bytes && !url) {
      // The embedded module may come after this script in the document.
      await domReady;
      bytes = embeddedModule();
    }
    if (bytes) {
      return fromEmbedded(await bytes, go.importObject);
    }
    if (!url) {
      throw new Error("no program to run: neither #app-wasm nor data-wasm on the boot script");
    }
    return fromURL(url, go.importObject);
  }

  function registerServiceWorker() {
    const served = location.protocol === "https:" || location.protocol === "http:";
    if (!served || !("serviceWorker" in navigator)) {
      return;
    }
    navigator.serviceWorker.register("sw.js").catch((err) => {
      // The app works without it, only not offline.
      console.warn("Sayso: service worker not registered:", err);
    });
  }

  async function boot() {
    if (typeof Go !== "function") {
      throw new Error("wasm_exec.js did not load before boot.js");
    }
    if (typeof WebAssembly !== "object") {
      throw new Error("this browser cannot run WebAssembly");
    }
    const go = new Go();
    let exitCode = 0;
    const exit = go.exit;
    go.exit = (code) => {
      exitCode = code;
      exit.call(go, code);
    };
    const instance = await instantiate(go);
    await domReady;
    const exercise = document.querySelector('script#sayso-exercise[type="application/json"]');
    if (exercise) {
      window.saysoEmbeddedExercise = exercise.textContent;
    }
    registerServiceWorker();
    if (window.saysoPreview) {
      await window.saysoPreview.drawn();
    }
    await go.run(instance); // settles only when the program exits
    if (exitCode !== 0) {
      throw new Error(`the program stopped with exit code ${exitCode} (details in the browser console)`);
    }
    if (!document.body || document.body.dataset.ready !== "1") {
      throw new Error("the program stopped before it was ready");
    }
  }

  boot().catch(showError);
})();
