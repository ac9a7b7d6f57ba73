package corpus

// The vocabulary the sentences are drawn from.

var words = []string{
	"the", "harbour", "plan", "would", "cost", "more", "than", "expected", "and", "council",
	"budget", "was", "never", "going", "to", "cover", "it", "workers", "have", "been",
	"waiting", "for", "years", "new", "cranes", "port", "authority", "said", "last", "week",
	"that", "shipping", "traffic", "fell", "by", "a", "third", "in", "winter", "because",
	"of", "storms", "along", "coast", "ministry", "report", "shows", "delays", "every", "month",
	"residents", "complained", "about", "noise", "from", "night", "shifts", "trucks", "road", "bridge",
	"repairs", "will", "take", "until", "spring", "experts", "warned", "costs", "could", "double",
	"if", "nothing", "changes", "soon", "union", "demanded", "better", "pay", "safety", "rules",
	"contract", "signed", "with", "foreign", "company", "investors", "are", "nervous", "market", "prices",
	"rose", "sharply", "after", "announcement", "local", "businesses", "welcomed", "decision", "environmental", "groups",
	"oppose", "dredging", "channel", "fish", "stocks", "declined", "steadily", "since", "project", "began",
	"officials", "insist", "timeline", "remains", "realistic", "opposition", "called", "vote", "on", "funding",
	"this", "is", "not", "what", "we", "promised", "people", "deserve", "clear", "answers",
	"city", "mayor", "hopes", "growth", "jobs", "families", "schools", "hospital", "transport", "network",
}

// apostrophes are words with a curly apostrophe or in single curly quotes.
var apostrophes = []string{
	"don’t", "won’t", "it’s", "isn’t", "the council’s", "workers’", "can’t", "‘temporary’", "‘historic’", "we’re",
}

// cjk are words in Chinese, Japanese and Korean.
var cjk = []string{
	"港口", "经济", "工人", "政府", "日本語", "テキスト", "한국어", "항구", "计划", "预算",
}

// emoji are single user-perceived characters outside the BMP (surrogate
// pairs in UTF-16), some of them several code points long.
var emoji = []string{
	"😀", "🚢", "📈", "🎉", "⚓\uFE0F", "👍🏽", "👩\u200d👩\u200d👧", "🇫🇷", "🏗️", "𝔸",
}

// speakers are the names mentions refer to.
var speakers = []string{
	"Wang Wen", "Maria González", "Amina Yusuf", "Kenji Sato", "the minister", "Olu Adeyemi",
	"Zoë Fontaine", "the mayor", "Priya Raman", "Lars Østergaard", "Dr. Hana Novák", "the union leader",
}

// cjkSpeakers are names used in Chinese sentences.
var cjkSpeakers = []string{"王文", "李娜", "陈静", "佐藤健"}

// cues are attribution verbs; cjkCues their Chinese counterparts.
var (
	cues    = []string{"said", "noted", "argued", "told reporters", "claimed", "insisted", "warned"}
	cjkCues = []string{"表示", "指出", "称"}
)

// cjkClaims are whole claims in Chinese.
var cjkClaims = []string{
	"港口工人不会接受这个计划", "政府的预算根本不够", "经济增长正在放缓", "这个项目会创造很多工作", "我们需要更多时间",
}

// stances cycle over the default schema's values and no stance.
var stances = []string{"favor", "against", "neutral", "unclear", ""}
