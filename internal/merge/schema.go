package merge

import (
	"fmt"
	"strings"

	"sayso/internal/annotation"
)

// mergeSchema adds to the open project's schema the imported labels (by
// id) and stance values it lacks. The open project's labels stay as they
// are; an added label loses a shortcut key already taken (or reserved) and
// gets " (imported)" after a name already used. It returns descriptions of
// what it added.
func mergeSchema(cur, imp annotation.Schema) (annotation.Schema, []string) {
	out := cur.Clone()
	var added []string
	for _, l := range imp.Labels {
		if _, ok := out.Label(l.ID); ok {
			continue
		}
		if keyTaken(out, l.Key) {
			l.Key = ""
		}
		l.Name = freeLabelName(out, l.Name)
		out.Labels = append(out.Labels, l)
		added = append(added, fmt.Sprintf("the label “%s”", l.Name))
	}
	for _, v := range imp.Stances {
		if !out.HasStance(v) {
			out.Stances = append(out.Stances, v)
			added = append(added, fmt.Sprintf("the stance value “%s”", v))
		}
	}
	return out, added
}

func keyTaken(s annotation.Schema, key string) bool {
	key = strings.ToLower(strings.TrimSpace(key))
	if key == "" {
		return false
	}
	if strings.Contains(annotation.ReservedKeys(), key) {
		return true
	}
	for _, l := range s.Labels {
		if strings.ToLower(l.Key) == key {
			return true
		}
	}
	return false
}

func freeLabelName(s annotation.Schema, name string) string {
	taken := func(n string) bool {
		for _, l := range s.Labels {
			if foldTitle(l.Name) == foldTitle(n) {
				return true
			}
		}
		return false
	}
	if !taken(name) {
		return name
	}
	c := strings.TrimSpace(name + " (imported)")
	for k := 2; taken(c); k++ {
		c = fmt.Sprintf("%s (imported %d)", strings.TrimSpace(name), k)
	}
	return c
}
