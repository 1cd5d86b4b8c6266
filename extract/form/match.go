package form

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numbering matches the numbers that order labels, wherever they stand in
// a label that a reader joined from several cells: 一、 （三） (3) 1. 1、 ①.
var numbering = regexp.MustCompile(`[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十0-9]+\s*[）)]|[0-9０-９]+\s*[.．、]|[①-⑳]`)

// Fold reduces a label to what it says: no spaces, punctuation or
// numbering, full-width letters and digits made ASCII. "（二）部分公开（区分
// 处理的，只计这一情 形）" → "部分公开区分处理的只计这一情形".
func Fold(s string) string {
	s = numbering.ReplaceAllString(s, "")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			r -= '！' - '!'
		case r == '\u3000':
			r = ' '
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// similarity scores how close two folded labels are, from 0 to 1: 1 when
// equal, the share of characters they have in common in order (2·LCS over
// both lengths) for a misprint (其他法律行政止公开), and at least 0.7 when
// one holds the other whole (行政复议结果维持 holds 结果维持), more the more
// of it the shorter one covers.
func similarity(a, b string) float64 {
	return similarityBuf(a, b, nil)
}

// similarityBuf is similarity with a scratch buffer for the LCS table.
func similarityBuf(a, b string, buf *[]int) float64 {
	if a == b {
		return 1
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la == 0 || lb == 0 {
		return 0
	}
	short, long, ls, ll := a, b, la, lb
	if ls > ll {
		short, long, ls, ll = b, a, lb, la
	}
	contained := 0.0
	if ls >= 2 && strings.Contains(long, short) {
		contained = 0.7 + 0.3*float64(ls)/float64(ll)
	}
	// The LCS is at most the shorter length: when even that cannot reach
	// the threshold, the labels differ (and the LCS need not be computed).
	if 2*float64(ls)/float64(la+lb) < threshold {
		return contained
	}
	return max(contained, 2*float64(lcs([]rune(a), []rune(b), buf))/float64(la+lb))
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b []rune, buf *[]int) int {
	var scratch []int
	if buf != nil {
		scratch = *buf
	}
	if cap(scratch) < 2*(len(b)+1) {
		scratch = make([]int, 2*(len(b)+1))
		if buf != nil {
			*buf = scratch
		}
	}
	scratch = scratch[:2*(len(b)+1)]
	clear(scratch)
	prev, cur := scratch[:len(b)+1], scratch[len(b)+1:]
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
