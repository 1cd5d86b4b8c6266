package segment

import "fmt"

// Segmenter splits Chinese text into words as gse does with its
// simplified-Chinese dictionary. The dictionary is embedded in the binary
// as a double-array trie and read in place, so a Segmenter costs nothing to
// make and a process pays only for the pages of the dictionary its text
// touches. A Segmenter is safe for concurrent use.
type Segmenter struct {
	dict *dict
}

// NewSegmenter returns a Segmenter over the embedded dictionary.
func NewSegmenter() (*Segmenter, error) {
	if loadErr != nil {
		return nil, fmt.Errorf("segment: %w", loadErr)
	}
	return &Segmenter{dict: loadedDict}, nil
}

// DefaultSegmenter returns the process-wide Segmenter.
func DefaultSegmenter() (*Segmenter, error) {
	return NewSegmenter()
}

// Word is a segment of text with its part-of-speech tag from the dictionary
// (n noun, v verb, m numeral, q measure word, x unknown …).
type Word struct {
	Text string
	Pos  string
}

// Cut splits text into words, using the HMM for words missing from the
// dictionary so that 98.7 and 驻政文 stay whole. Words are lowercased.
func (s *Segmenter) Cut(text string) []string {
	return s.dict.cut(text)
}

// CutSearch splits text in search mode: long words are preceded by the
// dictionary words inside them (人民调解 → 人民, 调解, 人民调解).
func (s *Segmenter) CutSearch(text string) []string {
	return s.dict.cutSearch(text)
}

// Tag splits text into words with dictionary part-of-speech tags.
func (s *Segmenter) Tag(text string) []Word {
	return s.dict.tag(text)
}
