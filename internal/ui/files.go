//go:build js && wasm

package ui

import (
	"fmt"
	"strings"
	"syscall/js"

	"sayso/internal/app"
	"sayso/internal/offline"
)

// download offers data as a file named name.
func download(name, mime string, data []byte) {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	opts := js.Global().Get("Object").New()
	opts.Set("type", mime)
	blob := js.Global().Get("Blob").New([]any{arr}, opts)
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

// openFiles reads the first chosen or dropped file: a plain-text file
// (.txt, text/plain) becomes a new article, anything else is opened as a
// Sayso file. The current work is replaced only after the person confirms
// and the file reads cleanly.
func (u *UI) openFiles(files js.Value) {
	if files.IsNull() || files.IsUndefined() || files.Get("length").Int() == 0 {
		return
	}
	f := files.Index(0)
	name := f.Get("name").String()
	isText := strings.HasSuffix(strings.ToLower(name), ".txt") || f.Get("type").String() == "text/plain"
	limit := app.MaxImportBytes
	if isText {
		limit = app.MaxPasteBytes
	}
	if size := f.Get("size").Float(); size > float64(limit) {
		u.dispatch(app.Failed{Text: fmt.Sprintf("Could not open “%s”: it is %.1f MB, and Sayso opens files of up to %d MB.",
			name, size/(1<<20), limit>>20)})
		return
	}
	if u.st.Store.Len() > 0 && !u.win.Confirm(fmt.Sprintf(
		"Open “%s”? It replaces the current article and its %d annotations. Export them first to keep them.", name, u.st.Store.Len())) {
		return
	}
	readFile(f, func(data []byte) {
		if isText {
			u.dispatch(app.PasteFile{Name: name, Data: data})
		} else {
			u.dispatch(app.ImportFile{Name: name, Data: data})
		}
	}, func(why string) {
		u.dispatch(app.Failed{Text: fmt.Sprintf("Could not read “%s”: %s", name, why)})
	})
}

// readFile reads a File's bytes, then calls done with them, or fail with
// the browser's reason.
func readFile(f js.Value, done func([]byte), fail func(why string)) {
	var then, catch js.Func
	release := func() { then.Release(); catch.Release() }
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		buf := js.Global().Get("Uint8Array").New(args[0])
		data := make([]byte, buf.Get("length").Int())
		js.CopyBytesToGo(data, buf)
		done(data)
		return nil
	})
	catch = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		fail(args[0].Call("toString").String())
		return nil
	})
	f.Call("arrayBuffer").Call("then", then).Call("catch", catch)
}

// isTextFile reports whether a File is plain text (.txt, text/plain).
func isTextFile(f js.Value) bool {
	return strings.HasSuffix(strings.ToLower(f.Get("name").String()), ".txt") || f.Get("type").String() == "text/plain"
}

// allText reports whether every file of a FileList is plain text.
func allText(files js.Value) bool {
	n := files.Get("length").Int()
	for i := range n {
		if !isTextFile(files.Index(i)) {
			return false
		}
	}
	return n > 0
}

// addTextFiles reads every plain-text file of a FileList and adds them as
// documents (app.AddTextFiles); other files are reported, not read.
func (u *UI) addTextFiles(files js.Value) {
	u.readFiles(files, app.MaxPasteBytes, func(f js.Value) string {
		if !isTextFile(f) {
			return "is not a .txt file (use Open for annotation files)"
		}
		return ""
	}, func(read []app.TextFile) { u.dispatch(app.AddTextFiles{Files: read}) })
}

// addCompareFiles reads every file of a FileList into the compare view.
func (u *UI) addCompareFiles(files js.Value) {
	u.readFiles(files, app.MaxImportBytes, func(js.Value) string { return "" },
		func(read []app.TextFile) { u.dispatch(app.AddCompareFiles{Files: read}) })
}

// readFiles reads the files of a FileList that refuse accepts (it returns
// why not, or "") and are at most limit bytes, then calls done with them
// all at once; the others are reported.
func (u *UI) readFiles(files js.Value, limit int, refuse func(js.Value) string, done func([]app.TextFile)) {
	n := files.Get("length").Int()
	var read []app.TextFile
	var skipped []string
	pending := 0
	finish := func() {
		if pending > 0 {
			return
		}
		if len(read) > 0 {
			done(read)
		}
		if len(skipped) > 0 {
			u.dispatch(app.Failed{Text: "Not read: " + strings.Join(skipped, "; ")})
		}
	}
	for i := range n {
		f := files.Index(i)
		name := f.Get("name").String()
		if why := refuse(f); why != "" {
			skipped = append(skipped, fmt.Sprintf("“%s” %s", name, why))
			continue
		}
		if size := f.Get("size").Float(); size > float64(limit) {
			skipped = append(skipped, fmt.Sprintf("“%s” is %.1f MB, over the %d MB limit", name, size/(1<<20), limit>>20))
			continue
		}
		pending++
		readFile(f, func(data []byte) {
			read = append(read, app.TextFile{Name: name, Data: data})
			pending--
			finish()
		}, func(why string) {
			skipped = append(skipped, fmt.Sprintf("“%s” could not be read: %s", name, why))
			pending--
			finish()
		})
	}
	finish()
}

// offlineExercise builds the offline page with an exercise inside and
// downloads it. The page's template is the offline file itself when Sayso
// runs from it (boot.js keeps a pristine copy), else the site's
// sayso.html, fetched.
func (u *UI) offlineExercise(e app.OfflineExercise) {
	finish := func(page []byte) {
		out, err := offline.Embed(page, e.Exercise)
		if err != nil {
			u.dispatch(app.Failed{Text: "Could not build the offline page: " + err.Error()})
			return
		}
		download(e.Name, "text/html;charset=utf-8", out)
		u.dispatch(app.Notify{Text: "Exported the offline page “" + e.Name + "”: students open it in any browser, with no internet, and it starts the exercise. Your annotations are not in it."})
	}
	if f := js.Global().Get("saysoOfflinePage"); f.Type() == js.TypeFunction {
		finish([]byte(f.Invoke().String()))
		return
	}
	var check, then, fail js.Func
	release := func() { check.Release(); then.Release(); fail.Release() }
	check = js.FuncOf(func(_ js.Value, args []js.Value) any {
		r := args[0]
		if !r.Get("ok").Bool() {
			return js.Global().Get("Promise").Call("reject", "HTTP "+r.Get("status").String())
		}
		return r.Call("arrayBuffer")
	})
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		buf := js.Global().Get("Uint8Array").New(args[0])
		data := make([]byte, buf.Get("length").Int())
		js.CopyBytesToGo(data, buf)
		finish(data)
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		u.dispatch(app.Failed{Text: "Could not fetch the offline page to put the exercise in (" + args[0].Call("toString").String() + "). Export the exercise file instead: students open it with Open."})
		return nil
	})
	js.Global().Call("fetch", offline.PageName).Call("then", check).Call("then", then).Call("catch", fail)
}
