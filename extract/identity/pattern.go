package identity

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// pattern is a regular expression that a text is matched against (a rule
// of kinds.tsv, a kind of line) with what any match needs: the words one
// of which it holds and, when the regexp is anchored at the start, the
// characters it starts with. Most texts a pattern is tried on fail those
// tests, and the regexp, which would try a match from each of their
// characters or at least set itself up, is spared. The regexp is compiled
// and read on first use: a process pays only for the patterns its
// documents reach.
type pattern struct {
	compiled func() compiledPattern
}

type compiledPattern struct {
	re    *regexp.Regexp
	first *chars.Set // nil when not known
	needs []string   // nil when not known
}

// newPattern returns the pattern of expr, or the error of its syntax.
func newPattern(expr string) (*pattern, error) {
	if _, err := syntax.Parse(expr, syntax.Perl); err != nil {
		return nil, err
	}
	return mustPattern(expr), nil
}

// mustPattern returns the pattern of expr, which must compile.
func mustPattern(expr string) *pattern {
	p := &pattern{sync.OnceValue(func() compiledPattern {
		c := compiledPattern{re: regexp.MustCompile(expr)}
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			panic(err) // it compiled
		}
		if first := anchoredFirst(tree); first != nil {
			c.first = chars.NewSet(string(first))
		}
		c.needs = neededWords(tree)
		return c
	})}
	lazyRegexps = append(lazyRegexps, func() *regexp.Regexp { return p.compiled().re })
	return p
}

// MatchString reports whether s holds a match of the pattern.
func (p *pattern) MatchString(s string) bool {
	c := p.compiled()
	if first, _ := utf8.DecodeRuneInString(s); c.first != nil && !c.first.Has(first) {
		return false
	}
	if c.needs != nil && !containsAnyWord(s, c.needs) {
		return false
	}
	return c.re.MatchString(s)
}

// maxFirst is the most characters a pattern's first is made of.
const maxFirst = 64

// anchoredFirst returns the characters every match of a regexp anchored at
// the start of the text starts with, or nil when it knows none.
func anchoredFirst(re *syntax.Regexp) []rune {
	if re.Op == syntax.OpConcat && len(re.Sub) >= 2 && re.Sub[0].Op == syntax.OpBeginText {
		return firstRunes(re.Sub[1])
	}
	return nil
}

// firstRunes returns the characters every match of re starts with, or nil
// when it knows none or re may match the empty string.
func firstRunes(re *syntax.Regexp) []rune {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 && len(re.Rune) > 0 {
			return re.Rune[:1]
		}
	case syntax.OpCharClass:
		var out []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxFirst {
					return nil
				}
				out = append(out, r)
			}
		}
		return out
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return firstRunes(re.Sub[0])
		}
	case syntax.OpConcat:
		return firstRunes(re.Sub[0]) // nil when the first part may match nothing
	case syntax.OpAlternate:
		var out []rune
		for _, sub := range re.Sub {
			rs := firstRunes(sub)
			if rs == nil {
				return nil
			}
			out = append(out, rs...)
		}
		if len(out) > maxFirst {
			return nil
		}
		return out
	}
	return nil
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
// runs: more would cost more than they spare. The notice rule of
// kinds.tsv has 14.
const maxNeeded = 16

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
