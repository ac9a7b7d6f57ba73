//go:build js && wasm

package ui

import (
	"syscall/js"
	"time"
)

// fadeNoticeAfter fades the notice just drawn after d (view.NoticeFor;
// 0 keeps it until dismissed): the class "faded" takes it off the screen
// but leaves its text in the page, so a screen reader still finds it. A
// notice under the pointer or holding the focus waits until left.
func (u *UI) fadeNoticeAfter(d time.Duration) {
	if !u.noticeTimer.IsUndefined() {
		js.Global().Call("clearTimeout", u.noticeTimer)
		u.noticeTimer = js.Undefined()
	}
	if d <= 0 {
		return
	}
	if u.noticeFunc.IsUndefined() {
		u.noticeFunc = js.FuncOf(func(js.Value, []js.Value) any {
			u.noticeTimer = js.Undefined()
			el := u.message.Underlying()
			if el.Call("matches", ":hover, :focus-within").Bool() {
				u.noticeTimer = js.Global().Call("setTimeout", u.noticeFunc, 2000)
				return nil
			}
			el.Get("classList").Call("add", "faded")
			return nil
		})
		u.funcs = append(u.funcs, u.noticeFunc)
	}
	u.noticeTimer = js.Global().Call("setTimeout", u.noticeFunc, d.Milliseconds())
}
