package app

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
	"sayso/internal/handin"
	"sayso/internal/handinclient"
)

// page is one browser tab for these tests: the app's state, its storage,
// and the effects carried out as internal/ui carries them out, with the
// requests going to the real hand-in API (package handin) in memory.
type page struct {
	t         *testing.T
	st        *State
	kv        *memKV
	client    handinclient.Client
	downloads []Download
	confirms  []string
	sent      []SendHandIn
}

// newSite runs the hand-in API and returns its URL and a transport to it
// that sends the page's Origin (the site's own, or "null" from file://).
func newSite(t *testing.T) (string, func(origin string) handinclient.Transport) {
	srv := httptest.NewServer(handin.New(handin.Config{Records: handin.NewMemoryRecords(), Files: handin.NewMemoryFiles()}))
	t.Cleanup(srv.Close)
	return srv.URL, func(origin string) handinclient.Transport {
		return func(r handinclient.Request) (handinclient.Response, error) {
			req, err := http.NewRequest(r.Method, r.URL, bytes.NewReader(r.Body))
			require.NoError(t, err)
			for k, v := range r.Header {
				req.Header.Set(k, v)
			}
			req.Header.Set("Origin", origin)
			res, err := srv.Client().Do(req)
			if err != nil {
				return handinclient.Response{}, err
			}
			defer res.Body.Close()
			b, err := io.ReadAll(res.Body)
			return handinclient.Response{Status: res.StatusCode, Body: b}, err
		}
	}
}

func newPage(t *testing.T, send handinclient.Transport, kv *memKV) *page {
	if kv == nil {
		kv = &memKV{m: map[string]string{}}
	}
	p := &page{t: t, st: NewState(fixedClock), kv: kv, client: handinclient.Client{Send: send}}
	p.do(RestoreAutosave{Storage: kv})
	return p
}

// do dispatches a and carries out its effects, answers included.
func (p *page) do(a Action) {
	for _, e := range Step(p.st, a).Effects {
		switch e := e.(type) {
		case OpenBox:
			p.do(e.Run(p.client))
		case SendHandIn:
			p.sent = append(p.sent, e)
			p.do(e.Run(p.client))
		case AskBox:
			p.do(e.Run(p.client))
		case StoreValue: // as internal/ui does: "" removes
			if e.Value == "" {
				require.NoError(p.t, p.kv.Remove(e.Key))
			} else {
				require.NoError(p.t, p.kv.Set(e.Key, e.Value))
			}
		case Download:
			p.downloads = append(p.downloads, e)
		}
	}
	if q := p.st.Question; q != nil { // the page's own dialog, answered yes
		p.confirms = append(p.confirms, q.Text)
		p.do(Answer{Yes: true})
	}
	if p.st.ShouldSave() {
		p.do(Autosave{Storage: p.kv})
	}
}

func (p *page) lastDownload() Download {
	require.NotEmpty(p.t, p.downloads)
	return p.downloads[len(p.downloads)-1]
}

// teacherWithBox is a teacher on the site who ticked "Collect hand-ins
// online" in the exercise builder.
func teacherWithBox(t *testing.T, site string, send handinclient.Transport) *page {
	p := newPage(t, send, nil)
	p.st = teacherState(t)
	p.do(SiteOrigin{Origin: site})
	p.do(SetCollect{On: true})
	require.Equal(t, "info", p.st.Message.Kind, p.st.Message.Text)
	require.NotNil(t, p.st.HandIn.Opened)
	return p
}

func TestTheTeacherOpensABoxAndTheExerciseCarriesItButNotTheSecret(t *testing.T) {
	site, transport := newSite(t)
	teacher := teacherWithBox(t, site, transport(site))
	owner := teacher.st.HandIn.Opened.Owner
	assert.Contains(t, teacher.st.Message.Text, "Opened a hand-in box for “Week 3: who said it?”")
	assert.Equal(t, []handinclient.Owner{owner}, teacher.st.HandIn.Boxes)
	assert.Contains(t, teacher.kv.m[keyBoxes], owner.Secret, "the owner secret is kept in this browser")

	teacher.do(ExportExercise{})
	file := teacher.lastDownload()
	e, err := exercise.Decode(file.Data)
	require.NoError(t, err)
	require.NotNil(t, e.HandIn)
	assert.Equal(t, exercise.HandIn{Origin: site, Box: owner.Box, Code: teacher.st.HandIn.Opened.HandIn.Code}, *e.HandIn)
	assert.NotContains(t, string(file.Data), owner.Secret, "never in a student's file")
	assert.Equal(t, owner.ExerciseID, e.ID)

	teacher.do(DownloadBoxKey{Box: owner.Box})
	key := teacher.lastDownload()
	assert.Equal(t, "Week 3 who said it – box key.sayso-box-key.json", key.Name)
	got, err := handinclient.DecodeKey(key.Data)
	require.NoError(t, err)
	assert.Equal(t, owner, got)

	// The draft changes: the box would refuse its work, so the exercise
	// is not exported with it.
	teacher.do(SetExerciseField{Field: "title", Value: "Week 4"})
	n := len(teacher.downloads)
	teacher.do(ExportExercise{})
	assert.Len(t, teacher.downloads, n)
	assert.Contains(t, teacher.st.Message.Text, "The exercise changed since its hand-in box was opened")
}

func TestABoxCannotBeOpenedFromTheOfflinePage(t *testing.T) {
	p := newPage(t, nil, nil)
	p.st = teacherState(t)
	p.do(SetCollect{On: true})
	assert.False(t, p.st.HandIn.Collect)
	assert.Equal(t, "Hand-in boxes are opened on the site: open Sayso from its web address (not from a file) to collect hand-ins online.", p.st.Message.Text)
}

func TestAFailedOpenSaysWhyAndUnticks(t *testing.T) {
	down := func(handinclient.Request) (handinclient.Response, error) {
		return handinclient.Response{Status: 503, Body: []byte(`{"error":"collecting hand-ins online is not set up on this site","code":"unavailable"}`)}, nil
	}
	p := newPage(t, down, nil)
	p.st = teacherState(t)
	p.do(SiteOrigin{Origin: "https://sayso.example.org"})
	p.do(SetCollect{On: true})
	assert.False(t, p.st.HandIn.Collect)
	assert.Equal(t, "Could not open a hand-in box: collecting hand-ins online is not set up on this site. The exercise can still be handed out and its work collected by Export.", p.st.Message.Text)
}

func TestStudentsHandInAndTheTeacherCollectsIntoCompare(t *testing.T) {
	site, transport := newSite(t)
	teacher := teacherWithBox(t, site, transport(site))
	teacher.do(ExportExercise{})
	file := teacher.lastDownload().Data

	// Mia on the site: she opens the exercise file, annotates, hands in
	// twice; the box keeps both and the latest counts.
	mia := newPage(t, transport(site), nil)
	assert.False(t, mia.st.CanHandIn())
	mia.do(OpenExercise{Name: "week3.sayso-exercise.json", Data: file})
	require.True(t, mia.st.CanHandIn())
	mia.do(HandIn{})
	assert.Equal(t, "Enter your name first (Documents), so that your teacher knows whose work this is.", mia.st.Message.Text)
	mia.do(SetStudentName{Name: "Mia"})
	mia.do(Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})
	mia.do(HandIn{})
	require.NotNil(t, mia.st.HandIn.Receipt, mia.st.Message.Text)
	r := *mia.st.HandIn.Receipt
	assert.Equal(t, "Mia", r.Student)
	assert.Equal(t, int64(len(mia.sent[0].File)), r.Size)
	assert.Regexp(t, `^Handed in at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: \d+ bytes, SHA-256 [0-9a-f]{12}… Keep the receipt`, mia.st.Message.Text)
	mia.do(KeepReceipt{})
	assert.Equal(t, "Week 3 who said it – Mia – hand-in receipt.txt", mia.lastDownload().Name)
	assert.Contains(t, string(mia.lastDownload().Data), "SHA-256: "+r.SHA256)
	mia.do(SetStance{Value: "favor"})
	mia.do(HandIn{})
	require.Len(t, mia.sent, 2)
	assert.NotEqual(t, mia.sent[0].Key, mia.sent[1].Key, "a new hand-in, a new key")

	// A reload restores her work and its box.
	again := newPage(t, transport(site), mia.kv)
	assert.True(t, again.st.CanHandIn(), "the box is remembered with the work")

	// Leo from the offline page (origin null), with the exercise inside.
	leo := newPage(t, transport("null"), nil)
	leo.do(EmbeddedExercise{Data: file})
	leo.do(SetStudentName{Name: "Leo"})
	leo.do(HandIn{})
	require.NotNil(t, leo.st.HandIn.Receipt, leo.st.Message.Text)

	// The teacher fetches into Compare: the latest of each student.
	teacher.do(OpenCompare{})
	box := teacher.st.HandIn.Opened.Owner.Box
	teacher.do(FetchHandIns{Box: box})
	require.NotNil(t, teacher.st.Compare, teacher.st.Message.Text)
	var who []string
	for _, f := range teacher.st.Compare.Files {
		who = append(who, f.Who)
		assert.Empty(t, f.Notices, f.Who)
	}
	assert.ElementsMatch(t, []string{"Mia", "Leo"}, who)
	mias := teacher.st.Compare.Files[0]
	assert.Equal(t, "favor", mias.Project.Annotations[0].Stance, "Mia's latest counts")
	assert.Equal(t, "Fetched the latest hand-in of 2 students from the box of “Week 3: who said it?”.", teacher.st.Message.Text)
	assert.Equal(t, handinclient.State{HandIns: 3, Bytes: teacher.st.HandIn.Status[box].State.Bytes}, *teacher.st.HandIn.Status[box].State)

	// Fetching again replaces what the last fetch brought: each student
	// once, with the latest.
	mia.do(SetStance{Value: "against"})
	mia.do(HandIn{})
	teacher.do(FetchHandIns{Box: box})
	require.Len(t, teacher.st.Compare.Files, 2)
	var stances []string
	for _, f := range teacher.st.Compare.Files {
		if f.Who == "Mia" {
			stances = append(stances, f.Project.Annotations[0].Stance)
		}
	}
	assert.Equal(t, []string{"against"}, stances)

	teacher.do(SetBoxClosed{Box: box, Closed: true})
	assert.True(t, teacher.st.HandIn.Status[box].State.Closed)
	leo.do(HandIn{})
	assert.Contains(t, leo.st.Message.Text, "Not handed in: ")
	assert.Contains(t, leo.st.Message.Text, "Your work is still here: Export it and send the file to your teacher.")

	owner := teacher.st.HandIn.Opened.Owner
	teacher.do(RequestDeleteBox{Box: box})
	require.Len(t, teacher.confirms, 1)
	assert.Contains(t, teacher.confirms[0], "Every file handed in to it and every record go")
	assert.Empty(t, teacher.st.HandIn.Boxes)
	assert.NotContains(t, teacher.kv.m[keyBoxes], owner.Secret, "forgotten in this browser")
	assert.Equal(t, "Deleted the hand-in box of “Week 3: who said it?”: its files and records are gone from the site.", teacher.st.Message.Text)
	_, err := handinclient.Client{Send: transport(site)}.State(owner)
	var e *handinclient.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 404, e.Status, "the API answers 404")
}

func TestAHandInThatCannotArriveKeepsTheWorkAndSaysTryAgainOrExport(t *testing.T) {
	site, transport := newSite(t)
	teacher := teacherWithBox(t, site, transport(site))
	teacher.do(ExportExercise{})
	offline := func(handinclient.Request) (handinclient.Response, error) {
		return handinclient.Response{}, errors.New("TypeError: Failed to fetch")
	}
	st := newPage(t, offline, nil)
	st.client.Sleep = func(d time.Duration) {}
	st.do(OpenExercise{Name: "x", Data: teacher.lastDownload().Data})
	st.do(SetStudentName{Name: "Ana"})
	st.do(Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})
	st.do(HandIn{})
	assert.False(t, st.st.HandIn.Sending)
	assert.Nil(t, st.st.HandIn.Receipt)
	assert.Equal(t, "Not handed in: the hand-in box could not be reached (offline, or the site is down). Nothing was half-sent and your work is still here: try again in a moment, or Export it and send the file to your teacher.", st.st.Message.Text)
	assert.Equal(t, 1, st.st.Store.Len(), "the work stays")
	p, err := native.Decode(st.sent[0].File)
	require.NoError(t, err)
	assert.Equal(t, "Ana", p.Annotator)
}

func TestAKeyFileAddsItsBoxToCompare(t *testing.T) {
	o := handinclient.Owner{Origin: "https://sayso.example.org", Box: strings.Repeat("ab", 12), Secret: strings.Repeat("cd", 16), ExerciseTitle: "Week 3"}
	p := newPage(t, nil, nil)
	p.do(ChooseFiles{Purpose: FilesBoxKey, Files: []FileInfo{{Name: "k.sayso-box-key.json", Size: 200}}})
	p.do(FilesRead{Purpose: FilesBoxKey, Files: []TextFile{{Name: "k.sayso-box-key.json", Data: handinclient.EncodeKey(o)}}})
	assert.Equal(t, []handinclient.Owner{o}, p.st.HandIn.Boxes)
	assert.Contains(t, p.kv.m[keyBoxes], o.Secret)

	p.do(FilesRead{Purpose: FilesBoxKey, Files: []TextFile{{Name: "week3.sayso-exercise.json", Data: []byte(`{"format":"sayso-exercise"}`)}}})
	assert.Equal(t, "Could not read the key file “week3.sayso-exercise.json”: this is not a hand-in box's key file (.sayso-box-key.json)", p.st.Message.Text)
}

func TestTheOfflinePageMayCallOnlyTheBoxsSite(t *testing.T) {
	site, transport := newSite(t)
	teacher := teacherWithBox(t, site, transport(site))
	template, err := os.ReadFile("../offline/testdata/offline.html")
	require.NoError(t, err)
	var asked OfflineExercise
	for _, e := range Step(teacher.st, ExportExercisePage{}).Effects {
		if o, ok := e.(OfflineExercise); ok {
			asked = o
		}
	}
	require.NotEmpty(t, asked.Exercise, teacher.st.Message.Text)
	teacher.do(OfflinePage{Name: asked.Name, Exercise: asked.Exercise, Page: template})
	page := string(teacher.lastDownload().Data)
	assert.Contains(t, page, "; connect-src "+site+`">`)
	assert.Equal(t, 1, strings.Count(page, "connect-src"))
	assert.NotContains(t, page, teacher.st.HandIn.Opened.Owner.Secret)

	// Without a box, the page can call nothing.
	teacher.do(SetCollect{On: false})
	for _, e := range Step(teacher.st, ExportExercisePage{}).Effects {
		if o, ok := e.(OfflineExercise); ok {
			asked = o
		}
	}
	teacher.do(OfflinePage{Name: asked.Name, Exercise: asked.Exercise, Page: []byte(page)})
	assert.NotContains(t, string(teacher.lastDownload().Data), "connect-src")
}

// A student given an exercise file from a newer Sayso (a field this
// version does not know) is told so and where to open it — the site its
// box names — and the work already in the page stays.
func TestAnExerciseFromANewerSaysoSaysWhereToOpenItAndKeepsTheWork(t *testing.T) {
	site, transport := newSite(t)
	teacher := teacherWithBox(t, site, transport(site))
	teacher.do(ExportExercise{})
	newer := strings.Replace(string(teacher.lastDownload().Data), `"documents": [`, `"deadline": "2027-01-10", "documents": [`, 1)

	st := teacherState(t)
	before := st.Store.Len()
	Update(st, OpenExercise{Name: "week3.sayso-exercise.json", Data: []byte(newer)})
	assert.Equal(t, "error", st.Message.Kind)
	assert.Equal(t, "Could not open the exercise “week3.sayso-exercise.json”: this exercise seems to be made by a newer Sayso: "+
		`the exercise has a field "deadline" that this version of Sayso does not know (line 35, column 3); open it at `+site+", the site it came from, or ask for its offline page", st.Message.Text)
	assert.Equal(t, before, st.Store.Len(), "the work in the page stays")
}

func TestTickingCollectAgainForTheSameExerciseOpensNoSecondBox(t *testing.T) {
	site, transport := newSite(t)
	teacher := teacherWithBox(t, site, transport(site))
	opened := teacher.st.HandIn.Opened.Owner
	boxes := len(teacher.st.HandIn.Boxes)

	teacher.do(SetCollect{On: true})
	assert.Equal(t, opened, teacher.st.HandIn.Opened.Owner, "the same box")
	assert.Len(t, teacher.st.HandIn.Boxes, boxes)
}

func TestAnAnswerAboutOneBoxLeavesTheOthersAlone(t *testing.T) {
	site, transport := newSite(t)
	teacher := teacherWithBox(t, site, transport(site))
	opened := teacher.st.HandIn.Opened.Owner.Box
	teacher.st.HandIn.Status = map[string]BoxStatus{opened: {Fetched: 3}}

	teacher.do(BoxAnswered{Box: "another-box", Op: BoxDelete})
	assert.Equal(t, 3, teacher.st.HandIn.Status[opened].Fetched, "the opened box's status stays")
	require.NotNil(t, teacher.st.HandIn.Opened, "deleting another box leaves the opened one")
	assert.Equal(t, opened, teacher.st.HandIn.Opened.Owner.Box)
	assert.True(t, teacher.st.HandIn.Collect)

	fresh := NewState(fixedClock)
	require.NotPanics(t, func() { Update(fresh, BoxAnswered{Box: "a-box", Op: BoxClose}) })
}
