// Package score measures how much of a source text an extractor gave back, for the PDF accuracy test
// and testdata/pdf/bench.sh.
package score

import "unicode"

// Accuracy returns 1 − (edit distance / length of want), both over the non-space characters of got
// and want, so line breaks and spaces do not count. It is below zero when got is mostly wrong.
func Accuracy(got, want string) float64 {
	a, b := nonSpace(got), nonSpace(want)
	if len(b) == 0 {
		if len(a) == 0 {
			return 1
		}
		return 0
	}
	return 1 - float64(Distance(a, b))/float64(len(b))
}

func nonSpace(s string) []rune {
	var r []rune
	for _, c := range s {
		if !unicode.IsSpace(c) {
			r = append(r, c)
		}
	}
	return r
}

// Distance returns the Levenshtein distance between a and b. It fills only a band around the diagonal,
// doubling the band until the distance fits inside it, so similar long texts cost O(n·d).
func Distance(a, b []rune) int {
	for band := 16; ; band *= 2 {
		if d, ok := banded(a, b, band); ok {
			return d
		}
	}
}

// banded computes the distance looking only at cells with |i−j| ≤ band; the result is exact when it
// is at most band.
func banded(a, b []rune, band int) (int, bool) {
	n, m := len(a), len(b)
	if abs(n-m) > band {
		return 0, false
	}
	inf := n + m + 1
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := range prev {
		if j <= band {
			prev[j] = j
		} else {
			prev[j] = inf
		}
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-band), min(m, i+band)
		if lo == 1 {
			cur[0] = i
		} else {
			cur[lo-1] = inf
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
		}
		if hi < m {
			cur[hi+1] = inf // read by the next row, which reaches one cell further
		}
		prev, cur = cur, prev
	}
	d := prev[m]
	return d, d <= band
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
