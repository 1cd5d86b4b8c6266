package identity

import "strings"

// Text is a document's text as the recognisers read it. What several of
// them read — its first lines as written and folded, its speech header, the
// whole text folded — is made when first asked for and kept, so that asking
// Kind, IssuerOf, Placed and ReportYear about one document reads it once.
// A Text is not safe for concurrent use.
type Text struct {
	text string

	rest   string   // the text after the lines split off into raw
	raw    []string // the first non-empty lines, trimmed
	head   []line   // the first of them folded too
	sp     speech
	spRead bool

	folded     string
	foldedRead bool
}

// NewText returns the Text of text.
func NewText(text string) *Text { return &Text{text: text, rest: text} }

// rawLines returns the first n non-empty lines of the text, trimmed. A
// rule that looks for a character no other folds to (令, 我代) asks for
// them as written and folds only a line that has it.
func (t *Text) rawLines(n int) []string {
	for len(t.raw) < n && t.rest != "" {
		l := t.rest
		if k := strings.IndexByte(t.rest, '\n'); k >= 0 {
			l, t.rest = t.rest[:k+1], t.rest[k+1:]
		} else {
			t.rest = ""
		}
		if l = trimLine(l); l != "" {
			t.raw = append(t.raw, l)
		}
	}
	return t.raw[:min(n, len(t.raw))]
}

// headLines returns the first n non-empty lines of the text, trimmed, as
// written and folded.
func (t *Text) headLines(n int) []line {
	raw := t.rawLines(n)
	for len(t.head) < len(raw) {
		l := raw[len(t.head)]
		t.head = append(t.head, line{l, fold(l)})
	}
	return t.head[:min(n, len(t.head))]
}

// speechLines is how many of the first lines the speech header is looked
// for in.
const speechLines = 16

// lines returns the first lines of the text, where the issuer rules look
// for a header.
func (t *Text) lines() []line { return t.headLines(speechLines) }

// speech returns the speech header in the first lines.
func (t *Text) speech() speech {
	if !t.spRead {
		// A congress has a 届 (屆 folded), and findSpeech looks for it in
		// the first eleven lines: most texts need not be folded to know
		// they have none.
		// The lines are trimmed of neither: the text they were split
		// from, so far, has one if they have.
		t.rawLines(speechRead)
		read := t.text[:len(t.text)-len(t.rest)]
		if strings.Contains(read, "届") || strings.Contains(read, "屆") {
			t.sp = findSpeech(t.lines())
		}
		t.spRead = true
	}
	return t.sp
}

// foldedText returns the whole text folded.
func (t *Text) foldedText() string {
	if !t.foldedRead {
		t.folded = fold(t.text)
		t.foldedRead = true
	}
	return t.folded
}
