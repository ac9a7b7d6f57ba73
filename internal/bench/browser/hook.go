//go:build !js

package browser

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

//go:embed hook.js
var hookJS string

// Hook configures the script injected into every document of a tab.
type Hook struct {
	ClearStorage bool   `json:"clearStorage"` // empty localStorage before the app starts
	Count        bool   `json:"count"`        // count syscall/js crossings
	PasteAtReady bool   `json:"pasteAtReady"` // paste PasteText as soon as the app is ready
	PasteText    string `json:"pasteText"`
}

// Script returns hook.js with the configuration filled in.
func (h Hook) Script() (string, error) {
	cfg, err := json.Marshal(h)
	if err != nil {
		return "", fmt.Errorf("hook config: %w", err)
	}
	const placeholder = "HOOK_CONFIG;"
	if !strings.Contains(hookJS, placeholder) {
		return "", fmt.Errorf("hook.js has no %s", placeholder)
	}
	return strings.Replace(hookJS, placeholder, string(cfg)+";", 1), nil
}
