package index

import (
	"fmt"

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
	stream := make(analysis.TokenStream, len(toks))
	for i, tok := range toks {
		stream[i] = &analysis.Token{
			Term:     []byte(tok.Text),
			Start:    tok.Start,
			End:      tok.End,
			Position: tok.Pos + 1,
			Type:     tokenType(tok.Text),
		}
	}
	return stream
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
