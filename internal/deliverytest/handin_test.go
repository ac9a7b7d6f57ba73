//go:build !js

package deliverytest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/browsertest"
	"sayso/internal/deliverytest"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
	"sayso/internal/handin/handintest"
	"sayso/internal/site"
)

// TestHandInBoxUnderWranglerDev runs a class through the hand-in box of
// the real Worker (workerd, local D1 and R2 state in build/handin-test):
// a teacher opens a box, students hand in, the teacher collects, closes
// and deletes, and then the local D1 and R2 hold nothing of the box.
func TestHandInBoxUnderWranglerDev(t *testing.T) {
	root := browsertest.ModuleRoot(t)
	state := filepath.Join(root, "build", "handin-test")
	require.NoError(t, os.RemoveAll(state))
	// A per-box limit low enough to reach in a burst, high enough for
	// the class below (at most 8 hand-ins in a minute).
	const perBox = 12
	base := deliverytest.WranglerWith(t, deliverytest.Options{State: state, Migrate: true,
		Vars: map[string]string{"HANDIN_PER_BOX": strconv.Itoa(perBox)}})
	api := handintest.Client{Base: base}

	class, err := handintest.NewClass("Week 3: who said it?")
	require.NoError(t, err)
	export := func(student string, edit func(p *annotation.Project)) []byte {
		b, err := class.Export(student, edit)
		require.NoError(t, err)
		return b
	}
	refusal := func(r handintest.Response) handintest.Error {
		var e handintest.Error
		require.NoError(t, r.JSON(&e))
		return e
	}

	var box handintest.Opened
	t.Run("the teacher opens a box from the site's origin", func(t *testing.T) {
		r, err := api.Do(http.MethodPost, "/api/boxes", "", "", class.ExerciseFile, map[string]string{"Origin": base})
		require.NoError(t, err)
		require.Equal(t, http.StatusCreated, r.Status, string(r.Body))
		require.NoError(t, r.JSON(&box))
		assert.Regexp(t, `^[0-9a-f]{24}$`, box.ID)
		// The page's CSP lets it call its own origin, and no other.
		res, err := http.Get(base + "/")
		require.NoError(t, err)
		res.Body.Close()
		assert.Contains(t, res.Header.Get("Content-Security-Policy"), "connect-src 'self';")
		assert.Equal(t, site.CSP, res.Header.Get("Content-Security-Policy"))
	})

	ana1, ana2 := export("Ana", nil), export("Ana", func(p *annotation.Project) { p.Documents[0].Done = true })
	ben := export("Ben", nil)
	cleo := export("Cleo", nil)
	handedIn := map[string][]byte{}

	t.Run("Ana hands in twice, and a retry stores nothing", func(t *testing.T) {
		r, err := api.HandIn(box, "ana-first-hand-in", ana1)
		require.NoError(t, err)
		require.Equal(t, http.StatusCreated, r.Status, string(r.Body))
		var first handintest.Receipt
		require.NoError(t, r.JSON(&first))
		assert.Equal(t, "Ana", first.Student)
		assert.Equal(t, int64(len(ana1)), first.Size)

		r, err = api.HandIn(box, "ana-first-hand-in", ana1)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, r.Status, string(r.Body))
		var again handintest.Receipt
		require.NoError(t, r.JSON(&again))
		assert.True(t, again.Replayed)
		assert.Equal(t, first.ID, again.ID)
		assert.Equal(t, first.Received, again.Received)

		r, err = api.HandIn(box, "ana-second-hand-in", ana2)
		require.NoError(t, err)
		require.Equal(t, http.StatusCreated, r.Status, string(r.Body))
		handedIn["Ana"] = ana2
	})

	t.Run("Ben's edited text is refused, saying why; then his work is taken", func(t *testing.T) {
		edited := export("Ben", func(p *annotation.Project) {
			p.Documents[1].Text = strings.Replace(p.Documents[1].Text, "rise", "fall", 1)
		})
		r, err := api.HandIn(box, "ben-edited-hand-in", edited)
		require.NoError(t, err)
		require.Equal(t, http.StatusUnprocessableEntity, r.Status)
		e := refusal(r)
		assert.Equal(t, "refused", e.Code)
		assert.Equal(t, "not handed in: document “Café prices” has a different text", e.Error)
		assert.Equal(t, []string{"document “Café prices” has a different text"}, e.Problems)

		r, err = api.HandIn(box, "ben-right-hand-in", ben)
		require.NoError(t, err)
		require.Equal(t, http.StatusCreated, r.Status, string(r.Body))
		handedIn["Ben"] = ben
	})

	t.Run("Cleo's file over 10 MB is refused; then she hands in from the offline page", func(t *testing.T) {
		huge := export("Cleo", func(p *annotation.Project) {
			p.Annotations = nil
			p.Speakers = nil
			// A long note on nothing is still a valid file: pad with
			// an extra document the exercise does not have.
			p.Documents = append(p.Documents, annotation.Document{ID: "pad", Title: "pad", Text: strings.Repeat("padding ", 10<<17)})
		})
		require.Greater(t, len(huge), 10<<20)
		r, err := api.HandIn(box, "cleo-huge-hand-in", huge)
		require.NoError(t, err)
		require.Equal(t, http.StatusRequestEntityTooLarge, r.Status, string(r.Body))
		assert.Equal(t, "too_large", refusal(r).Code)
		assert.Contains(t, refusal(r).Error, "at most 10 MB can be handed in")

		// The offline page opened from file:// has origin "null": its
		// browser asks first, then hands in.
		pre, err := api.Do(http.MethodOptions, box.HandIns, "", "", nil, map[string]string{
			"Origin": "null", "Access-Control-Request-Method": "POST",
			"Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
		})
		require.NoError(t, err)
		assert.Equal(t, http.StatusNoContent, pre.Status, string(pre.Body))
		assert.Equal(t, "null", pre.Header.Get("Access-Control-Allow-Origin"))
		assert.Equal(t, "Authorization, Content-Type, Idempotency-Key", pre.Header.Get("Access-Control-Allow-Headers"))

		r, err = api.Do(http.MethodPost, box.HandIns, box.HandInCode, "cleo-offline-hand-in", cleo, map[string]string{"Origin": "null"})
		require.NoError(t, err)
		require.Equal(t, http.StatusCreated, r.Status, string(r.Body))
		assert.Equal(t, "null", r.Header.Get("Access-Control-Allow-Origin"))
		handedIn["Cleo"] = cleo

		// But the offline page may do nothing else.
		r, err = api.Do(http.MethodGet, box.HandIns, box.OwnerSecret, "", nil, map[string]string{"Origin": "null"})
		require.NoError(t, err)
		assert.Equal(t, http.StatusForbidden, r.Status)
		assert.Empty(t, r.Header.Get("Access-Control-Allow-Origin"))
	})

	t.Run("Dan's wrong code is refused", func(t *testing.T) {
		r, err := api.Do(http.MethodPost, box.HandIns, "0123456789abcdef0123456789abcdef", "dan-wrong-code-1", export("Dan", nil), nil)
		require.NoError(t, err)
		require.Equal(t, http.StatusForbidden, r.Status)
		assert.Equal(t, "wrong hand-in code for this box: check the exercise file you were given", refusal(r).Error)
	})

	var listed handintest.Listed
	t.Run("the teacher lists every version and fetches the latest of each student", func(t *testing.T) {
		r, err := api.Do(http.MethodGet, box.HandIns, box.OwnerSecret, "", nil, nil)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, r.Status, string(r.Body))
		require.NoError(t, r.JSON(&listed))
		assert.Len(t, listed.HandIns, 4, "Ana twice, Ben and Cleo once")

		r, err = api.Do(http.MethodGet, box.HandIns+"?latest=true", box.OwnerSecret, "", nil, map[string]string{"Origin": base})
		require.NoError(t, err)
		var latest handintest.Listed
		require.NoError(t, r.JSON(&latest))
		require.Len(t, latest.HandIns, 3)
		for _, h := range latest.HandIns {
			r, err := api.Do(http.MethodGet, box.HandIns+"/"+h.ID, box.OwnerSecret, "", nil, nil)
			require.NoError(t, err)
			require.Equal(t, http.StatusOK, r.Status)
			assert.Equal(t, "attachment; filename=\""+h.ID+".sayso.json\"", r.Header.Get("Content-Disposition"))
			assert.True(t, bytes.Equal(handedIn[h.Student], r.Body), "the file of %s, byte for byte", h.Student)
			// What Compare does with it: open it and check it against the exercise.
			p, err := native.Decode(r.Body)
			require.NoError(t, err)
			assert.Empty(t, exercise.Check(class.Exercise, p).Problems)
		}
	})

	t.Run("the teacher closes the box, and hand-ins are refused", func(t *testing.T) {
		r, err := api.Do(http.MethodPatch, box.Box, box.OwnerSecret, "", []byte(`{"closed":true}`), nil)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, r.Status, string(r.Body))
		var st struct {
			Closed  bool  `json:"closed"`
			HandIns int   `json:"handIns"`
			Bytes   int64 `json:"bytes"`
		}
		require.NoError(t, r.JSON(&st))
		assert.True(t, st.Closed)
		assert.Equal(t, 4, st.HandIns)
		assert.Equal(t, 5, countBlobs(t, state), "the exercise and four hand-ins are in the local R2")

		r, err = api.HandIn(box, "ben-too-late-hand-in", ben)
		require.NoError(t, err)
		assert.Equal(t, http.StatusConflict, r.Status)
		assert.Equal(t, "closed", refusal(r).Code)
	})

	t.Run("the teacher deletes the box: the API answers 404 and D1 and R2 hold nothing of it", func(t *testing.T) {
		r, err := api.Do(http.MethodDelete, box.Box, box.OwnerSecret, "", nil, nil)
		require.NoError(t, err)
		require.Equal(t, http.StatusNoContent, r.Status, string(r.Body))
		for _, p := range []string{box.Box, box.HandIns, box.HandIns + "/" + listed.HandIns[0].ID} {
			r, err := api.Do(http.MethodGet, p, box.OwnerSecret, "", nil, nil)
			require.NoError(t, err)
			assert.Equal(t, http.StatusNotFound, r.Status, p)
		}
		r, err = api.HandIn(box, "after-the-delete-1", ben)
		require.NoError(t, err)
		assert.Equal(t, http.StatusNotFound, r.Status)

		assert.Equal(t, map[string]int{"boxes": 0, "hand_ins": 0, "box_counters": 0}, d1Rows(t, root, state, box.ID))

		// R2 object bodies are the files under v3/r2/<bucket>/blobs.
		assert.Zero(t, countBlobs(t, state), "file blobs left in the local R2")
		h := listed.HandIns[len(listed.HandIns)-1]
		for _, k := range []string{
			"boxes/" + box.ID + "/exercise.sayso-exercise.json",
			"boxes/" + box.ID + "/hand-ins/" + h.ID + "-" + h.SHA256[:16] + ".sayso.json",
		} {
			out, err := deliverytest.Command(root, "r2", "object", "get", "sayso-handin/"+k, "--local", "--persist-to", state, "--pipe")
			assert.Error(t, err, "R2 still holds %s", k)
			assert.Contains(t, out, "The specified key does not exist", k)
		}
	})

	t.Run("a burst of hand-ins into one box is held back by the box's counter in D1, and nothing refused is stored", func(t *testing.T) {
		burst, err := api.Open(class)
		require.NoError(t, err)
		// 2·perBox+1 hand-ins span at most two one-minute windows, so at
		// least one window gets more than perBox of them.
		taken, limited := 0, 0
		for i := range 2*perBox + 1 {
			r, err := api.HandIn(burst, fmt.Sprintf("burst-hand-in-%02d", i), ben)
			require.NoError(t, err)
			switch r.Status {
			case http.StatusCreated:
				taken++
			case http.StatusTooManyRequests:
				limited++
				assert.Equal(t, "rate_limited", refusal(r).Code)
				assert.NotEmpty(t, r.Header.Get("Retry-After"), "a refusal says when to try again")
			default:
				t.Fatalf("hand-in %d: %d %s", i, r.Status, r.Body)
			}
		}
		assert.Positive(t, limited, "the per-box limit held some back")
		assert.LessOrEqual(t, taken, 2*perBox, "no window took more than its limit")

		r, err := api.Do(http.MethodGet, burst.HandIns, burst.OwnerSecret, "", nil, nil)
		require.NoError(t, err)
		var got handintest.Listed
		require.NoError(t, r.JSON(&got))
		assert.Len(t, got.HandIns, taken, "exactly the hand-ins that were taken are stored")

		r, err = api.Do(http.MethodDelete, burst.Box, burst.OwnerSecret, "", nil, nil)
		require.NoError(t, err)
		require.Equal(t, http.StatusNoContent, r.Status, string(r.Body))
		assert.Equal(t, map[string]int{"boxes": 0, "hand_ins": 0, "box_counters": 0}, d1Rows(t, root, state, burst.ID))
		assert.Zero(t, countBlobs(t, state), "file blobs left in the local R2")
	})
}

// d1Rows counts the rows the local D1 database in state holds: boxes and
// hand-ins (of any box) and the rate counters of box.
func d1Rows(t *testing.T, root, state, box string) map[string]int {
	t.Helper()
	out, err := deliverytest.Command(root, "d1", "execute", "HANDIN_DB", "--local", "--persist-to", state, "--json",
		"--command", "SELECT (SELECT count(*) FROM boxes) AS boxes, (SELECT count(*) FROM hand_ins) AS hand_ins, "+
			"(SELECT count(*) FROM rate_counts WHERE key = 'box:"+box+"') AS box_counters")
	require.NoError(t, err, out)
	var res []struct {
		Results []map[string]int `json:"results"`
	}
	require.NoError(t, json.Unmarshal([]byte(out[strings.Index(out, "["):]), &res), out)
	require.Len(t, res, 1)
	require.Len(t, res[0].Results, 1)
	return res[0].Results[0]
}

// countBlobs counts the object bodies in the local R2 state.
func countBlobs(t *testing.T, state string) int {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(state, "v3", "r2", "sayso-handin", "blobs"))
	if os.IsNotExist(err) {
		return 0
	}
	require.NoError(t, err)
	return len(entries)
}
