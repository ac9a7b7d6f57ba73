// saveworker.js is the dedicated worker that carries out autosave's
// writes to IndexedDB off the page's thread: opening a readwrite
// transaction and handing it the values blocks the page's thread on the
// browser's storage process for milliseconds (internal/ui/storage.go
// decides which writes come here; the save on leaving the page never
// does, since this worker dies with the page).
//
// Messages from the page:
//
//   - {open: name, store, version}: open the database (creating the
//     store if it is new); answered {ready: true}, or {failed: "why"}.
//   - {id, page, fence, fenceKey, ops}: carry out ops in one readwrite
//     transaction (durability "strict", committed as soon as its requests
//     are made). ops is flat: kind, key, value for each op, where kind is
//     0 (put value, a string or a Uint8Array), 1 (delete key) or 2
//     (delete every key from key up to value, excluded). Answered
//     {id, error}: error is "" once the transaction committed, else the
//     reason it aborted, worded as the page words its own; nothing of it
//     was written then.
//
// The fence: when the page is hidden or left while writes are here, it
// writes them again itself, with fenceKey set to page + ":" + a number
// above every fence it gave before. A transaction here first reads
// fenceKey: if this page has since written a higher fence, its ops are
// already written, and written again after newer ones would undo them —
// it aborts with error "superseded". Whichever of the two copies ran
// first, IndexedDB ends in the state of the page's order of writes.
"use strict";

let db = null;
let storeName = "";

// SUPERSEDED is the error of a write the page has written itself.
const SUPERSEDED = "superseded";

self.onmessage = (event) => {
  const m = event.data;
  if (typeof m.open === "string") {
    open(m);
    return;
  }
  write(m);
};

function describe(err, what) {
  if (!err) {
    return what + " was stopped";
  }
  return what + ": " + err.name + ": " + err.message;
}

function open(m) {
  storeName = m.store;
  let req;
  try {
    req = indexedDB.open(m.open, m.version);
  } catch (err) {
    self.postMessage({ failed: describe(err, "open IndexedDB") });
    return;
  }
  req.onupgradeneeded = () => req.result.createObjectStore(m.store);
  req.onsuccess = () => {
    db = req.result;
    self.postMessage({ ready: true });
  };
  req.onerror = () => self.postMessage({ failed: describe(req.error, "open IndexedDB") });
  req.onblocked = () => self.postMessage({ failed: "IndexedDB is blocked by another tab" });
}

function write(m) {
  let tx;
  try {
    tx = db.transaction(storeName, "readwrite", { durability: "strict" });
  } catch (err) {
    self.postMessage({ id: m.id, error: err.name + ": " + err.message });
    return;
  }
  let error = "";
  tx.oncomplete = () => self.postMessage({ id: m.id, error: "" });
  tx.onabort = () => self.postMessage({ id: m.id, error: error || describe(tx.error, "write IndexedDB") });
  const st = tx.objectStore(storeName);
  const fence = st.get(m.fenceKey);
  fence.onsuccess = () => {
    const f = fence.result;
    const mine = m.page + ":";
    if (typeof f === "string" && f.startsWith(mine) && Number(f.slice(mine.length)) > m.fence) {
      error = SUPERSEDED;
      tx.abort();
      return;
    }
    try {
      const ops = m.ops;
      for (let i = 0; i + 2 < ops.length; i += 3) {
        switch (ops[i]) {
          case 0:
            st.put(ops[i + 2], ops[i + 1]);
            break;
          case 1:
            st.delete(ops[i + 1]);
            break;
          case 2:
            st.delete(IDBKeyRange.bound(ops[i + 1], ops[i + 2], false, true));
            break;
        }
      }
      if (typeof tx.commit === "function") {
        tx.commit();
      }
    } catch (err) {
      error = err.name + ": " + err.message;
      tx.abort();
    }
  };
}
