package identity

import (
	"strings"
	"testing"
)

// TestWords checks that every role of words.tsv is read by the code and
// that every word does what its example says.
func TestWords(t *testing.T) {
	if unused := lists.Unused(); len(unused) > 0 {
		t.Errorf("roles of words.tsv that no rule reads: %q", unused)
	}
	for _, e := range lists.Entries() {
		t.Run(e.Role+"/"+e.Word, func(t *testing.T) {
			switch e.Role {
			case "site-end":
				// the name after the label: 县政府网站 is no body
				name := e.Example[strings.IndexAny(e.Example, "：:")+len("："):]
				if IsOrgName(name) {
					t.Errorf("IsOrgName(%q) = true, want false: a website", name)
				}
			case "addressee-end":
				if !isRecipients(e.Example) {
					t.Errorf("isRecipients(%q) = false, want true", e.Example)
				}
				text := e.Example + "\n现将有关事项通知如下。\n某县人民政府关于某某工作的报告\n一、基本情况"
				if title, _ := Title(text); title != "" {
					t.Errorf("Title after the addressees %q = %q, want none", e.Example, title)
				}
			case "title-next":
				want := e.Example[:strings.Index(e.Example, e.Word)]
				d := newReading(e.Example, NewText(""))
				if got := fromTitle(d).String(); got != want {
					t.Errorf("fromTitle(%q) = %q, want %q", e.Example, got, want)
				}
			default:
				t.Errorf("no test for role %s", e.Role)
			}
		})
	}
}
