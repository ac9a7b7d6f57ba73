//go:build !js

package deliverytest_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
	"sayso/internal/deliverytest"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
	"sayso/internal/handin/handintest"
	"sayso/internal/handinclient"
	"sayso/internal/offline"
)

const (
	handInTitle = "Week 3 who said it"
	slowDeath   = "“a slow death for small businesses.”"
	ourStreets  = "“Our streets were built for people, not for parking,”"
	sidebarRows = `document.querySelectorAll("#sidebar [data-id]").length`
	message     = `document.getElementById("message-text").textContent`
)

// claimOf tags a speaker, then a claim with a stance (a digit key) linked
// to that speaker, with the mouse and keys as a person does.
func claimOf(p *browsertest.Page, speaker, claim, stanceKey string) {
	p.T.Helper()
	p.SelectText(speaker, 0)
	p.Press("s")
	p.SelectText(claim, 0)
	p.Press("c")
	p.Press(stanceKey)
	p.Press("l")
}

// student opens Sayso at url in a browser profile of their own, watching
// the page's CSP from the first byte.
func student(t *testing.T, url string) *browsertest.Page {
	t.Helper()
	return browser(t, url, t.TempDir())
}

// browser is student with a given profile, whose storage a later browser
// on the same profile finds again.
func browser(t *testing.T, url, profile string) *browsertest.Page {
	t.Helper()
	ctx := browsertest.NewWithProfile(t, profile)
	p := &browsertest.Page{T: t, Ctx: ctx, Downloads: t.TempDir()}
	require.NoError(t, browsertest.AllowDownloads(ctx, p.Downloads))
	require.NoError(t, deliverytest.WatchCSP(ctx))
	p.Do(chromedp.Navigate(url))
	p.WaitReady()
	p.AcceptDialogs()
	return p
}

// enterName answers the name dialog of an exercise.
func enterName(p *browsertest.Page, name string) {
	p.T.Helper()
	p.WaitFor(`!document.getElementById("name-dialog").hidden`)
	p.Click("#student-name")
	p.Type(name)
	p.Press("\r")
	p.WaitFor(`document.getElementById("name-dialog").hidden`)
}

// handIn presses Hand in and waits for the answer: the message that
// replaces "Handing in…".
func handIn(p *browsertest.Page) string {
	p.T.Helper()
	p.Click("#hand-in")
	p.WaitFor(message + ` !== "Handing in…" && document.getElementById("hand-in").textContent === "Hand in"`)
	return p.Text("#message-text")
}

// openFile opens a file with the toolbar's Open.
func openFile(p *browsertest.Page, path string) {
	p.T.Helper()
	p.Do(chromedp.SetUploadFiles("#open-file", []string{path}))
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

// TestAClassHandsInThroughTheAppUnderWranglerDev runs the app's side of
// the hand-in box in Chromium against the real Worker (workerd, local D1
// and R2 in build/handin-app-test): the teacher opens a box from the
// exercise builder; students hand in from the site and from the offline
// page opened from file://, one twice, one with an edited text, one too
// large and one with a wrong code (all three refused, saying why, with
// nothing stored); the teacher fetches into Compare (from this browser
// and from the key file in another), reloads and finds the roster and the
// hand-ins again, closes and deletes the box, and the API then answers
// 404. The hand-in screens pass axe-core (WCAG 2.2 AA and target size).
func TestAClassHandsInThroughTheAppUnderWranglerDev(t *testing.T) {
	root := browsertest.ModuleRoot(t)
	axe := browsertest.AxeSource(t)
	state := filepath.Join(root, "build", "handin-app-test")
	require.NoError(t, os.RemoveAll(state))
	base := deliverytest.WranglerWith(t, deliverytest.Options{State: state, Migrate: true})
	dir := t.TempDir()

	// The teacher: an answer key on the sample, then the exercise with a
	// box. Each browser lives for one step: the teacher's comes back on the
	// same profile to collect, finding the box kept in its storage.
	teacherProfile := filepath.Join(t.TempDir(), "teacher")
	var secret string
	var owner handinclient.Owner
	var keyFile, exFile, page, answerKey []byte
	var ex exercise.Exercise
	t.Run("the teacher opens a box from the exercise builder", func(t *testing.T) {
		teacher := browser(t, base+"/", teacherProfile)
		teacher.Click(`[data-action="sample"]`)
		claimOf(teacher, "Tomas Reyes", slowDeath, "2")
		claimOf(teacher, "Mayor Ines Okafor", ourStreets, "1")
		teacher.WaitFor(sidebarRows + ` === 4`)
		teacher.Click("#setup-button")
		teacher.Click(`#setup-menu [data-action="exercise"]`)
		teacher.WaitFor(`!document.getElementById("exercise").hidden`)
		teacher.Click(`#exercise [data-field="exercise-title"]`)
		browsertest.Eval[bool](teacher, `(document.querySelector('#exercise [data-field="exercise-title"]').select(), true)`)
		teacher.Type("Week 3: who said it?")
		teacher.Press("\t")
		teacher.Click(`#exercise [data-field="collect-hand-ins"]`)
		teacher.WaitFor(`!!document.getElementById("owner-secret")`)
		secret = teacher.Text("#owner-secret")
		require.Regexp(t, `^[0-9a-f]{32}$`, secret)
		assert.True(t, browsertest.Eval[bool](teacher, `document.activeElement === document.querySelector('[data-field="collect-hand-ins"]')`), "the tick keeps the focus")
		browsertest.Audit(t, teacher, axe, "the exercise builder with a box and its owner secret")
		teacher.Click(`#exercise [data-action="box-key"]`)
		keyFile = teacher.WaitDownload(handInTitle + " – box key" + handinclient.KeyExtension)
		var err error
		owner, err = handinclient.DecodeKey(keyFile)
		require.NoError(t, err)
		assert.Equal(t, secret, owner.Secret)
		assert.Equal(t, base, owner.Origin)
		teacher.Click(`[data-action="exercise-export"]`)
		exFile = teacher.WaitDownload(handInTitle + exercise.Extension)
		teacher.Click(`[data-action="exercise-page"]`)
		page = teacher.WaitDownload("sayso-" + handInTitle + ".html")
		teacher.Click(`[data-action="exercise-key"]`)
		answerKey = teacher.WaitDownload(handInTitle + " – answer key.sayso.json")

		ex, err = exercise.Decode(exFile)
		require.NoError(t, err)
		require.NotNil(t, ex.HandIn, "the exercise file carries the box")
		assert.Equal(t, exercise.HandIn{Origin: base, Box: owner.Box, Code: ex.HandIn.Code}, *ex.HandIn)
		embedded, ok := offline.Extract(page)
		require.True(t, ok)
		assert.Contains(t, string(embedded), ex.HandIn.Code, "the offline page carries the box")
		for name, data := range map[string][]byte{"exercise file": exFile, "offline page": page} {
			assert.NotContains(t, string(data), secret, "the owner secret is never in the %s", name)
		}
		assert.True(t, strings.Contains(string(page), "; connect-src "+base+`">`), "the offline page may call the box's site, and nothing else")

		// Closing the browser as a person does (and waiting for it to
		// exit) lets it write its storage to the profile, where the
		// teacher's next visit finds the box.
		require.NoError(t, chromedp.Cancel(teacher.Ctx))
	})
	require.NotNil(t, ex.HandIn, "no box, no class")

	exPath := writeFile(t, dir, handInTitle+exercise.Extension, exFile)
	pagePath := writeFile(t, dir, "sayso-"+handInTitle+".html", page)
	var receipts = map[string]string{} // student: SHA-256 of the latest hand-in

	t.Run("Ana hands in from the site, again after more work, again by keyboard, and keeps the receipt", func(t *testing.T) {
		ana := student(t, base+"/")
		openFile(ana, exPath)
		enterName(ana, "Ana")
		assert.True(t, ana.Visible("#hand-in"), "Hand in, beside Export")
		claimOf(ana, "Tomas Reyes", slowDeath, "2")
		msg := handIn(ana)
		assert.Regexp(t, `^Handed in at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: \d+ bytes, SHA-256 [0-9a-f]{12}…`, msg)
		browsertest.Audit(t, ana, axe, "Hand in with its receipt")
		claimOf(ana, "Mayor Ines Okafor", ourStreets, "1")
		msg = handIn(ana)
		require.True(t, strings.HasPrefix(msg, "Handed in at"), msg)
		// The redraw keeps the focus on the button: Enter hands in again
		// (a new version, the same work).
		require.True(t, browsertest.Eval[bool](ana, `document.activeElement === document.getElementById("hand-in")`), "the focus stays on Hand in")
		ana.Press("\r")
		ana.WaitFor(message + ` !== "Handing in…" && document.getElementById("hand-in").textContent === "Hand in"`)
		require.True(t, strings.HasPrefix(ana.Text("#message-text"), "Handed in at"), ana.Text("#message-text"))
		ana.Click("#keep-receipt")
		receipt := string(ana.WaitDownload(handInTitle + " – Ana – hand-in receipt.txt"))
		assert.Contains(t, receipt, "Student: Ana\n")
		i := strings.Index(receipt, "SHA-256: ")
		require.GreaterOrEqual(t, i, 0, receipt)
		receipts["Ana"] = receipt[i+9 : i+9+64]
		violations, err := deliverytest.CSPViolations(ana.Ctx)
		require.NoError(t, err)
		assert.Empty(t, violations)
	})

	t.Run("Ben hands in from the offline page opened from file://", func(t *testing.T) {
		ben := student(t, "file://"+filepath.ToSlash(pagePath))
		enterName(ben, "Ben")
		claimOf(ben, "Tomas Reyes", slowDeath, "1")
		msg := handIn(ben)
		require.True(t, strings.HasPrefix(msg, "Handed in at"), msg)
		ben.Click("#keep-receipt")
		receipt := string(ben.WaitDownload(handInTitle + " – Ben – hand-in receipt.txt"))
		i := strings.Index(receipt, "SHA-256: ")
		receipts["Ben"] = receipt[i+9 : i+9+64]
		violations, err := deliverytest.CSPViolations(ben.Ctx)
		require.NoError(t, err)
		assert.Empty(t, violations, "the page's CSP lets the hand-in through")
	})

	t.Run("Cleo's edited text is refused, saying why, and her work stays", func(t *testing.T) {
		cleo := student(t, base+"/")
		openFile(cleo, exPath)
		enterName(cleo, "Cleo")
		claimOf(cleo, "Tomas Reyes", slowDeath, "2")
		cleo.Click("#export")
		exported := cleo.WaitDownload(handInTitle + " – Cleo.sayso.json")
		p, err := native.Decode(exported)
		require.NoError(t, err)
		require.Contains(t, p.Documents[0].Text, "hardware shop")
		p.Documents[0].Text = strings.Replace(p.Documents[0].Text, "hardware shop", "hardware SHOP", 1)
		edited, err := native.Encode(p)
		require.NoError(t, err)
		openFile(cleo, writeFile(t, t.TempDir(), "cleo-edited.sayso.json", edited))
		cleo.WaitFor(message + `.startsWith("Opened “cleo-edited.sayso.json”")`)
		msg := handIn(cleo)
		assert.Equal(t, "Not handed in: document “Harbour town splits over plan for a car…” has a different text. Your work is still here: Export it and send the file to your teacher.", msg)
		assert.Equal(t, 2, browsertest.Eval[int](cleo, sidebarRows), "the work stays")
		browsertest.Audit(t, cleo, axe, "Hand in refused")
	})

	api := handintest.Client{Base: base}
	t.Run("Finn's hand-in over 10 MB is refused, saying the limit; his work stays and nothing is stored", func(t *testing.T) {
		blobs := countBlobs(t, state)
		finn := student(t, base+"/")
		openFile(finn, exPath)
		enterName(finn, "Finn")
		claimOf(finn, "Tomas Reyes", slowDeath, "2")
		finn.Click("#export")
		p, err := native.Decode(finn.WaitDownload(handInTitle + " – Finn.sayso.json"))
		require.NoError(t, err)
		// A note pasted by mistake: the file still opens (Sayso opens
		// files of up to 64 MB), but is over the box's 10 MB.
		for i := range p.Annotations {
			if p.Annotations[i].Label == "claim" {
				p.Annotations[i].Note = strings.Repeat("pasted by mistake ", 600_000)
			}
		}
		huge, err := native.Encode(p)
		require.NoError(t, err)
		require.Greater(t, len(huge), 10<<20)
		openFile(finn, writeFile(t, t.TempDir(), "finn.sayso.json", huge))
		finn.WaitFor(message + `.startsWith("Opened “finn.sayso.json”")`)
		msg := handIn(finn)
		assert.Equal(t, "Not handed in: the file is 10.3 MB; at most 10 MB can be handed in. Your work is still here: Export it and send the file to your teacher.", msg)
		assert.Equal(t, 2, browsertest.Eval[int](finn, sidebarRows), "the work stays")
		assert.True(t, finn.Visible("#hand-in"), "and can be handed in again once smaller")

		r, err := api.Do(http.MethodGet, "/api/boxes/"+owner.Box+"/hand-ins", secret, "", nil, nil)
		require.NoError(t, err)
		var all handintest.Listed
		require.NoError(t, r.JSON(&all))
		for _, h := range all.HandIns {
			assert.NotEqual(t, "Finn", h.Student, "nothing of Finn's is listed")
		}
		assert.Equal(t, blobs, countBlobs(t, state), "nothing of Finn's is in R2")
	})

	t.Run("Dan's wrong code is refused", func(t *testing.T) {
		wrong := strings.Replace(string(exFile), ex.HandIn.Code, strings.Repeat("0", 32), 1)
		dan := student(t, base+"/")
		openFile(dan, writeFile(t, t.TempDir(), "wrong"+exercise.Extension, []byte(wrong)))
		enterName(dan, "Dan")
		msg := handIn(dan)
		assert.Equal(t, "Not handed in: wrong hand-in code for this box: check the exercise file you were given. Your work is still here: Export it and send the file to your teacher.", msg)
	})

	t.Run("Gia's hand-in while offline fails after its retries, keeps her work and stores nothing; online again it goes in once", func(t *testing.T) {
		gia := student(t, base+"/")
		openFile(gia, exPath)
		enterName(gia, "Gia")
		claimOf(gia, "Tomas Reyes", slowDeath, "3")
		offline := func(off bool) {
			t.Helper()
			var rules []*network.Conditions
			if off {
				rules = []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}
			}
			_, err := chromedp.Call(gia.Ctx, network.Enable, network.EnableParams{})
			require.NoError(t, err)
			_, err = chromedp.Call(gia.Ctx, network.EmulateNetworkConditionsByRule,
				network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: rules})
			require.NoError(t, err)
		}
		offline(true)
		msg := handIn(gia)
		assert.True(t, strings.HasPrefix(msg, "Not handed in:"), msg)
		assert.Contains(t, msg, "Nothing was half-sent and your work is still here: try again in a moment, or Export it")
		assert.Equal(t, 2, browsertest.Eval[int](gia, sidebarRows), "the work stays")
		listed := func() int {
			r, err := api.Do(http.MethodGet, "/api/boxes/"+owner.Box+"/hand-ins", secret, "", nil, nil)
			require.NoError(t, err)
			var all handintest.Listed
			require.NoError(t, r.JSON(&all))
			n := 0
			for _, h := range all.HandIns {
				if h.Student == "Gia" {
					n++
				}
			}
			return n
		}
		assert.Zero(t, listed(), "nothing of Gia's reached the box")

		offline(false)
		msg = handIn(gia)
		require.True(t, strings.HasPrefix(msg, "Handed in at"), msg)
		assert.Equal(t, 1, listed(), "one hand-in, stored once")
		gia.Click("#keep-receipt")
		receipt := string(gia.WaitDownload(handInTitle + " – Gia – hand-in receipt.txt"))
		i := strings.Index(receipt, "SHA-256: ")
		require.GreaterOrEqual(t, i, 0, receipt)
		receipts["Gia"] = receipt[i+9 : i+9+64]
	})

	t.Run("another browser collects with the key file", func(t *testing.T) {
		other := student(t, base+"/")
		other.Click("#compare-button")
		other.WaitFor(`!document.getElementById("compare").hidden`)
		other.Do(chromedp.SetUploadFiles("#box-key-file", []string{writeFile(t, t.TempDir(), "k"+handinclient.KeyExtension, keyFile)}))
		other.WaitFor(`!!document.querySelector('#compare [data-action="fetch-hand-ins"]')`)
		other.Click(`#compare [data-action="fetch-hand-ins"]`)
		other.WaitFor(`document.querySelectorAll("#compare table.files tbody tr").length === 3`)
		for who, sum := range receipts {
			assert.Contains(t, other.Text("#compare table.files"), who)
			assert.Regexp(t, `^[0-9a-f]{64}$`, sum)
		}
		// Who handed in which document: a row per person, with versions.
		assert.Equal(t, "Who handed in which document of “Week 3: who said it?”: annotations in each person's latest hand-in", other.Text("#compare table.roster caption"))
		rows := browsertest.Eval[string](other, `[...document.querySelectorAll("#compare table.roster tbody tr")].map(r => [...r.cells].map(c => c.textContent).join("|")).join("\n")`)
		assert.Regexp(t, `^Ana\|\d+ annotations?\|.*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\|3\nBen\|\d+ annotations?\|.*UTC\|1\nGia\|\d+ annotations?\|.*UTC\|1$`, rows)
		browsertest.Audit(t, other, axe, "Compare's hand-in boxes with the roster")
	})

	t.Run("the fetched files are those the receipts name", func(t *testing.T) {
		r, err := api.Do(http.MethodGet, "/api/boxes/"+owner.Box+"/hand-ins?latest=true", secret, "", nil, nil)
		require.NoError(t, err)
		var latest handintest.Listed
		require.NoError(t, r.JSON(&latest))
		require.Len(t, latest.HandIns, 3)
		for _, h := range latest.HandIns {
			assert.Equal(t, receipts[h.Student], h.SHA256, h.Student)
			r, err := api.Do(http.MethodGet, "/api/boxes/"+owner.Box+"/hand-ins/"+h.ID, secret, "", nil, nil)
			require.NoError(t, err)
			sum := sha256.Sum256(r.Body)
			assert.Equal(t, h.SHA256, hex.EncodeToString(sum[:]))
		}
	})

	keyPath := writeFile(t, dir, "key.sayso.json", answerKey)
	t.Run("the teacher, back in the same browser, fetches into Compare, closes and deletes", func(t *testing.T) {
		teacher := browser(t, base+"/", teacherProfile)
		require.Contains(t, browsertest.Eval[string](teacher, `localStorage.getItem("sayso:boxes") || ""`), owner.Secret, "the owner secret is kept in the teacher's browser")
		teacher.Click("#compare-button")
		teacher.WaitFor(`!document.getElementById("compare").hidden`)
		assert.Contains(t, teacher.Text(`#compare tr[data-box="`+owner.Box+`"]`), "Week 3: who said it?", "the box is kept in this browser")
		teacher.Do(chromedp.SetUploadFiles("#compare-files", []string{keyPath}))
		teacher.WaitFor(`document.querySelectorAll("#compare table.files tbody tr").length === 1`)
		teacher.Click(`#compare [data-action="fetch-hand-ins"][data-box="` + owner.Box + `"]`)
		teacher.WaitFor(`document.querySelectorAll("#compare table.scores tbody tr").length === 3`)
		assert.Equal(t, "Fetched the latest hand-in of 3 students from the box of “Week 3: who said it?”.", teacher.Text("#message-text"))
		rows := browsertest.Eval[string](teacher, `[...document.querySelectorAll("#compare table.scores tbody tr")].map(r => [...r.cells].map(c => c.textContent).join(",")).join("\n")`)
		assert.Contains(t, rows, "Ana,1.00,1.00,1.00,1.00,1.00,1.00,1.00,100.0", "Ana's latest, as the key")
		assert.Contains(t, rows, "Ben,")
		assert.Contains(t, teacher.Text(`#compare tr[data-box="`+owner.Box+`"]`), "open, 5 hand-ins")

		// A reload loses neither the roster nor the hand-ins in Compare:
		// they are kept in this browser. The answer key, added by hand,
		// is added again.
		roster := `[...document.querySelectorAll("#compare table.roster tr")].map(r => r.textContent).join("\n")`
		before := browsertest.Eval[string](teacher, roster)
		require.Contains(t, before, "Ana")
		teacher.Do(chromedp.Reload())
		teacher.WaitReady()
		teacher.Click("#compare-button")
		teacher.WaitFor(`!document.getElementById("compare").hidden`)
		assert.Equal(t, before, browsertest.Eval[string](teacher, roster), "the roster is back")
		files := `[...document.querySelectorAll("#compare table.files tbody tr")].map(r => r.cells[0].textContent).join(",")`
		assert.Equal(t, 3, browsertest.Eval[int](teacher, `document.querySelectorAll("#compare table.files tbody tr").length`), browsertest.Eval[string](teacher, files))
		assert.Contains(t, teacher.Text(`#compare tr[data-box="`+owner.Box+`"]`), "open, 5 hand-ins", "and what the box last said")
		teacher.Do(chromedp.SetUploadFiles("#compare-files", []string{keyPath}))
		teacher.WaitFor(`document.querySelectorAll("#compare table.scores tbody tr").length === 3`)
		assert.Equal(t, rows, browsertest.Eval[string](teacher, `[...document.querySelectorAll("#compare table.scores tbody tr")].map(r => [...r.cells].map(c => c.textContent).join(",")).join("\n")`), "the same scores")

		teacher.Click(`#compare [data-action="close-box"][data-box="` + owner.Box + `"]`)
		teacher.WaitFor(`document.querySelector('#compare tr[data-box="` + owner.Box + `"]').textContent.includes("closed, 5 hand-ins")`)
		r, err := api.HandIn(handintest.Opened{HandIns: "/api/boxes/" + owner.Box + "/hand-ins", HandInCode: ex.HandIn.Code}, "a-late-hand-in-0001", exportOf(t, ex, "Eve"))
		require.NoError(t, err)
		assert.Equal(t, http.StatusConflict, r.Status, "a closed box takes no hand-in")

		teacher.Click(`#compare [data-action="delete-box"][data-box="` + owner.Box + `"]`)
		teacher.WaitFor(message + `.startsWith("Deleted the hand-in box")`)
		assert.False(t, browsertest.Eval[bool](teacher, `!!document.querySelector('#compare tr[data-box="`+owner.Box+`"]')`))
		assert.Equal(t, 3, browsertest.Eval[int](teacher, `document.querySelectorAll("#compare table.scores tbody tr").length`), "what was fetched stays in Compare")
		teacher.Do(chromedp.Reload())
		teacher.WaitReady()
		teacher.Click("#compare-button")
		teacher.WaitFor(`!document.getElementById("compare").hidden`)
		assert.Equal(t, 3, browsertest.Eval[int](teacher, `document.querySelectorAll("#compare table.files tbody tr").length`), "and a reload after the delete keeps it")
		assert.False(t, browsertest.Eval[bool](teacher, `!!document.querySelector('#compare tr[data-box="`+owner.Box+`"]')`), "the deleted box stays forgotten")
		for _, path := range []string{"/api/boxes/" + owner.Box, "/api/boxes/" + owner.Box + "/hand-ins"} {
			r, err := api.Do(http.MethodGet, path, secret, "", nil, nil)
			require.NoError(t, err)
			assert.Equal(t, http.StatusNotFound, r.Status, path)
			var e handintest.Error
			require.NoError(t, json.Unmarshal(r.Body, &e))
			assert.Equal(t, "not_found", e.Code)
		}
		assert.Zero(t, countBlobs(t, state), "file blobs left in the local R2")
		assert.Equal(t, map[string]int{"boxes": 0, "hand_ins": 0, "box_counters": 0}, d1Rows(t, root, state, owner.Box), "rows left in the local D1")
	})
}

// exportOf is a student's untouched export of e, as the app writes it.
func exportOf(t *testing.T, e exercise.Exercise, student string) []byte {
	t.Helper()
	b, err := native.Encode(e.Start(student))
	require.NoError(t, err)
	return b
}
