package suggest

import "strings"

// The cue lexicon is this project's own. While writing it we compared its
// coverage (not its wording) with public lists of reporting verbs: the
// "reporting verbs" lists of the University of Adelaide Writing Centre and of
// the Purdue Online Writing Lab, Levin's (1993) "verbs of communication"
// classes (37.x), and the speech-verb list of the GenderGapTracker quote
// extractor. Nothing was copied from them or from PolNeAR. Which words to
// add or drop was then decided by counting, on the tuning four fifths of
// PolNeAR's training split only, how often the gold marks a form as a cue
// and how often our rules took it rightly (forms right under a third of the
// time were dropped or kept for where the context shows a verb).

// verbClass says how a cue verb behaves.
type verbClass uint8

const (
	speech verbClass = 1 << iota // introduces quotes; "…," X said / said X
	object                       // takes a person object before its content: told reporters
	belief                       // beliefs, intentions, findings: never inverted
)

// verbs maps a lemma to its class; irregular forms follow in irregular.
func verbs() map[string]verbClass {
	m := map[string]verbClass{}
	for _, w := range strings.Fields(`say add write note report announce argue
		explain claim insist state declare acknowledge admit deny confirm reply
		respond recall predict promise pledge vow tweet continue conclude
		caution complain concede contend emphasize emphasise stress
		observe remark reveal testify assert allege estimate speculate boast joke
		quip muse wonder counter retort charge suggest propose tout lament
		declare recount describe mention add explain contend agree disclose
		predict warn urge complain  comment reiterate affirm concur
		acknowledge blast slam criticize criticise praise accuse question
		call dismiss reject defend highlight cite endorse refer decline refuse
		describe mock blame denounce condemn echo indicate repeat thank attack
		express discuss decry portray assail challenge imply invoke reaffirm
		bemoan recommend demand threaten shout yell chant email request
		welcome encourage applaud quote hint articulate reference lambaste
		rail talk speak apologize apologise brag scoff chide scold rebuke
		ridicule deride dub label characterize characterise brand hail laud
		dispute swear  signal plead beg instruct proclaim
		opine posit theorize rebut refute clarify elaborate summarize
		relay convey divulge lash  allude reflect rave recount
		volunteer interject exclaim whisper murmur grumble gripe concede
		trumpet push name order title identify project distance nominate 
		retweet list sound rule document liken congratulate advocate
		forecast rebuff underscore side shrug protest lay`) {
		m[w] |= speech
	}
	for _, w := range strings.Fields(`tell ask assure remind warn inform 
		urge`) {
		m[w] |= speech | object
	}
	for _, w := range strings.Fields(`anger opt mull persuade envision promote
	believe think hope want expect fear worry
		feel know show find plan intend seek argue doubt wish suspect insist
		understand predict see consider seem appear support oppose back 
		offer prefer favor favour decide remember guess imagine realize
		realise determine learn assume suppose reckon deem regard recognize
		recognise  trust distrust disapprove embrace desire
		aim aspire vote worry question conclude`) {
		m[w] |= belief
	}
	return m
}

// forms returns the inflections of a regular lemma: -s, -ed, -ing.
func forms(l string, irregular map[string][]string) []string {
	if f, ok := irregular[l]; ok {
		return f
	}
	last := l[len(l)-1]
	var s, ed, ing string
	switch {
	case hasSuffix(l, "s") || hasSuffix(l, "o") || hasSuffix(l, "sh") || hasSuffix(l, "ch") || hasSuffix(l, "x"):
		s = l + "es"
	case last == 'y' && !isVowel(l[len(l)-2]):
		s = l[:len(l)-1] + "ies"
	default:
		s = l + "s"
	}
	switch {
	case last == 'e':
		ed, ing = l+"d", l[:len(l)-1]+"ing"
	case last == 'y' && !isVowel(l[len(l)-2]):
		ed, ing = l[:len(l)-1]+"ied", l+"ing"
	case doubles(l):
		ed, ing = l+string(last)+"ed", l+string(last)+"ing"
	default:
		ed, ing = l+"ed", l+"ing"
	}
	return []string{ed, s, ing}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// doubles reports whether a short lemma ending consonant-vowel-consonant
// doubles its last letter (admit → admitted, quip → quipped).
func doubles(l string) bool {
	switch l {
	case "admit", "quip", "commit", "concur", "plan", "regret", "permit",
		"submit", "chat", "rebut", "refer", "prefer", "beg", "brag", "slam",
		"dub", "omit", "confer", "infer", "spar", "stir", "jab", "nod", "shrug":
		return true
	}
	return false
}

// cueForm is what one word form of a cue verb tells.
type cueForm struct {
	lemma string
	class verbClass
	ing   bool // a present participle: ", saying …"
	past  bool
}

// cueForms maps every inflected form (lower case) to its lemma and class.
func cueForms(irregular map[string][]string) map[string]cueForm {
	m := map[string]cueForm{}
	for l, c := range verbs() {
		m[l] = cueForm{lemma: l, class: c}
		for _, f := range forms(l, irregular) {
			m[f] = cueForm{lemma: l, class: c, ing: hasSuffix(f, "ing"), past: hasSuffix(f, "ed") || irregularPast(irregular, l, f)}
		}
	}
	return m
}

func irregularPast(irregular map[string][]string, l, f string) bool {
	fs, ok := irregular[l]
	return ok && fs[0] == f
}

// nounForms are forms of cue verbs that are far more often nouns, or far
// more often something other than a cue ("saw", "planned").
const nounForms = `state states comment comments remark remarks post posts
	charge charges counter counters answer answers reports report plans
	supports backs offers back offer views view attacks votes demands
	requests emails chants quotes labels signals questions talks aims
	desires trusts echoes references brands thanks blames dubs hails
	guarantees contests disputes rails pleas lobbies publishes releases
	welcomes planned showing backed saw order orders list lists sound sounds
	title titles name names project projects voice voices detail details
	sounding listing rules ruling forecast forecasts protests sides focus
	documents claim tell explain add request seem written writing reporting
	challenges praising highlighting embraced nominating advocates
	tweets echoing alleging offering thinking showing find`

// notCueWords are forms of cue verbs that the tuning part's gold marks
// under a third of the times the rules took them, even after a subject
// or before "that": "the report states that", "a challenge", "an offer".
const notCueWords = `states challenge offer`

// needsParticle lists lemmas that are cues only with one of their particles:
// "talked about", "voted for", "weighed in".
const needsParticle = `talk vote push weigh lash rail reflect allude rave speak distance side shrug lay`

// lists makes a map from the first word of each line of words to the
// words after it.
func lists(words string) map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(words, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			m[f[0]] = f[1:]
		}
	}
	return m
}

// wclass is a set of word classes, a bit each: the word lists below a
// word belongs to.
type wclass uint32

// The word classes, in the order newLexicon lists their words.
const (
	wAux             wclass = 1 << iota // auxiliaries
	wAdv                                // adverbs
	wTitle                              // titles
	wAbbr                               // abbreviations
	wNoun                               // speakerNouns
	wDet                                // determiners
	wMale                               // maleNames
	wFemale                             // femaleNames
	wStop                               // stopCaps
	wNounForm                           // nounForms
	wNeedsParticle                      // needsParticle
	wStrong                             // strongWords
	wClauseStart                        // clauseStartsWords
	wPreposition                        // prepositionsWords
	wAfterComma                         // afterCommaWords
	wDocumentNoun                       // documentNounsWords
	wPollNoun                           // pollNounsWords
	wClaimNoun                          // claimNounsWords
	wLabel                              // labelsWords
	wSubordinator                       // subordinatorsWords
	wContractedAux                      // contractedAuxWords
	wNotManner                          // notMannerWords
	wCueAdverb                          // cueAdverbsWords
	wNoComment                          // noCommentWords
	wNotAfterCue                        // notAfterCueWords
	wReflexive                          // reflexivesWords
	wWeekday                            // weekdaysWords
	wBeliefAdjective                    // beliefAdjectivesWords
	wBeForm                             // beFormsWords
	wSentenceOpener                     // sentenceOpenersWords
	wNotCue                             // notCueWords
	wAside                              // asideWords
)

// auxiliaries may stand before a cue verb and belong to the cue.
const auxiliaries = `has have had having will would could might may should must
	did does do is are was were be been being not n't never also
	hasn't haven't hadn't isn't aren't wasn't weren't doesn't don't didn't
	won't wouldn't couldn't shouldn't can't cannot mustn't
	hasn’t haven’t hadn’t isn’t aren’t wasn’t weren’t doesn’t don’t didn’t
	won’t wouldn’t couldn’t shouldn’t can’t mustn’t`

// adverbs may stand between a source and its cue verb without belonging to
// either.
const adverbs = `also previously later then recently repeatedly often once
	still even publicly privately reportedly quickly flatly already just
	actually simply frequently initially again further long first last
	earlier famously openly angrily bluntly herself himself itself themselves
	only now has`

// pronouns that can be a source, with their gender and number.
type pron struct {
	male, female, plural, person bool
}

func pronouns() map[string]pron {
	return map[string]pron{
		"he": {male: true, person: true}, "she": {female: true, person: true},
		"they": {plural: true}, "i": {person: true}, "we": {plural: true},
		"who": {}, "it": {}, "you": {person: true},
	}
}

// titles are words before a name that belong to the source mention.
const titles = `mr mrs ms dr sen rep gov gen lt col sgt capt adm prof rev
	senator representative governor president secretary speaker mayor minister
	chancellor chairman chairwoman leader judge justice ambassador director
	spokesman spokeswoman spokesperson adviser advisor aide manager strategist
	analyst professor attorney general candidate nominee chief officer
	commissioner chair founder host anchor pollster economist executive
	congressman congresswoman councilman sheriff lawmaker pope king queen
	prince former then vice deputy top senior`

// abbreviations end with a full stop that does not end a sentence.
const abbreviations = `mr mrs ms dr sen rep gov gen lt col sgt capt adm prof rev
	st jr sr inc corp co ltd vs etc no jan feb mar apr aug sept sep oct nov dec
	u.s u.n d.c u.k e.g i.e a.m p.m calif fla ill mass mich minn penn ore tenn
	va wash wis ariz colo conn ky la md mo nev okla`

// speakerNouns head a source noun phrase written in lower case or as a
// group name ("officials", "a senior official", "the campaign").
const speakerNouns = `official officials aide aides spokesman spokeswoman
	spokesperson adviser advisers advisor advisors critic critics expert experts
	analyst analysts source sources campaign administration police voters
	supporters opponents lawmakers leaders leader people residents observers
	strategists republicans democrats poll polls survey surveys report reports
	study studies statement group organization officer officers agency
	department committee court judge spokesmen democrat republican members
	member candidate candidates president senator governor governors senators
	economists researchers authorities ministry government party staff
	attorney lawyer lawyers prosecutors investigators executive executives
	chairman director delegates activists allies friends insiders operatives
	reporters journalists commentators conservatives liberals progressives
	others many some both several few most all team spokespeople union
	records data results figures numbers documents filings findings polling
	research statistics estimates`

// determiners open a noun-phrase source.
const determiners = `a an the some many several most all two three four five
	his her their its our my one other another these those this that both`

// maleNames and femaleNames tell a speaker's gender when no title does.
// Short lists of common given names, written for this package.
const maleNames = `donald bernie ted marco jeb ben john chris mike barack joe
	paul mitch bill george ron rand rick scott jim jeff tim lindsey newt kevin
	david james robert michael william richard thomas charles mark steve
	brian jason eric dan daniel peter tom bob jack harry martin andrew adam
	josh matt jon jonathan frank gary larry reince corey roger stephen sean`

const femaleNames = `hillary carly nancy elizabeth sarah michelle melania
	ivanka kellyanne debbie huma donna mary susan karen linda barbara jennifer
	lisa amy anne ann jane kate kathleen laura maria patricia angela theresa
	nikki megyn jill diane dianne claire kirsten tammy joni marsha`

// strongWords are the cues that take any short noun phrase on their left as the source.
const strongWords = `say tell add write argue claim insist believe think warn predict explain
	note`

// clauseStartsWords are the words that end a chunk on the left.
const clauseStartsWords = `that and but because if when while as so although though since after
	before where whether than`

// prepositionsWords are the prepositions that cannot stand right before a finite cue verb.
const prepositionsWords = `of to for with by in on at from as`

// afterCommaWords are words that, after a comma, start something other than the
// content: a contrast, a non-restrictive relative clause or an aside.
const afterCommaWords = `but while which even although though whereas who`

// documentNounsWords are what "In a …," names as the source of what follows:
// "In an NBC News poll released Monday, 50 percent chose Clinton".
const documentNounsWords = `poll polls survey surveys interview letter report op-ed tweet tweets
	memo speech email column editorial study analysis filing video message
	post essay book memoir ad`

// pollNounsWords are the nouns that name the sources of figures: "in a CNN poll".
const pollNounsWords = `poll polls survey surveys`

// claimNounsWords are the nouns that report what someone holds or says when "that" follows them:
// "Trump’s claim that …", "his warning that …".
const claimNounsWords = `claim claims belief assertion argument suggestion view warning promise
	pledge insistence contention assessment prediction allegation
	allegations accusation accusations charge hope fear fears concern
	concerns insinuation statement admission comments remarks boast vow
	threat`

// labelsWords are the labels that open a paragraph before a colon without being a speaker.
const labelsWords = `update updated correction exclusive watch breaking note photos video
	read related editor's editor’s q a pledged total source sources
	contributing email e-mail notice`

// subordinatorsWords are the words that open a clause that ends at the first comma: "While …,".
const subordinatorsWords = `while although though because if when after before since as unless
	whereas once`

// contractedAuxWords are the auxiliaries that contract onto a pronoun.
const contractedAuxWords = `s re ve d ll m`

// notMannerWords end in "-ly" but are not adverbs of the verb.
const notMannerWords = `family rally ally early only likely daily weekly monthly nearly apply
	supply reply italy july belly holly folly`

// cueAdverbsWords are the adverbs that belong to the cue when they stand inside or right before it:
// "has repeatedly said", "later said", "now says".
const cueAdverbsWords = `repeatedly later since now first recently still then previously publicly
	privately reportedly again once frequently often openly flatly initially
	earlier already explicitly specifically clearly strongly firmly
	personally long just widely formally increasingly sharply loudly vocally
	roundly forcefully harshly bluntly angrily falsely wrongly proudly
	quietly routinely even only`

// noCommentWords are what someone does not respond to in "did not respond to
// requests for comment".
const noCommentWords = `request requests messages message emails email calls call inquiries
	inquiry phone`

// notAfterCueWords are cue adverbs that belong to the cue only before it: "said
// earlier this week", "has since said".
const notAfterCueWords = `long just since earlier then`

// asideWords are the connectives that stand between commas between a
// source and its cue: "Proponents of the bill, however, say …".
const asideWords = `however though meanwhile instead too therefore moreover
	nonetheless nevertheless`

// reflexivesWords are the words that, after "found", make it a place, not
// a finding.
const reflexivesWords = `himself herself itself themselves myself ourselves yourself ways`

// weekdaysWords are the days a cue may name: "said Tuesday".
const weekdaysWords = `monday tuesday wednesday thursday friday saturday sunday`

// beliefAdjectivesWords are the adjectives that name a state of mind after a form of "be": "is
// confident that", "are eager to", "was skeptical of".
const beliefAdjectivesWords = `confident convinced eager aware sure certain skeptical optimistic
	hopeful adamant determined reluctant unwilling willing keen afraid
	worried concerned critical supportive wary doubtful insistent`

// beFormsWords are the forms of "be" before a belief adjective.
const beFormsWords = `is are was were be been am remains remain remained seems seemed appears
	appeared not also still very increasingly`

// sentenceOpenersWords are the words that start a new sentence after an abbreviation that can end
// one ("… in the U.S. He said …").
const sentenceOpenersWords = `he she they it we i the but and this that there in a his her their its
	our if when`

// irregularWords lists, after each lemma, the forms of lemmas not made by the regular rules.
// (one entry a line: the word, then its list)
const irregularWords = `say said says saying
	tell told tells telling
	write wrote writes writing written
	think thought thinks thinking
	feel felt feels feeling
	know knew knows knowing known
	find found finds finding
	seek sought seeks seeking
	understand understood understands understanding
	see saw sees seeing seen
	show showed shows showing shown
	swear swore swears swearing sworn
	speak spoke speaks speaking spoken
	learn learned learns learning learnt
	lay laid lays laying`

// particlesWords are, after each lemma, the words that belong to its cue.
// (one entry a line: the word, then its list)
const particlesWords = `call for on out
	point out to
	ask about for
	refer to
	talk about
	speak about of out
	respond to with
	agree with
	warn of about against
	boast of about
	joke about
	apologize for
	apologise for
	worry about
	believe in
	rail against
	vote for against
	comment on
	complain about
	lash out
	weigh in
	argue for against
	allude to
	reflect on
	rave about
	hint at
	insist on
	speculate about
	brag about
	push for
	write about
	muse about
	think about of
	rule out
	tweet out
	blast out
	charge with
	accuse of
	know for as
	see as
	assure of
	caution against
	aim at
	suspect of
	regard as
	question about
	hope for
	remark upon on
	wonder about
	scoff at
	express concern confidence support doubt doubts frustration interest skepticism disappointment regret optimism hope opposition reservations surprise outrage anger sympathy gratitude admiration dismay alarm
	plead guilty
	distance from
	sound off
	side with
	shrug off
	liken to
	opt for
	mull over
	lay out`
