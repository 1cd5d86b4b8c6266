package segment

import (
	"fmt"
	"sync"

	"github.com/go-ego/gse"
)

// Segmenter splits Chinese text into words with gse. Loading the dictionary
// costs about a second and 200 MB, so a process loads it once (see
// DefaultSegmenter) and shares it: a Segmenter is safe for concurrent use.
type Segmenter struct {
	seg gse.Segmenter
}

// NewSegmenter loads gse's embedded simplified-Chinese dictionary. The
// embedded dictionary is used because gse.New finds its files through the
// module source path, which a copied or -trimpath binary does not have.
func NewSegmenter() (*Segmenter, error) {
	seg, err := gse.NewEmbed("zh_s")
	if err != nil {
		return nil, fmt.Errorf("segment: load gse dictionary: %w", err)
	}
	seg.SkipLog = true
	return &Segmenter{seg: seg}, nil
}

var defaultSegmenter struct {
	once sync.Once
	seg  *Segmenter
	err  error
}

// DefaultSegmenter returns the process-wide Segmenter, loading it on first use.
func DefaultSegmenter() (*Segmenter, error) {
	d := &defaultSegmenter
	d.once.Do(func() { d.seg, d.err = NewSegmenter() })
	return d.seg, d.err
}

// Word is a segment of text with its part-of-speech tag from the dictionary
// (n noun, v verb, m numeral, q measure word, x unknown …).
type Word struct {
	Text string
	Pos  string
}

// Cut splits text into words, using the HMM for words missing from the
// dictionary so that 98.7 and 驻政文 stay whole.
func (s *Segmenter) Cut(text string) []string {
	return s.seg.Cut(text, true)
}

// CutSearch splits text in search mode: long words are followed by the
// dictionary words inside them (人民调解 → 人民, 调解, 人民调解).
func (s *Segmenter) CutSearch(text string) []string {
	return s.seg.CutSearch(text, true)
}

// Tag splits text into words with dictionary part-of-speech tags.
func (s *Segmenter) Tag(text string) []Word {
	pos := s.seg.Pos(text, false)
	words := make([]Word, len(pos))
	for i, p := range pos {
		words[i] = Word{Text: p.Text, Pos: p.Pos}
	}
	return words
}
