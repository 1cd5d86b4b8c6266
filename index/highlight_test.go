package index

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFragments(t *testing.T) {
	text := "一、加强组织领导\n受理人民调解案件49545件，调解成功48899件，调解成功率98.7%。二是发挥行政复议主渠道作用。"
	at := func(sub string) Span {
		i := strings.Index(text, sub)
		return Span{i, i + len(sub)}
	}
	tests := []struct {
		name  string
		spans []Span
		want  []string
	}{
		{"one match, cut at the line start", []Span{at("调解成功率")},
			[]string{"受理人民调解案件49545件，调解成功48899件，<mark>调解成功率</mark>98.7%。二是发挥行政复议主渠道作用。"}},
		{"touching and overlapping spans make one mark", []Span{{at("调解成功率").Start, at("调解成功率").Start + 6}, {at("调解成功率").Start, at("调解成功率").Start + 12}, {at("调解成功率").Start + 6, at("调解成功率").End}},
			[]string{"受理人民调解案件49545件，调解成功48899件，<mark>调解成功率</mark>98.7%。二是发挥行政复议主渠道作用。"}},
		{"punctuation between matches joins them", []Span{at("98.7"), {at("98.7").End + 1, at("98.7").End + 1 + len("。二是")}},
			[]string{"受理人民调解案件49545件，调解成功48899件，调解成功率<mark>98.7%。二是</mark>发挥行政复议主渠道作用。"}},
		{"spans off character boundaries are dropped", []Span{{at("调解").Start + 1, at("调解").End}}, nil},
		{"out of range", []Span{{-1, 3}, {0, len(text) + 1}}, nil},
		{"heading", []Span{at("组织")}, []string{"一、加强<mark>组织</mark>领导"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fragments(text, tt.spans, 3)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Fragments =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// FuzzFragments checks that fragments are valid UTF-8, are pieces of the
// text, and mark only what the spans cover.
func FuzzFragments(f *testing.F) {
	f.Add("受理人民调解案件49545件，调解成功率98.7%。\n二是发挥行政复议<作用>&。", 12, 6, 40, 9)
	f.Add("abc", 0, 1, 2, 1)
	f.Fuzz(func(t *testing.T, text string, s1, l1, s2, l2 int) {
		if !utf8.ValidString(text) || s1 < 0 || s2 < 0 || l1 < 0 || l2 < 0 {
			return
		}
		spans := []Span{{s1, s1 + l1}, {s2, s2 + l2}}
		if spans[1].Start < spans[0].Start {
			spans[0], spans[1] = spans[1], spans[0]
		}
		flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(text)
		for _, frag := range Fragments(text, spans, 3) {
			if !utf8.ValidString(frag) {
				t.Fatalf("fragment %q is not valid UTF-8", frag)
			}
			plain := strings.TrimSuffix(strings.TrimPrefix(frag, "…"), "…")
			for _, m := range markRE.FindAllStringSubmatch(plain, -1) {
				mark := html.UnescapeString(m[1])
				// A mark covers spans, joined across at most two punctuation marks.
				from, to := len(flat), 0
				for _, s := range spans {
					if s.Start < s.End && s.End <= len(flat) {
						from, to = min(from, s.Start), max(to, s.End)
					}
				}
				covered := from < to && strings.Contains(flat[max(from-6, 0):min(to+6, len(flat))], mark)
				if !covered {
					t.Fatalf("mark %q not from the spans %v", mark, spans)
				}
			}
			plain = html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(plain))
			if !strings.Contains(flat, plain) {
				t.Fatalf("fragment %q is not a piece of %q", plain, text)
			}
		}
	})
}
