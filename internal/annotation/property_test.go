package annotation

import (
	"fmt"
	"math/rand"
	"testing"
)

// TestRandomOperationsUndoRedoRestoreEveryState applies long random
// sequences of operations (undos and redos included), recording Project()
// after each, then undoes all the way back to the empty project checking
// every recorded state, and redoes all the way forward again.
func TestRandomOperationsUndoRedoRestoreEveryState(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			w := newWorld(t)
			exercise(t, w, r, 400, func() bool { return true })
		})
	}
}

// FuzzOperations decodes its input into a sequence of operations and checks
// the store's invariants after each one, then that undoing everything gives
// the empty project and redoing everything gives the last one.
func FuzzOperations(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("add a claim, link it, undo, redo"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Long sequences are TestRandomOperations' job; short ones keep
		// the fuzzer fast.
		c := &byteChooser{data: data}
		w := newWorld(t)
		exercise(t, w, c, 128, func() bool { return !c.done() })
	})
}
