package segment

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word of a text with its place in it: Text is text[Start:End]
// (byte offsets, as written, not lowercased) and Pos is the rune offset of
// Start, so that tokens of a query and of a document line up character by
// character.
type Token struct {
	Text       string
	Start, End int // byte offsets
	Pos        int // rune offset
}

// Tokens splits text into words with their offsets, skipping spaces and
// punctuation. Words come in text order, as Cut finds them.
//
// In search mode each Chinese word of two or more characters is followed by
// its single characters and the dictionary words inside it (中国农业发展银行
// → 中, 国, 农 …, 中国, 农业, 发展, 银行, 农业发展 …), so that a search for
// any part of a word finds it: the characters give every substring, the
// dictionary words rank word matches above character matches. Sub-words
// have the offsets of the place they occupy.
func (s *Segmenter) Tokens(text string, search bool) []Token {
	words := s.dict.cut(text) // lowercased, but rune for rune the same as text
	tokens := make([]Token, 0, len(words))
	start, pos := 0, 0
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		end := start
		for i := 0; i < n && end < len(text); i++ {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		word := text[start:end]
		if isWord(word) {
			tokens = append(tokens, Token{Text: word, Start: start, End: end, Pos: pos})
			if search && n >= 2 && isHan(word) {
				tokens = s.appendSubwords(tokens, word, start, pos, n)
			}
		}
		start, pos = end, pos+n
	}
	return tokens
}

// appendSubwords appends the characters and the dictionary words inside word
// (n runes long, starting at byte start and rune pos).
func (s *Segmenter) appendSubwords(tokens []Token, word string, start, pos, n int) []Token {
	// offsets[i] is the byte offset of rune i of word; offsets[n] = len(word).
	offsets := make([]int, 0, n+1)
	for i := range word {
		offsets = append(offsets, i)
	}
	offsets = append(offsets, len(word))

	for size := 1; size < n; size++ {
		for i := 0; i+size <= n; i++ {
			sub := word[offsets[i]:offsets[i+size]]
			if size > 1 {
				if freq, _, _ := s.dict.find(sub); freq <= 0 {
					continue
				}
			}
			tokens = append(tokens, Token{
				Text:  sub,
				Start: start + offsets[i],
				End:   start + offsets[i+size],
				Pos:   pos + i,
			})
		}
	}
	return tokens
}

// isWord reports whether s has a letter or a digit: spaces and punctuation
// are not searchable.
func isWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

func isHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
