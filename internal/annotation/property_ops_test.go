package annotation

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The document and schema operations join the random operations of
// property_test.go: "document" and "schema" each pick one of theirs.
func init() {
	pickOpsNames = append(pickOpsNames, "document", "schema", "schema")
}

var (
	pickLabelNames = []string{"Rumour", "rumour", "Claim", "Question", "Évidence", "", "  ", "<b>x</b>", "教育"}
	pickKeys       = []string{"", "r", "R", "c", "j", "7", "ab", " ", "ж", "?"}
	pickColors     = []string{"", "#aa5500", "#AABBCC", "red", "#123"}
	pickLabelIDs   = []string{LabelClaim, LabelSpeaker, LabelCue, "rumour", "question", "evidence", "x", ""}
	pickStanceOps  = []string{"maybe", "favor", "Favor", "against", "neutral", "unclear", "", " mixed "}
)

// stepProject applies one document or schema operation.
func (w *world) stepProject(c chooser, name string) (string, opKind, error) {
	s := w.s
	if name == "document" {
		doc := w.pickDoc(c)
		switch c.Intn(16) {
		case 0:
			return "remove document " + doc, opChange, s.RemoveDocument(doc)
		case 1, 2:
			to := c.Intn(len(w.docs)+2) - 1
			return fmt.Sprintf("move document %s to %d", doc, to), opChange, s.MoveDocument(doc, to)
		case 3, 4, 5, 6, 7:
			v := pick(c, pickStrings)
			return "rename document " + doc + " " + v, opChange, s.RenameDocument(doc, v)
		default:
			done := c.Intn(2) == 0
			return fmt.Sprintf("done %s %v", doc, done), opChange, s.SetDocumentDone(doc, done)
		}
	}
	id, v := pick(c, pickLabelIDs), pick(c, pickStanceOps)
	switch c.Intn(11) {
	case 0, 1:
		l := Label{Name: pick(c, pickLabelNames), Color: pick(c, pickColors), Key: pick(c, pickKeys)}
		if c.Intn(4) == 0 {
			l.ID = id
		}
		return fmt.Sprintf("add label %+v", l), opChange, s.AddLabel(l)
	case 2:
		// Mostly one field of an existing label changed.
		l, _ := s.schema.Label(id)
		if c.Intn(4) > 0 {
			l = pick(c, s.schema.Labels)
		}
		switch c.Intn(4) {
		case 0:
			l.Name = pick(c, pickLabelNames)
		case 1:
			l.Color = pick(c, pickColors)
		case 2:
			l.Key = pick(c, pickKeys)
		}
		return fmt.Sprintf("update label %+v", l), opChange, s.UpdateLabel(l.ID, l.Name, l.Color, l.Key)
	case 3:
		to := c.Intn(6) - 1
		return "move label " + id + " " + strconv.Itoa(to), opChange, s.MoveLabel(id, to)
	case 4:
		return "remove label " + id, opChange, s.RemoveLabel(id)
	case 5:
		return "remove label and annotations " + id, opChange, s.RemoveLabelAndAnnotations(id)
	case 6:
		return "add stance " + v, opChange, s.AddStance(v)
	case 7:
		to := pick(c, pickStanceOps)
		return "rename stance " + v + " " + to, opChange, s.RenameStance(v, to)
	case 8:
		return "remove stance " + v, opChange, s.RemoveStance(v)
	case 9:
		return "remove stance and clear " + v, opChange, s.RemoveStanceAndClear(v)
	default:
		to := c.Intn(7) - 1
		return "move stance " + v + " " + strconv.Itoa(to), opChange, s.MoveStance(v, to)
	}
}

// checkSchema checks what the schema operations keep true: the built-in
// labels are there; label ids, names (ignoring case) and keys are unique;
// ids are lower-case ASCII, colours "#rrggbb" and keys one character or
// none; stance values are unique (ignoring case) and not empty.
func checkSchema(t testing.TB, s *Store) {
	t.Helper()
	sc := s.Schema()
	ids, names, keys := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, l := range sc.Labels {
		name := normalizeName(l.Name)
		key := strings.ToLower(l.Key)
		if ids[l.ID] || names[name] || key != "" && keys[key] ||
			!validLabelID(l.ID) || len([]rune(l.Key)) > 1 {
			require.Fail(t, "bad label", "%+v in %+v", l, sc.Labels)
		}
		if _, err := checkColor(l.Color); err != nil {
			require.Fail(t, "bad colour", "%+v", l)
		}
		ids[l.ID], names[name], keys[key] = true, true, true
	}
	for _, id := range []string{LabelClaim, LabelSpeaker, LabelCue} {
		if !ids[id] {
			require.Fail(t, "a built-in label is missing", "%s in %+v", id, sc.Labels)
		}
	}
	seen := map[string]bool{}
	for _, v := range sc.Stances {
		if n := normalizeName(v); n == "" || seen[n] || v != strings.TrimSpace(v) {
			require.Fail(t, "bad stance value", "%q in %q", v, sc.Stances)
		} else {
			seen[n] = true
		}
	}
}
