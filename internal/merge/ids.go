package merge

import "strconv"

// namer gives imported ids their ids in the result: an id the open project
// does not use is kept; one it uses (or an imported duplicate) gets the
// first free suffix "-2", "-3", …, free among every id of both projects.
type namer struct {
	used  map[string]bool // ids of the result so far
	taken map[string]bool // ids a new name may not take: used, and every imported id
}

func newNamer(current, imported []string) *namer {
	n := &namer{used: map[string]bool{}, taken: map[string]bool{}}
	for _, id := range current {
		n.used[id], n.taken[id] = true, true
	}
	for _, id := range imported {
		n.taken[id] = true
	}
	return n
}

// name returns the result id of imported id, and whether it had to change.
func (n *namer) name(id string) (string, bool) {
	if !n.used[id] {
		n.used[id] = true
		return id, false
	}
	for k := 2; ; k++ {
		c := id + "-" + strconv.Itoa(k)
		if !n.taken[c] {
			n.used[c], n.taken[c] = true, true
			return c, true
		}
	}
}
