package index

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/gongwen/gongwen/extract/segment"
)

// Names under which the gse tokenizer and the Chinese analyzer are registered
// in bleve's registry. The registry is global and refuses duplicates, so they
// are registered once, in init.
const (
	TokenizerName = "gse"
	AnalyzerName  = "gongwen-zh"
)

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, newTokenizer); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(AnalyzerName, newAnalyzer); err != nil {
		panic(err)
	}
}

// tokenizer cuts text with gse in search mode (segment.Segmenter.Tokens).
// Token positions are rune offsets plus one, not word counts: a phrase query
// then matches exactly when the query's characters occur in the same order
// with nothing in between, however gse cut the query and the document.
type tokenizer struct{}

// newTokenizer makes a tokenizer of the process-wide Segmenter, whose
// dictionary is loaded once however many indexes and queries use the
// analyzer, and only when text is first analyzed: opening an index to export
// or read documents does not cost the dictionary's time and memory.
func newTokenizer(config map[string]interface{}, cache *registry.Cache) (analysis.Tokenizer, error) {
	return tokenizer{}, nil
}

func (tokenizer) Tokenize(input []byte) analysis.TokenStream {
	seg, err := segment.DefaultSegmenter()
	if err != nil { // the dictionary is embedded: only a broken build fails here
		panic(fmt.Sprintf("index: gse tokenizer: %v", err))
	}
	toks := seg.Tokens(string(input), true)
	stream := make(analysis.TokenStream, 0, len(toks)+len(toks)/2)
	for _, tok := range toks {
		stream = append(stream, &analysis.Token{
			Term:     []byte(tok.Text),
			Start:    tok.Start,
			End:      tok.End,
			Position: tok.Pos + 1,
			Type:     tokenType(tok.Text),
		})
	}
	return append(stream, pairs(toks)...)
}

// pairs returns a token for each two Chinese characters side by side: the
// pair, marked with pairMark, at the position of its first character. A
// phrase query reads pairs instead of single characters (see Index.phrase):
// the posting lists of 工 and 作 hold most documents with dozens of places
// each, that of 工作 far fewer. The mark keeps pairs apart from the words
// gse gives, which a phrase only scores (and does not highlight).
func pairs(toks []segment.Token) analysis.TokenStream {
	chars := map[int]segment.Token{} // single Chinese characters by position
	for _, t := range toks {
		if utf8.RuneCountInString(t.Text) == 1 && isHan(t.Text) {
			chars[t.Pos] = t
		}
	}
	var out analysis.TokenStream
	for _, t := range toks {
		if c, ok := chars[t.Pos]; !ok || c != t {
			continue
		}
		if next, ok := chars[t.Pos+1]; ok && next.Start == t.End {
			out = append(out, &analysis.Token{
				Term:     []byte(pairMark + t.Text + next.Text),
				Start:    t.Start,
				End:      next.End,
				Position: t.Pos + 1,
				Type:     analysis.Ideographic,
			})
		}
	}
	return out
}

// pairMark starts the term of a pair of characters; no word has it.
const pairMark = "\x1f"

func isHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

func tokenType(s string) analysis.TokenType {
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '.' {
			continue
		}
		if r < 0x80 {
			return analysis.AlphaNumeric
		}
		return analysis.Ideographic
	}
	return analysis.Numeric
}

// newAnalyzer builds the Chinese analyzer: gse tokens, full-width letters
// and digits folded to ASCII (ＡＢＣ１２３ → ABC123), lowercased.
func newAnalyzer(config map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	tok, err := cache.TokenizerNamed(TokenizerName)
	if err != nil {
		return nil, err
	}
	width, err := cache.TokenFilterNamed(cjk.WidthName)
	if err != nil {
		return nil, err
	}
	lower, err := cache.TokenFilterNamed(lowercase.Name)
	if err != nil {
		return nil, err
	}
	return &analysis.DefaultAnalyzer{
		Tokenizer:    tok,
		TokenFilters: []analysis.TokenFilter{width, lower},
	}, nil
}
