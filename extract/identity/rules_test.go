package identity

import (
	"strings"
	"testing"
)

// Every rule of every table finds what its example says, and is the rule
// that decides its example.

func TestIssuerRules(t *testing.T) {
	for _, r := range issuerRules {
		t.Run(r.name, func(t *testing.T) {
			title, _ := Title(r.example)
			if got := r.find(newReading(title, NewText(r.example))).String(); got != r.want {
				t.Errorf("rule on its example = %q, want %q", got, r.want)
			}
			if got := IssuerOf(title, r.example); got.String() != r.want || got.Source != r.name {
				t.Errorf("IssuerOf(example) = %q from %s, want %q from this rule", got.String(), got.Source, r.want)
			}
		})
	}
}

func TestHeads(t *testing.T) {
	for _, h := range heads {
		t.Run(h.position, func(t *testing.T) {
			text := "政府工作报告\n——2024年1月8日在某某县第十八届人民代表大会第三次会议上\n" + h.example + "\n各位代表："
			got := IssuerOf("", text)
			if got.Source != SourceSpeech || got.String() == "" {
				t.Fatalf("speaker %q: IssuerOf = %q from %q, want an issuer from the speech header", h.example, got.String(), got.Source)
			}
			org := strings.TrimSuffix(strings.Fields(h.example)[0], h.position)
			if h.body == "=" && !isRelative(org) && got.String() != org {
				t.Errorf("speaker %q: issuer %q, want the body before the position, %q", h.example, got.String(), org)
			}
		})
	}
}

func TestKindRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range kindRules() {
		t.Run(r.name, func(t *testing.T) {
			if seen[r.name] {
				t.Fatalf("two rules named %s", r.name)
			}
			seen[r.name] = true
			title := ""
			if r.title != nil {
				title = strings.SplitN(r.example, "\n", 2)[0]
			}
			kind, rule, _ := classify(title, r.example)
			if kind != r.kind || rule != r.name {
				t.Errorf("example %q is %s by rule %q, want %s by this rule", r.example, kind, rule, r.kind)
			}
		})
	}
}

func TestYearRules(t *testing.T) {
	for _, r := range yearRules {
		t.Run(r.name, func(t *testing.T) {
			title, _ := Title(r.example)
			year, source := ReportYear(title, r.example, r.kind, r.signed)
			if year != r.want || source != r.name {
				t.Errorf("ReportYear(example) = %d from %s, want %d from this rule", year, source, r.want)
			}
		})
	}
}

func TestParseKindsErrors(t *testing.T) {
	for _, tsv := range []string{
		"a\tnotice\t通知\t\n",   // four columns
		"a\tmemo\t通知\t\tx\n",  // unknown kind
		"a\tnotice\t(\t\tx\n", // bad regexp
		"a\tnotice\t\t\tx\n",  // no pattern
	} {
		if _, err := parseKinds(tsv); err == nil {
			t.Errorf("parseKinds(%q) accepted a bad table", tsv)
		}
	}
}

func TestTitleBodies(t *testing.T) {
	for _, b := range titleBodies {
		t.Run(b.example, func(t *testing.T) {
			got := fromTitlePlace(newReading(b.example, NewText("")))
			if got.Body != b.body || got.Place == "" || !strings.Contains(b.example, got.Place) {
				t.Errorf("fromTitlePlace(%q) = %+v, want a place of the title and %s", b.example, got, b.body)
			}
		})
	}
}
