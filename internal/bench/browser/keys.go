//go:build !js

package browser

import (
	"fmt"

	"github.com/chromedp/chromedp"
)

// CtrlKey presses and releases a key with Control held ("z": undo).
func (t *Tab) CtrlKey(key string) error {
	if err := chromedp.Do(t.ctx, chromedp.KeyEvent(key, chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		return fmt.Errorf("press Ctrl+%s: %w", key, err)
	}
	return nil
}
