package suggest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// at returns the code-point span of the first occurrence of sub in doc.
func at(t *testing.T, doc, sub string) Span {
	t.Helper()
	b := strings.Index(doc, sub)
	require.GreaterOrEqual(t, b, 0, "%q not in %q", sub, doc)
	start := utf8.RuneCountInString(doc[:b])
	return Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}

// quoteOf returns the text of spans joined by " | ".
func quoteOf(doc string, spans ...Span) string {
	r := []rune(doc)
	var parts []string
	for _, s := range spans {
		parts = append(parts, string(r[s.Start:s.End]))
	}
	return strings.Join(parts, " | ")
}

type want struct {
	content, cue, source string
	direct               bool
}

func got(doc string, res Result) []want {
	var out []want
	for _, sg := range res.Suggestions {
		out = append(out, want{quoteOf(doc, sg.Content...), quoteOf(doc, sg.Cue), quoteOf(doc, sg.Source), sg.Direct})
	}
	return out
}

func TestSuggestFindsEachConstruction(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  string
		want []want
	}{
		{"a passive 'is expected to' names no one expecting: no source, the subject and the infinitive are the content",
			`Trump is expected to win the primary on Tuesday. The senators, who are expected to vote on Friday, met him.`,
			[]want{{"Trump | to win the primary on Tuesday", "is expected", "", false},
				{"who | to vote on Friday", "are expected", "", false}}},
		{"'is supposed to' is what ought to be, no belief",
			`The bridge is supposed to open in May.`,
			nil},
		{"a connective between commas stands between the source and its cue",
			`Proponents of the bill, however, say it would keep the safeguards.`,
			[]want{{"it would keep the safeguards", "say", "Proponents of the bill", false}}},
		{"the speech of 'those who say' inside another content is kept, a nested belief is not",
			`Obama rebuked critics who say he should change his words. Most voters say they want a change.`,
			[]want{{"critics who say he should change his words", "rebuked", "Obama", false},
				{"he should change his words", "say", "who", false},
				{"they want a change", "say", "Most voters", false}}},
		{"a poll's share of people says: the figure, or the phrase up to its comma, is the source",
			`Just over a quarter, 26 percent, say they will vote for him. It is on social issues that they lean left: 42% say they're liberal.`,
			[]want{{"they will vote for him", "say", "Just over a quarter, 26 percent,", false},
				{"they're liberal", "say", "42%", false}}},
		{"a participle of speech after 'and' is a cue of its own, and ends the content before it",
			`Rubio ducked, pointing to his record and saying that senators are overrated.`,
			[]want{{"his record", "pointing to", "Rubio", false},
				{"that senators are overrated", "saying", "Rubio", false}}},
		{"a participle of speech after a dash is a cue",
			`Rubio flipped his choice on the spot – saying he was rooting for Manning.`,
			[]want{{"he was rooting for Manning", "saying", "Rubio", false}}},
		{"'As X noted, …': the cue in the opening clause reports what follows its comma",
			`As the Times noted, Clinton raised more than $1.1 million. As Clinton told the Daily News, tax relief is coming.`,
			[]want{{"Clinton raised more than $1.1 million", "noted", "the Times", false},
				{"tax relief is coming", "told", "Clinton", false}}},
		{"a left quotation mark typed where the quote closes closes it",
			`“It is unusual in every way,“ said Larry Noble, a lawyer.`,
			[]want{{"“It is unusual in every way,“", "said", "Larry Noble, a lawyer", true}}},
		{"three straight marks close a single quote and then the double one",
			`''We are told all the time, 'Kosovo is a special case,''' Mr. Putin said.`,
			[]want{{"''We are told all the time, 'Kosovo is a special case,'''", "said", "Mr. Putin", true}}},
		{"a two-word quote ending in an exclamation mark before its cue",
			`“I’m honored!” she said.`,
			[]want{{"“I’m honored!”", "said", "she", true}}},
		{"declined is a cue only before to and a verb",
			`Support for the plan declined in every state, and fees declined to $281 million. Mr. Rubio declined to assail him on Sunday.`,
			[]want{{"to assail him on Sunday", "declined", "Mr. Rubio", false}}},
		{"forms more often nouns or descriptions are no cue without a subject pronoun or auxiliary",
			`The company tweets every hour, echoing its ads and offering coupons.`,
			nil},
		{"states, challenge and offer are no cue",
			`The report states that the plan failed. It is a challenge to the mayor, and an offer he cannot refuse.`,
			nil},
		{"straight quote then speaker and cue",
			`"We will cut the budget by half," Maria Lopez said.`,
			[]want{{`"We will cut the budget by half,"`, "said", "Maria Lopez", true}}},
		{"curly quote then cue and speaker with an appositive",
			"“The bridge is not safe for trucks,” said Tom Reed, a city engineer.",
			[]want{{"“The bridge is not safe for trucks,”", "said", "Tom Reed, a city engineer", true}}},
		{"speaker and cue before a colon and an angle quote",
			"The mayor said: «Nobody will lose their home this winter.»",
			[]want{{"«Nobody will lose their home this winter.»", "said:", "The mayor", true}}},
		{"nested quotes stay inside the outer quote",
			"“They told us ‘wait and see’ for ten years,” the farmer said.",
			[]want{{"“They told us ‘wait and see’ for ten years,”", "said", "the farmer", true}}},
		{"a quote over two paragraphs is one content with two fragments",
			"“We built the school in a year,” said Anna Berg.\n\n“Next we will build the library and a small pool for the children.”",
			[]want{{"“We built the school in a year,” | “Next we will build the library and a small pool for the children.”", "said", "Anna Berg", true}}},
		{"a paragraph that opens a quote without closing it continues",
			"Anna Berg said: “We built the school in a year.\n\n“Next we will build the library.”",
			[]want{{"“We built the school in a year. | “Next we will build the library.”", "said:", "Anna Berg", true}}},
		{"a quote fragment inside a sentence belongs to the indirect content",
			`The senator said the plan was "dead on arrival" in the House.`,
			[]want{{`the plan was "dead on arrival" in the House`, "said", "The senator", false}}},
		{"indirect speech with that",
			"Governor Sam Hill said that the roads would reopen on Monday.",
			[]want{{"that the roads would reopen on Monday", "said", "Governor Sam Hill", false}}},
		{"indirect speech without that and an auxiliary in the cue",
			"Officials have said the vote will be delayed.",
			[]want{{"the vote will be delayed", "have said", "Officials", false}}},
		{"trailing speaker and cue",
			"The factory will close in March, a senior official said.",
			[]want{{"The factory will close in March", "said", "a senior official", false}}},
		{"according to at the end",
			"Prices rose by four percent last year, according to the central bank.",
			[]want{{"Prices rose by four percent last year", "according to", "the central bank", false}}},
		{"according to at the start",
			"According to the White House, the meeting went well.",
			[]want{{"the meeting went well", "According to", "the White House", false}}},
		{"told reporters is skipped before the content",
			"Jane Miller told reporters that she would not run again.",
			[]want{{"that she would not run again", "told", "Jane Miller", false}}},
		{"in a statement belongs to the cue",
			"The company said in a statement that no data was lost.",
			[]want{{"that no data was lost", "said in a statement", "The company", false}}},
		{"a belief counts as an attribution",
			"Most voters believe the economy is getting worse.",
			[]want{{"the economy is getting worse", "believe", "Most voters", false}}},
		{"an intention counts as an attribution",
			"She wants to raise the minimum wage.",
			[]want{{"to raise the minimum wage", "wants", "She", false}}},
		{"title and name",
			"Sen. Ruth Park said the bill would pass.",
			[]want{{"the bill would pass", "said", "Sen. Ruth Park", false}}},
		{"a participle after a comma shares the source",
			"The coach praised the team, saying they had never played better.",
			[]want{{"the team", "praised", "The coach", false}, {"they had never played better", "saying", "The coach", false}}},
		{"a colon after a name in a headline",
			"Lopez: “We are not done yet.”",
			[]want{{"“We are not done yet.”", ":", "Lopez", true}}},
		{"a speaker with an appositive before the cue",
			"Carla Diaz, the union's treasurer, said the strike would go on.",
			[]want{{"the strike would go on", "said", "Carla Diaz, the union's treasurer,", false}}},
		{"a speaker with a relative clause before the cue",
			"Peter Lang, who ran the shelter for a decade, said that beds were short.",
			[]want{{"that beds were short", "said", "Peter Lang, who ran the shelter for a decade,", false}}},
		{"a quote then a speaker with a possessive appositive",
			"“We will appeal,” Ana Ruiz, Lopez’s lawyer, said on Monday.",
			[]want{{"“We will appeal,”", "said", "Ana Ruiz, Lopez’s lawyer,", true}}},
		{"a party and state in brackets after a name",
			"Sen. Mary Cole (D-Ore.) said the deal was weak.",
			[]want{{"the deal was weak", "said", "Sen. Mary Cole (D-Ore.)", false}}},
		{"a sentence ending in a quoted fragment before said and a name",
			`The budget is "a fantasy," said Owen Hart.`,
			[]want{{`The budget is "a fantasy,"`, "said", "Owen Hart", false}}},
		{"a finite reporting verb whose speaker is out of reach",
			"Trade groups, angry and tired, said the rules were too strict.",
			[]want{{"the rules were too strict", "said", "", false}}},
		{"a participle after a quote takes the quote's speaker",
			"“The river is rising,” she said, adding that the dam would hold.",
			[]want{{"“The river is rising,”", "said", "she", true}, {"that the dam would hold", "adding", "she", false}}},
		{"a phrasal cue keeps its particle",
			"The governor talked about the flood defences.",
			[]want{{"the flood defences", "talked about", "The governor", false}}},
		{"a verb form that is usually a noun is a cue after a pronoun",
			"The bank is cautious. It plans to raise rates in June.",
			[]want{{"to raise rates in June", "plans", "It", false}}},
		{"a verb of saying that needs its particle is no cue without it",
			"Hannah Wolf voted in the morning.",
			nil},
		{"a participle used as an adjective is no cue",
			"The pledged delegates met in Ohio.",
			nil},
		{"continued before a quote with its colon",
			"Nora Quinn continued: “Nobody asked us.”",
			[]want{{"“Nobody asked us.”", "continued:", "Nora Quinn", true}}},
		{"a reduced relative clause of support after a noun",
			"Donations poured in. A group backing the mayor has paid for the posters.",
			[]want{{"the mayor", "backing", "A group", false}}},
		{"a participle with its particle after a quote",
			"“We are ready,” Ms. Lund said, referring to the rescue teams.",
			[]want{{"“We are ready,”", "said", "Ms. Lund", true}, {"the rescue teams", "referring to", "Ms. Lund", false}}},
		{"a quote paragraph after a paragraph reporting a person's words is theirs",
			"Mayor Ortiz said the bridge would close.\n\n“We have no other choice this winter.”",
			[]want{{"the bridge would close", "said", "Mayor Ortiz", false}, {"“We have no other choice this winter.”", "said", "Mayor Ortiz", true}}},
		{"a verb outside the lexicon before a colon and a quote",
			"Kasich resisted: “Governors do not have that power.”",
			[]want{{"“Governors do not have that power.”", "resisted:", "Kasich", true}}},
		{"an indirect content stops at a quote's own comma before a participle cue",
			"He called it ‘the long march,’ referring to the strike.",
			[]want{{"it ‘the long march,’", "called", "He", false}, {"the strike", "referring to", "He", false}}},
		{"asked with a question before the main clause",
			"Asked about the budget, the mayor said it was balanced.",
			[]want{{"the budget", "Asked about", "the mayor", false}, {"it was balanced", "said", "the mayor", false}}},
		{"according to a long source up to the comma",
			"The plan will cost $2 billion, according to a city official who was not allowed to speak publicly before the vote.",
			[]want{{"The plan will cost $2 billion", "according to", "a city official who was not allowed to speak publicly before the vote", false}}},
		{"a long quote after a clause ending in a comma takes the clause's cue",
			"Police Chief Ann Cole lobbied the council, saying, “The fewer guns, the better for everyone.”",
			[]want{{"“The fewer guns, the better for everyone.”", "saying", "Police Chief Ann Cole", true}}},
		{"a long quote after a colon with no cue word takes the colon",
			"From the report: “Most online samples were balanced only by age and sex.”",
			[]want{{"“Most online samples were balanced only by age and sex.”", ":", "", true}}},
		{"a quote after a lead-in that the cue's that-clause opens is indirect",
			"Bolton said that whatever voters choose, “they should not choose it for safety.”",
			[]want{{"that whatever voters choose, “they should not choose it for safety.”", "said", "Bolton", false}}},
		{"a lead-in before a quote with a trailing cue is part of the content",
			"Sooner or later, “we will need a new tax on sales,” he said.",
			[]want{{"Sooner or later, “we will need a new tax on sales,”", "said", "he", true}}},
		{"a poll named after In is the source of the figures",
			"In a city survey released Monday, 60 percent chose the new park.",
			[]want{{"60 percent chose the new park", "In", "a city survey released Monday", false}}},
		{"an indirect content stops before a non-restrictive which",
			"The minister admitted that the reform will take time, which worries the unions.",
			[]want{{"that the reform will take time", "admitted", "The minister", false}}},
		{"a belief verb whose subject is out of reach is still a cue",
			"Farmers in the valley, tired of waiting, hoped the rain would come.",
			[]want{{"the rain would come", "hoped", "", false}}},
		{"a two-word quote opening its sentence before a cue is speech",
			"“They sue,” the lawyer said. “Everybody sues now, right?”",
			[]want{{"“They sue,” | “Everybody sues now, right?”", "said", "the lawyer", true}}},
		{"a two-word quote inside a sentence is a scare quote",
			"The mayor called the plan “pure fantasy” on Monday.",
			[]want{{"the plan “pure fantasy” on Monday", "called", "The mayor", false}}},
		{"adverbs inside and before the cue belong to it",
			"The senator has repeatedly said the tax must go.",
			[]want{{"the tax must go", "has repeatedly said", "The senator", false}}},
		{"an adverb and a weekday after the cue belong to it",
			"Rosa Vega said Tuesday that the mine would reopen.",
			[]want{{"that the mine would reopen", "said Tuesday", "Rosa Vega", false}}},
		{"a participle of speech after a comma is a cue even with no subject in reach",
			"But the other guest on the panel, a former judge, drew a contrast, saying that the law was clear.",
			[]want{{"that the law was clear", "saying", "", false}}},
		{"a particle after a cue that takes one",
			"The mayor did not respond to questions about the fire.",
			[]want{{"questions about the fire", "did not respond to", "The mayor", false}}},
		{"lower-case words before a name after a quote belong to the source",
			"“Nobody reads the fine print,” union shop steward Dan Ortiz said.",
			[]want{{"“Nobody reads the fine print,”", "said", "union shop steward Dan Ortiz", true}}},
		{"add to is no cue",
			"The delays may add to the cost of the bridge.",
			nil},
		{"a belief inside what was said is not an attribution of its own",
			"Most farmers say they want a new dam.",
			[]want{{"they want a new dam", "say", "Most farmers", false}}},
		{"a content stops before the same subject's next reporting verb",
			"The mayor praised the plan and said it would pass.",
			[]want{{"the plan", "praised", "The mayor", false}, {"it would pass", "said", "The mayor", false}}},
		{"a speech participle after a noun is a cue",
			"Hundreds signed petitions calling for his resignation.",
			[]want{{"his resignation", "calling for", "", false}}},
		{"a kicker before a colon in a headline is no speaker",
			"The Latest: Voters head to the polls in Ohio",
			nil},
		{"a label in capitals before a colon is no speaker",
			"UPDATE: The road reopened on Friday.",
			nil},
		{"a figure after a name and a colon is no quote",
			"Sanders: 1,501.",
			nil},
		{"according to a source that runs on past its noun up to the sentence's end",
			"Turnout fell by a third, according to a count released Monday by the county clerk.",
			[]want{{"Turnout fell by a third", "according to", "a count released Monday by the county clerk", false}}},
		{"according to after a conjunction opening the sentence",
			"But according to the county clerk, turnout fell by a third.",
			[]want{{"turnout fell by a third", "according to", "the county clerk", false}}},
		{"a past speech verb after a comma is a cue whatever follows",
			"The new budget, the report, released in May, warned of cuts.",
			[]want{{"cuts", "warned of", "", false}}},
		{"a named poll after in is the source of the clause before it",
			"The mayor held a clear lead among young voters in a Channel 4 poll.",
			[]want{{"The mayor held a clear lead among young voters", "in", "a Channel 4 poll", false}}},
		{"a lead in the polls names no poll",
			"The mayor held a clear lead in the polls.",
			nil},
		{"a poll named after In still counts when a noun of support follows",
			"In a city survey last week, the mayor had the support of most voters.",
			[]want{{"the mayor had the support of most voters", "In", "a city survey last week", false}}},
		{"a paragraph of one whole quote belongs to the next paragraph's attributed quote",
			"“We will not give up,” Ana Ruiz said.\n\n“The school stays open all winter.”\n\n“And the library too,” Ruiz said.",
			[]want{{"“We will not give up,”", "said", "Ana Ruiz", true}, {"“The school stays open all winter.” | “And the library too,”", "said", "Ruiz", true}}},
		{"a base form after a possessive is a noun",
			"Editor’s note: this story was updated on Monday.",
			nil},
		{"an abbreviation ends a sentence before a pronoun and keeps its full stop",
			"Lee says the plant will move to the U.S. He says the jobs will stay.",
			[]want{{"the plant will move to the U.S.", "says", "Lee", false}, {"the jobs will stay", "says", "He", false}}},
		{"records and data are sources",
			"Court records show the firm paid no tax.",
			[]want{{"the firm paid no tax", "show", "Court records", false}}},
		{"a think tank thinks nothing",
			"Ann Lee works at a liberal think tank in Boston.",
			nil},
		{"a name given after an indefinite noun is no cue",
			"Ann Lee founded a small group called Parents for Parks in May.",
			nil},
		{"a transcript's speaker in capitals before a colon",
			"LOPEZ: Well, I think we can win. We have the votes. And we have the time.",
			[]want{{"Well, I think we can win. We have the votes. And we have the time", ":", "LOPEZ", false}}},
		{"an interview's answer label is no speaker",
			"A: I came home and my parents were gone.",
			nil},
		{"expressed takes the feeling it expresses into the cue",
			"The mayor expressed concern that the bridge would not hold.",
			[]want{{"that the bridge would not hold", "expressed concern", "The mayor", false}}},
		{"an adverb of manner before the cue belongs to it",
			"The mayor has sharply criticized the plan.",
			[]want{{"the plan", "has sharply criticized", "The mayor", false}}},
		{"a verb of naming is a cue",
			"The council nominated Ann Lee for the post.",
			[]want{{"Ann Lee for the post", "nominated", "The council", false}}},
		{"in order to is no cue",
			"The council met in order to plan the budget.",
			nil},
		{"made it clear is one cue",
			"The mayor made it clear that the bridge would close.",
			[]want{{"that the bridge would close", "made it clear", "The mayor", false}}},
		{"a state of mind after a form of be is a cue",
			"The mayor is confident that the bridge will hold.",
			[]want{{"that the bridge will hold", "is confident", "The mayor", false}}},
		{"an adjective of mind without a clause after it is no cue",
			"The mayor is confident.",
			nil},
		{"a ruling is a cue",
			"The judge ruled that the law was valid.",
			[]want{{"that the law was valid", "ruled", "The judge", false}}},
		{"a verb that needs its particle takes it",
			"The senator sided with the governor.",
			[]want{{"the governor", "sided with", "The senator", false}}},
		{"a straight quotation mark with spaces on both sides closes an open quote",
			"''The reason is simple, '' said Mr. Gunnels.",
			[]want{{"''The reason is simple, ''", "said", "Mr. Gunnels", true}}},
		{"posting a video is no attribution",
			"The mayor posted a video of the flood on Monday.",
			nil},
		{"a base form usually used otherwise is a cue after a pronoun",
			"They claim the vote was rigged.",
			[]want{{"the vote was rigged", "claim", "They", false}}},
		{"a noun-like form before that after a number is a noun",
			"He will campaign in the 35 states that vote next month.",
			nil},
		{"earlier after the cue belongs to the time, not the cue",
			"Lee said earlier this week that the plant would close.",
			[]want{{"earlier this week that the plant would close", "said", "Lee", false}}},
		{"as someone put it",
			"The plan, as one aide put it, is dead.",
			[]want{{"The plan | is dead", "put it", "one aide", false}}},
		{"took issue with is one cue",
			"The mayor took issue with the report.",
			[]want{{"the report", "took issue with", "The mayor", false}}},
		{"not responding to requests for comment is no attribution",
			"The company did not respond to requests for comment.",
			nil},
		{"a possessor's claim that is an attribution",
			"The town heard again of Lopez’s claim that taxes would fall.",
			[]want{{"that taxes would fall", "claim", "Lopez’s", false}}},
		{"a cue in an opening subordinate clause has its content end at the clause's comma",
			"While the mayor has condemned the plan, residents say they want it.",
			[]want{{"the plan", "has condemned", "the mayor", false}, {"they want it", "say", "residents", false}}},
		{"say after a share in figures is a cue, the figure its source, what they say after it",
			"On social issues, 42% say they are liberal.",
			[]want{{"they are liberal", "say", "42%", false}}},
		{"a source with an aside opened by like",
			"Economists, like their rivals, say taxes are too high.",
			[]want{{"taxes are too high", "say", "Economists, like their rivals,", false}}},
		{"plain modifiers before a speaker noun after a comma belong to the source",
			"The firm paid no tax in 2015, campaign finance records show.",
			[]want{{"The firm paid no tax in 2015", "show", "campaign finance records", false}}},
		{"a participle of belief after with and its subject",
			"The mayor is safe, with most unions backing him.",
			[]want{{"him", "backing", "most unions", false}}},
		{"a cue keeps the preposition it takes",
			"Critics have long seen him as a moderate.",
			[]want{{"him as a moderate", "have long seen", "Critics", false}}},
		{"a cue starts at the auxiliary contracted onto its pronoun",
			"He’s predicting that the plan will fail.",
			[]want{{"that the plan will fail", "’s predicting", "He", false}}},
		{"a cue keeps the out of calling someone out",
			"The mayor called out the council for its silence.",
			[]want{{"the council for its silence", "called out", "The mayor", false}}},
		{"a cue keeps the about of musing about something",
			"Critics mused about a third party.",
			[]want{{"a third party", "mused about", "Critics", false}}},
		{"a plain said inside another's content stays a suggestion of its own",
			"The mayor believes the police said the road was closed.",
			[]want{{"the police said the road was closed", "believes", "The mayor", false}, {"the road was closed", "said", "the police", false}}},
		{"a clause-opening according to takes its source up to the comma",
			"According to the book and the movie, the contractors waited.",
			[]want{{"the contractors waited", "According to", "the book and the movie", false}}},
		{"according to opens a clause after a colon",
			"It has not gone unnoticed: according to recent polls, Trump holds 14 percent.",
			[]want{{"Trump holds 14 percent", "according to", "recent polls", false}}},
		{"an initial's full stop does not end the source of according to",
			"According to papers from Diane D. Blair, the candidate was angry.",
			[]want{{"the candidate was angry", "According to", "papers from Diane D. Blair", false}}},
		{"a contributors' line is not a headline quote",
			"The mayor left.\n\nContributing: Grant Miller.",
			nil},
		{"a place before a list of names is not a headline quote",
			"The mayor left.\n\nIowa: Tim Albrecht, Brad Anderson, Rob Barron.",
			nil},
		{"a by-line after a linked headline does not introduce the quote after its colon",
			"\"Club will close at the end of December,\" by Times' Ben Sisario: \"The club, a no-frills nightclub, will close soon.\"",
			nil},
		{"appearing on a show is not seeming",
			"The senator appeared on MSNBC in front of a map.",
			nil},
		{"finding oneself somewhere is not a finding",
			"The bank found itself at the centre of the crisis.",
			nil},
		{"a cue keeps the part of the day after its weekday",
			"The mayor said Tuesday night that the bridge would reopen.",
			[]want{{"that the bridge would reopen", "said Tuesday night", "The mayor", false}}},
		{"a negated contracted auxiliary belongs to the cue",
			"The mayor hasn’t said whether the bridge will reopen.",
			[]want{{"whether the bridge will reopen", "hasn’t said", "The mayor", false}}},
		{"an adverb in -ly before the cue belongs to it",
			"Unions fiercely opposed the plan.",
			[]want{{"the plan", "fiercely opposed", "Unions", false}}},
		{"even before the cue belongs to it",
			"The mayor even said the bridge was safe.",
			[]want{{"the bridge was safe", "even said", "The mayor", false}}},
		{"a share more likely to say has its verb phrase in the cue, not the source",
			"Democrats are slightly more likely to say the economy is bad.",
			[]want{{"the economy is bad", "are slightly more likely to say", "Democrats", false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, got(tc.doc, Suggest(tc.doc)))
		})
	}
}

func TestSuggestJoinsSurnamesAndPronounsToTheSpeaker(t *testing.T) {
	doc := "Maria Lopez said the plan was ready.\n\nLopez said it would cost less than expected.\n\nShe added that work would start in May.\n\nTom Reed said he was not convinced."
	res := Suggest(doc)
	require.Len(t, res.Suggestions, 4)
	lopez := res.Suggestions[0].Speaker
	assert.Equal(t, lopez, res.Suggestions[1].Speaker, "surname joins the full name")
	assert.Equal(t, lopez, res.Suggestions[2].Speaker, "she is the nearest female speaker")
	assert.NotEqual(t, lopez, res.Suggestions[3].Speaker)
	assert.Equal(t, "Maria Lopez", res.Speakers[lopez].Name)
	assert.Equal(t, []Span{at(t, doc, "Maria Lopez"), at(t, doc, "Lopez said it"), at(t, doc, "She")},
		[]Span{res.Speakers[lopez].Mentions[0], {Start: res.Speakers[lopez].Mentions[1].Start, End: res.Speakers[lopez].Mentions[1].Start + len("Lopez said it")}, res.Speakers[lopez].Mentions[2]})
}

func TestSuggestPronounTakesTheNearestSpeakerOfItsGender(t *testing.T) {
	doc := "Mrs. Alice Ford said the port was busy. Mr. Bob Stone said the trains were late. She said the ships were early."
	res := Suggest(doc)
	require.Len(t, res.Suggestions, 3)
	assert.Equal(t, res.Suggestions[0].Speaker, res.Suggestions[2].Speaker)
}

func TestSuggestCountsCodePointsNotBytes(t *testing.T) {
	doc := "🎉 Zoë Müller said the café would reopen."
	res := Suggest(doc)
	require.Len(t, res.Suggestions, 1)
	assert.Equal(t, at(t, doc, "Zoë Müller"), res.Suggestions[0].Source)
	assert.Equal(t, at(t, doc, "said"), res.Suggestions[0].Cue)
}

func TestSuggestFindsNothingInTextWithoutAttributions(t *testing.T) {
	for _, doc := range []string{"", "\n\n", "The river runs north of the town.", "“Hello”"} {
		assert.Empty(t, Suggest(doc).Suggestions, doc)
	}
}

func TestStepWorksParagraphByParagraph(t *testing.T) {
	doc := "Anna said the road was open.\n\nBen said the bridge was closed."
	s := New(doc)
	assert.True(t, s.Step())
	done, total := s.Progress()
	assert.Equal(t, 30, done, "the second paragraph starts at code point 30")
	assert.Equal(t, 61, total, "code points of the text")
	assert.Len(t, s.Result().Suggestions, 1)
	assert.False(t, s.Step())
	assert.Equal(t, Suggest(doc), s.Result())
}
