// Package words reads the word lists that the recognisers embed as data:
// TSV files of word, role and example, one word a line, so that a new word
// is one line and every list says what each of its words is for.
//
// A file may hold comment lines (#) and blank lines. The words are
// simplified Chinese only: the recognisers read text with traditional
// characters folded (extract/internal/fold).
package words

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongwen/gongwen/extract/internal/fold"
)

// Entry is one line of a word list.
type Entry struct {
	Word, Role, Example string
	Line                int
}

// Lists holds the words of a file by role, in file order.
type Lists struct {
	name    string
	entries []Entry
	byRole  map[string][]string
	used    map[string]bool
}

// Parse reads a TSV file of word, role and example. It fails on a line
// without the three fields, a word with a traditional character, an example
// that does not contain its word, and a word listed twice for one role.
func Parse(name, tsv string) (*Lists, error) {
	l := &Lists{name: name, byRole: map[string][]string{}, used: map[string]bool{}}
	seen := map[[2]string]bool{}
	for n, line := range strings.Split(tsv, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "" || f[2] == "" {
			return nil, fmt.Errorf("%s:%d: want word, role and example separated by tabs, got %q", name, n+1, line)
		}
		e := Entry{Word: f[0], Role: f[1], Example: f[2], Line: n + 1}
		if fold.String(e.Word) != e.Word {
			return nil, fmt.Errorf("%s:%d: %s has traditional characters: list its simplified form %s only", name, n+1, e.Word, fold.String(e.Word))
		}
		if !strings.Contains(fold.String(e.Example), e.Word) {
			return nil, fmt.Errorf("%s:%d: the example %q does not contain %s", name, n+1, e.Example, e.Word)
		}
		if seen[[2]string{e.Word, e.Role}] {
			return nil, fmt.Errorf("%s:%d: %s is listed twice as %s", name, n+1, e.Word, e.Role)
		}
		seen[[2]string{e.Word, e.Role}] = true
		l.entries = append(l.entries, e)
		l.byRole[e.Role] = append(l.byRole[e.Role], e.Word)
	}
	return l, nil
}

// MustParse is Parse for an embedded file, which a test has checked.
func MustParse(name, tsv string) *Lists {
	l, err := Parse(name, tsv)
	if err != nil {
		panic(err)
	}
	return l
}

// Of returns the words of role in file order. A role the file does not
// have is a programming error.
func (l *Lists) Of(role string) []string {
	ws, ok := l.byRole[role]
	if !ok {
		panic(fmt.Sprintf("%s has no words of role %q", l.name, role))
	}
	l.used[role] = true
	return ws
}

// Set returns the words of role as a set.
func (l *Lists) Set(role string) map[string]bool {
	set := map[string]bool{}
	for _, w := range l.Of(role) {
		set[w] = true
	}
	return set
}

// Chars returns the words of role, each one character, as one string for
// strings.ContainsRune.
func (l *Lists) Chars(role string) string {
	var b strings.Builder
	for _, w := range l.Of(role) {
		if len([]rune(w)) != 1 {
			panic(fmt.Sprintf("%s: %s of role %q is not one character", l.name, w, role))
		}
		b.WriteString(w)
	}
	return b.String()
}

// Entries returns every line of the file, for tests and docs.
func (l *Lists) Entries() []Entry { return slices.Clone(l.entries) }

// Unused returns the roles of the file that no code asked for: words that
// would silently do nothing.
func (l *Lists) Unused() []string {
	var out []string
	for role := range l.byRole {
		if !l.used[role] {
			out = append(out, role)
		}
	}
	slices.Sort(out)
	return out
}

// HasPrefix reports whether s starts with one of words, and returns it.
func HasPrefix(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

// HasSuffix reports whether s ends with one of words, and returns it.
func HasSuffix(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return w, true
		}
	}
	return "", false
}
