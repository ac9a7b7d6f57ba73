package merge

// fill lets each folded imported annotation fill the empty fields of the
// annotation it was folded into. A non-empty field that differs is kept and
// reported; a link whose target could not be placed is reported as cut.
func (m *merger) fill() {
	byID := m.index()
	names := map[string]string{}
	for _, sp := range m.out.Speakers {
		names[sp.ID] = sp.Name
	}
	quote := func(id string) string {
		if a, ok := byID[id]; ok {
			return a.Quote
		}
		return id
	}
	for _, f := range m.folds {
		t, src := byID[f.id], f.src
		conflict := func(field, kept, imported string) {
			m.rep.FieldConflicts = append(m.rep.FieldConflicts, FieldConflict{
				ID: t.ID, Label: t.Label, Quote: t.Quote, Field: field, Kept: kept, Imported: imported})
		}
		m.fillText(&t.Stance, src.Stance, "stance", conflict)
		m.fillText(&t.Target, src.Target, "target", conflict)
		m.fillText(&t.Note, src.Note, "note", conflict)
		if mention, ok := m.placed(t, src.SpeakerMention, "speaker mention"); ok {
			sp := byID[mention].Speaker
			switch {
			case t.SpeakerMention == mention:
			case t.SpeakerMention != "":
				conflict("speaker mention", quote(t.SpeakerMention), quote(mention))
			case t.Speaker != "" && t.Speaker != sp:
				conflict("speaker", names[t.Speaker], names[sp])
			default:
				t.SpeakerMention, t.Speaker = mention, sp
				m.rep.Filled++
			}
		} else if sp := m.speaker(src.Speaker); sp != "" {
			// Without a mention (or with one cut), the speaker itself counts.
			switch {
			case t.Speaker == sp:
			case t.Speaker != "":
				conflict("speaker", names[t.Speaker], names[sp])
			case t.SpeakerMention == "":
				t.Speaker = sp
				m.rep.Filled++
			}
		}
		if cue, ok := m.placed(t, src.Cue, "cue"); ok {
			switch {
			case t.Cue == cue:
			case t.Cue != "":
				conflict("cue", quote(t.Cue), quote(cue))
			default:
				t.Cue = cue
				m.rep.Filled++
			}
		}
	}
}

// fillText fills an empty field, or reports a different imported value.
func (m *merger) fillText(field *string, imported, name string, conflict func(field, kept, imported string)) {
	switch {
	case imported == "" || *field == imported:
	case *field == "":
		*field = imported
		m.rep.Filled++
	default:
		conflict(name, *field, imported)
	}
}
