package indicator

import (
	_ "embed"
	"regexp"
	"strings"

	"github.com/gongwen/gongwen/extract/internal/words"
)

// lists are the word lists of words.tsv, one word a line with its role and
// an example: a new word is one line there.
var lists = words.MustParse("indicator/words.tsv", wordsTSV)

//go:embed words.tsv
var wordsTSV string

// The word lists of the rules (words.tsv says what each is for).
var (
	distributives = lists.Of("distributive")
	cutsTo        = lists.Of("cut-to")
	shareOf       = lists.Of("share-verb")
	sharedBy      = lists.Of("shared")
	genericNames  = lists.Set("generic")
	occasions     = lists.Set("occasion")
	scopes        = lists.Of("scope")
	boundWords    = lists.Of("bound")
	institutions  = lists.Set("institution-unit")
	people        = lists.Set("people-unit")
	members       = lists.Set("member")
	deadlineUnits = lists.Set("deadline-unit")
	withinWords   = lists.Of("within")
)

// alternatives returns the words of role as alternatives of a regular expression.
func alternatives(role string) string {
	ws := lists.Of(role)
	quoted := make([]string, len(ws))
	for i, w := range ws {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}
