package app

import (
	"encoding/json"
	"slices"

	"sayso/internal/handinclient"
)

// What the teacher fetched from a box is kept in this browser, so that a
// reload (or a closed tab) loses neither the roster nor the hand-ins in
// Compare: each box's last fetch under keyFetchedOf+box — the files as
// they came, the roster and the box's state — and the ids of those boxes
// under keyFetched. A fetch replaces the box's record; removing a fetched
// file from Compare removes it from the record; a deleted box's record
// stays (what was fetched stays in Compare) until its files are removed.

// keptFetch is one box's last fetch, as kept in storage.
type keptFetch struct {
	Files  []keptFile          `json:"files"`
	Roster *Roster             `json:"roster,omitempty"`
	State  *handinclient.State `json:"state,omitempty"`
}

// keptFile is a fetched file; the data is the JSON text as it came.
type keptFile struct {
	Name string `json:"name"`
	Data string `json:"data"`
}

const keepFetchFailure = "Could not keep the fetched hand-ins in this browser's storage: they stay in Compare until this page is closed; after a reload, fetch them again."

// keepFetch writes box's last fetch (the Compare files it added that are
// still there) and the list of boxes with one.
func (st *State) keepFetch(box string) {
	h := &st.HandIn
	k := keptFetch{Roster: h.Status[box].Roster, State: h.Status[box].State}
	if st.Compare != nil {
		for _, f := range st.fetchedFiles(box) {
			k.Files = append(k.Files, f)
		}
	}
	if h.kept == nil {
		h.kept = map[string]keptFetch{}
	}
	h.kept[box] = k
	b, _ := json.Marshal(k) // strings, numbers and lists: cannot fail
	h.store = append(h.store, StoreValue{Key: keyFetchedOf + box, Value: string(b),
		Fail: keepFetchFailure})
	st.storeFetchedBoxes()
}

// fetchedFiles are the files of box's last fetch still in Compare, with
// their data as fetched.
func (st *State) fetchedFiles(box string) []keptFile {
	h := &st.HandIn
	var out []keptFile
	for _, name := range h.fetched[box] {
		if !slices.ContainsFunc(st.Compare.Files, func(f CompareFile) bool { return f.Name == name }) {
			continue
		}
		if d, ok := h.fetchedData[box][name]; ok {
			out = append(out, keptFile{Name: name, Data: d})
		}
	}
	return out
}

func (st *State) storeFetchedBoxes() {
	var ids []string
	for id := range st.HandIn.kept {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	v := ""
	if len(ids) > 0 {
		b, _ := json.Marshal(ids)
		v = string(b)
	}
	st.HandIn.store = append(st.HandIn.store, StoreValue{Key: keyFetched, Value: v, Fail: keepFetchFailure})
}

// forgetRemovedFetches rewrites the record of each box some of whose
// fetched files were removed from Compare since, and drops the record of
// a deleted box with none left.
func (st *State) forgetRemovedFetches() {
	h := &st.HandIn
	for box, k := range h.kept {
		var now int
		if st.Compare != nil {
			now = len(st.fetchedFiles(box))
		}
		if now == len(k.Files) {
			continue
		}
		if _, kept := st.ownerOf(box); !kept && now == 0 {
			delete(h.kept, box)
			delete(h.fetched, box)
			h.store = append(h.store, StoreValue{Key: keyFetchedOf + box})
			st.storeFetchedBoxes()
			continue
		}
		st.keepFetch(box)
	}
}

// loadFetches puts the kept fetches back: the files into Compare (not
// shown until asked for), the rosters and states beside their boxes.
func (st *State) loadFetches(kv KV) {
	h := &st.HandIn
	v, ok, err := kv.Get(keyFetched)
	if err != nil || !ok {
		return
	}
	var ids []string
	if json.Unmarshal([]byte(v), &ids) != nil {
		return
	}
	message, comparing := st.Message, st.Comparing
	defer func() { st.Message, st.Comparing = message, comparing }()
	for _, box := range ids {
		v, ok, err := kv.Get(keyFetchedOf + box)
		var k keptFetch
		if err != nil || !ok || json.Unmarshal([]byte(v), &k) != nil {
			continue
		}
		if _, kept := st.ownerOf(box); kept {
			if h.Status == nil {
				h.Status = map[string]BoxStatus{}
			}
			h.Status[box] = BoxStatus{State: k.State, Roster: k.Roster, Fetched: len(k.Files)}
		}
		files := make([]TextFile, len(k.Files))
		for i, f := range k.Files {
			files[i] = TextFile{Name: f.Name, Data: []byte(f.Data)}
		}
		st.noteFetched(box, files)
		if h.kept == nil {
			h.kept = map[string]keptFetch{}
		}
		h.kept[box] = k
		if len(files) > 0 {
			Update(st, AddCompareFiles{Files: files})
		}
	}
}

// noteFetched records the files box's fetch added to Compare, which the
// next fetch replaces and storage keeps.
func (st *State) noteFetched(box string, files []TextFile) {
	h := &st.HandIn
	if h.fetched == nil {
		h.fetched, h.fetchedData = map[string][]string{}, map[string]map[string]string{}
	}
	h.fetched[box] = nil
	h.fetchedData[box] = map[string]string{}
	for _, f := range files {
		h.fetched[box] = append(h.fetched[box], f.Name)
		h.fetchedData[box][f.Name] = string(f.Data)
	}
}
