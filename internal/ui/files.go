//go:build js && wasm

package ui

import (
	"fmt"
	"syscall/js"

	"sayso/internal/app"
	"sayso/internal/ui/jsutil"
)

// download offers data as a file named name.
func download(name, mime string, data []byte) {
	opts := js.Global().Get("Object").New()
	opts.Set("type", mime)
	blob := js.Global().Get("Blob").New([]any{jsutil.Uint8Array(data)}, opts)
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	a := js.Global().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("rel", "noopener")
	js.Global().Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		js.Global().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	js.Global().Call("setTimeout", revoke, 60_000)
}

// fileInfos describes the files of a FileList for the app, which decides
// what to read. The File objects are kept until the next list, for
// ReadFiles: the FileList itself empties when its input is reset.
func (u *UI) fileInfos(files js.Value) []app.FileInfo {
	u.chosen = nil
	if files.IsNull() || files.IsUndefined() {
		return nil
	}
	var out []app.FileInfo
	for i := range files.Get("length").Int() {
		f := files.Index(i)
		u.chosen = append(u.chosen, f)
		out = append(out, app.FileInfo{Name: f.Get("name").String(), Type: f.Get("type").String(), Size: int(f.Get("size").Float())})
	}
	return out
}

// readFiles reads the chosen files the app asked for, one after the
// other in a goroutine of its own (reading awaits promises), then hands
// them all back at once.
func (u *UI) readFiles(e app.ReadFiles) {
	files := u.chosen
	go func() {
		done := app.FilesRead{Purpose: e.Purpose, Skipped: e.Skipped}
		for _, i := range e.Indexes {
			if i < 0 || i >= len(files) {
				continue
			}
			f := files[i]
			name := f.Get("name").String()
			data, err := readFile(f)
			if err != nil {
				done.Failed = append(done.Failed, app.ReadFailure{Name: name, Why: err.Error()})
				continue
			}
			done.Files = append(done.Files, app.TextFile{Name: name, Data: data})
		}
		u.dispatch(done)
	}()
}

// readFile reads a File's bytes; it awaits, so it runs in a goroutine.
func readFile(f js.Value) ([]byte, error) {
	buf, err := jsutil.Await(f.Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	return jsutil.Bytes(buf), nil
}

// offlinePage fetches the offline page to put an exercise in and hands it
// to the app. The page is the offline file itself when Sayso runs from it
// (boot.js keeps a pristine copy), else the site's copy, fetched.
func (u *UI) offlinePage(e app.OfflineExercise) {
	page := app.OfflinePage{Name: e.Name, Exercise: e.Exercise}
	if f := js.Global().Get("saysoOfflinePage"); f.Type() == js.TypeFunction {
		page.Page = []byte(f.Invoke().String())
		u.dispatch(page)
		return
	}
	go func() {
		data, err := fetchBytes(e.PageURL)
		if err != nil {
			page.Err = err.Error()
		}
		page.Page = data
		u.dispatch(page)
	}()
}

// fetchBytes fetches url's body; it awaits, so it runs in a goroutine.
func fetchBytes(url string) ([]byte, error) {
	r, err := jsutil.Await(js.Global().Call("fetch", url))
	if err != nil {
		return nil, err
	}
	if !r.Get("ok").Bool() {
		return nil, fmt.Errorf("HTTP %s", r.Get("status").String())
	}
	buf, err := jsutil.Await(r.Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	return jsutil.Bytes(buf), nil
}
