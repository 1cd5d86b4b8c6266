package identity

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// pattern is a regular expression of a rule table with the words one of
// which every match holds: most titles and texts a rule is tried on hold
// none of them, and the regexp, which would try a match from each of their
// characters, is spared. It is compiled on first use: a process pays only
// for the rules its documents reach.
type pattern struct {
	re    func() *regexp.Regexp
	needs []string // nil when no such words are known
}

// newPattern returns the pattern of expr, or the error of its syntax.
func newPattern(expr string) (*pattern, error) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, err
	}
	return &pattern{
		re:    sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) }),
		needs: neededWords(tree),
	}, nil
}

// MatchString reports whether s holds a match of the pattern.
func (p *pattern) MatchString(s string) bool {
	if p.needs != nil && !containsAnyWord(s, p.needs) {
		return false
	}
	return p.re().MatchString(s)
}

// containsAnyWord reports whether s contains one of words.
func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// maxNeeded is the most words a pattern is tested for before its regexp
// runs: more would cost more than they spare.
const maxNeeded = 12

// neededWords returns words one of which every match of re holds, or nil
// when it knows none: the literal of a literal; the characters of a small
// class; one of each alternative's; of a sequence, the part's whose
// shortest word is longest (the rarest), then the part's with the fewest.
// A word with U+FFFD is never needed: the regexp matches that to any byte
// that is no UTF-8, which strings.Contains does not.
func neededWords(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		for _, r := range re.Rune {
			if r == utf8.RuneError {
				return nil
			}
		}
		return []string{string(re.Rune)}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxNeeded || r == utf8.RuneError {
					return nil
				}
				out = append(out, string(r))
			}
		}
		return out
	case syntax.OpCapture, syntax.OpPlus:
		return neededWords(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return neededWords(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if w := neededWords(sub); w != nil && (best == nil || rarer(w, best)) {
				best = w
			}
		}
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			w := neededWords(sub)
			if w == nil {
				return nil
			}
			for _, word := range w {
				if !slices.Contains(out, word) {
					out = append(out, word)
				}
			}
			if len(out) > maxNeeded {
				return nil
			}
		}
		return out
	}
	return nil
}

// rarer reports whether a text holds one of words a less often than one of
// words b, by a guess: the longer the shortest word, the rarer; then the
// fewer words.
func rarer(a, b []string) bool {
	if sa, sb := shortestRunes(a), shortestRunes(b); sa != sb {
		return sa > sb
	}
	return len(a) < len(b)
}

func shortestRunes(words []string) int {
	n := -1
	for _, w := range words {
		if c := utf8.RuneCountInString(w); n < 0 || c < n {
			n = c
		}
	}
	return n
}

// lazyRegexp returns a regexp compiled on first use: compiling all of them
// took most of the package's initialisation, which every process pays,
// and a process may need few.
func lazyRegexp(expr string) func() *regexp.Regexp {
	re := sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
	lazyRegexps = append(lazyRegexps, re)
	return re
}

// lazyRegexps are the regexps of lazyRegexp, which a test compiles.
var lazyRegexps []func() *regexp.Regexp
