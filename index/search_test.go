package index

import (
	"context"
	"errors"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract"
)

func byName(t *testing.T, docs []*extract.Document) map[string]string {
	t.Helper()
	ids := map[string]string{}
	for _, s := range specials {
		ids[s.name] = s.document().ID
	}
	return ids
}

func hitIDs(res *Result) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSearchRelevance(t *testing.T) {
	docs := fixtureDocs(t)
	ix := newTestIndex(t, docs)
	id := byName(t, docs)
	ctx := context.Background()

	tests := []struct {
		name    string
		q       Query
		first   string   // special expected as the first hit
		want    []string // specials that must be found
		notWant []string // specials that must not be found
		total   int      // exact total, when > 0
	}{
		{name: "sub-word 处理 finds 待处理", q: Query{Text: "处理"}, first: "pending-cases"},
		{name: "sub-word 农业 finds 中国农业发展银行", q: Query{Text: "农业"}, first: "adbc-nongfa", total: 1},
		{name: "sub-word across a long word", q: Query{Text: "农业发展"}, first: "adbc-nongfa", total: 1},
		{name: "title match ranks first", q: Query{Text: "行政复议"}, first: "luoyang-fuyi"},
		{name: "exact phrase", q: Query{Text: `"人民调解委员会"`}, first: "mediation-committee", notWant: []string{"npc-committee"}, total: 1},
		{name: "words anywhere", q: Query{Text: "人民 调解 委员会"}, want: []string{"mediation-committee", "npc-committee"}},
		{name: "excluded word", q: Query{Text: "人民 调解 委员会 -代表大会"}, want: []string{"mediation-committee"}, notWant: []string{"npc-committee"}},
		{name: "doc number lookup", q: Query{Text: "国发〔2024〕3号"}, first: "guofa-2024-3", want: []string{"luoyang-fuyi"}, total: 2},
		{name: "doc number other brackets", q: Query{Text: "docnum:国发[2024]3号"}, first: "guofa-2024-3", total: 1},
		{name: "doc number full-width digits", q: Query{Text: "docnum:国发（２０２４）３号"}, first: "guofa-2024-3", total: 1},
		{name: "doc number prefix", q: Query{Text: "docnum:国发〔2024〕"}, first: "guofa-2024-3", total: 1},
		{name: "title field", q: Query{Text: "title:待处理"}, first: "pending-cases", total: 1},
		{name: "issuer field", q: Query{Text: "issuer:农业发展银行"}, first: "adbc-nongfa", total: 1},
		{name: "year field", q: Query{Text: "行政复议 year:2023"}, first: "luoyang-fuyi"},
		{name: "year filter excludes", q: Query{Text: "待处理", Year: 2021}, total: 0},
		{name: "issuer filter", q: Query{Text: "调解", Issuer: "南阳市司法局"}, first: "mediation-committee", total: 1},
		{name: "kind filter", q: Query{Kind: "notice", Year: 2024}, first: "guofa-2024-3", total: 1},
		{name: "date range", q: Query{From: "2024-01-16", To: "2024-01-16", Kind: "notice"}, first: "guofa-2024-3", total: 1},
		{name: "date range excludes", q: Query{From: "2024-01-17", To: "2024-01-31", Text: "国发〔2024〕3号"}, first: "luoyang-fuyi", total: 1},
		{name: "full-width latin folds", q: Query{Text: "ＰＤＦ"}, total: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Limit = 100
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			if tt.first != "" && (len(got) == 0 || got[0] != id[tt.first]) {
				t.Errorf("first hit = %v, want %s (%s)", titles(res), tt.first, id[tt.first])
			}
			for _, w := range tt.want {
				if !slices.Contains(got, id[w]) {
					t.Errorf("%s not found; hits %v", w, titles(res))
				}
			}
			for _, w := range tt.notWant {
				if slices.Contains(got, id[w]) {
					t.Errorf("%s found; hits %v", w, titles(res))
				}
			}
			if (tt.total > 0 || tt.first == "" && tt.want == nil) && res.Total != tt.total {
				t.Errorf("total = %d, want %d; hits %v", res.Total, tt.total, titles(res))
			}
		})
	}
}

func titles(res *Result) []string {
	var ts []string
	for _, h := range res.Hits {
		ts = append(ts, h.Title)
	}
	return ts
}

func TestSearchEmptyQueryListsAll(t *testing.T) {
	docs := fixtureDocs(t)
	ix := newTestIndex(t, docs)
	res, err := ix.Search(context.Background(), Query{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != len(docs) || len(res.Hits) != len(docs) {
		t.Fatalf("empty query: total %d, %d hits; want %d", res.Total, len(res.Hits), len(docs))
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i-1].Date < res.Hits[i].Date {
			t.Fatalf("empty query not newest first: %s before %s", res.Hits[i-1].Date, res.Hits[i].Date)
		}
	}
	// Facets count the documents.
	years := 0
	for _, f := range res.Facets["year"] {
		years += f.Count
	}
	if years != len(docs) {
		t.Errorf("year facet counts %d documents, want %d", years, len(docs))
	}
	// Paging gives the same order.
	page2, err := ix.Search(context.Background(), Query{Limit: 5, Offset: 5})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(hitIDs(page2), hitIDs(res)[5:10]) {
		t.Errorf("page 2 = %v, want %v", hitIDs(page2), hitIDs(res)[5:10])
	}
}

// TestSearchOrder checks the order of a search without words: newest date
// first, then the latest report year, then the id; documents with a year
// and no date after those with a date, and those with neither last.
func TestSearchOrder(t *testing.T) {
	doc := func(id, date string, year int) *extract.Document {
		d := &extract.Document{ID: id, Title: id, Text: "报告", Issuer: "某市人民政府", ReportYear: year}
		if date != "" {
			d.Dates = []extract.Date{{Text: date, Value: date, Role: extract.RoleSigned}}
		}
		return d
	}
	docs := []*extract.Document{
		doc("undated-2020", "", 2020),
		doc("neither", "", 0),
		doc("b-2024-03-01", "2024-03-01", 2023),
		doc("a-2024-03-01", "2024-03-01", 2023),
		doc("dated-no-year", "2024-03-01", 0),
		doc("2024-03-01-y2024", "2024-03-01", 2024),
		doc("undated-2023", "", 2023),
		doc("2019-12-31", "2019-12-31", 2019),
	}
	ix := newTestIndex(t, docs)
	res, err := ix.Search(context.Background(), Query{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2024-03-01-y2024", "a-2024-03-01", "b-2024-03-01", "dated-no-year", "2019-12-31",
		"undated-2023", "undated-2020", "neither"}
	if got := hitIDs(res); !slices.Equal(got, want) {
		t.Errorf("order = %v\nwant %v", got, want)
	}
}

func TestSearchIndicator(t *testing.T) {
	docs := fixtureDocs(t)
	ix := newTestIndex(t, docs)
	tests := []struct {
		filter string
		match  func(extract.Indicator) bool
	}{
		{"调解成功率>=95", func(in extract.Indicator) bool { return strings.Contains(in.Name, "调解成功率") && in.Value >= 95 }},
		{"调解成功率 < 90", func(in extract.Indicator) bool { return strings.Contains(in.Name, "调解成功率") && in.Value < 90 }},
		{"受理人民调解案件>2万", func(in extract.Indicator) bool {
			return strings.Contains(in.Name, "受理人民调解案件") && in.Value > 20000
		}},
		{"地区生产总值<=1000亿", func(in extract.Indicator) bool {
			return in.Name == "地区生产总值" && in.Value <= 1e11 // the levels of the measure, not 地区生产总值增长
		}},
		{"name:地区生产总值<=1000亿", func(in extract.Indicator) bool {
			return strings.Contains(in.Name, "地区生产总值") && in.Value <= 1e11
		}},
		{"调解成功率=97.3", func(in extract.Indicator) bool {
			return strings.Contains(in.Name, "调解成功率") && in.Value == 97.3
		}},
		{"举办培训班", func(in extract.Indicator) bool { return strings.Contains(in.Name, "举办培训班") }},
	}
	for _, tt := range tests {
		t.Run(tt.filter, func(t *testing.T) {
			want := map[string]int{}
			for _, d := range docs {
				for _, in := range d.Indicators {
					if tt.match(in) {
						want[d.ID]++
					}
				}
			}
			if len(want) == 0 {
				t.Fatalf("fixtures have no document for %s", tt.filter)
			}
			res, err := ix.Search(context.Background(), Query{Indicator: tt.filter, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, h := range res.Hits {
				got[h.ID] = len(h.Indicators)
				for _, in := range h.Indicators {
					if !tt.match(extract.Indicator{Name: in.Name, Value: in.Value}) {
						t.Errorf("%s: indicator %s=%g does not match", h.Title, in.Name, in.Value)
					}
				}
			}
			if res.Total != len(want) || len(got) != len(want) {
				t.Errorf("total %d, hits %v; want %v", res.Total, got, want)
			}
			for id, n := range want {
				if got[id] != n {
					t.Errorf("document %s: %d matching indicators shown, want %d", id, got[id], n)
				}
			}
		})
	}
}

var markRE = regexp.MustCompile(`<mark>(.*?)</mark>`)

// TestHighlight checks that fragments cut on character boundaries, come
// from the text, and mark exactly the query's characters.
func TestHighlight(t *testing.T) {
	docs := fixtureDocs(t)
	ix := newTestIndex(t, docs)
	texts := map[string]string{}
	for _, d := range docs {
		texts[d.ID] = strings.ReplaceAll(d.Text, "\n", " ")
	}
	for _, tc := range []struct {
		query string
		marks []string // every mark is one of these
	}{
		{"处理", []string{"处理"}},
		{"农业", []string{"农业"}},
		{"调解成功率", []string{"调解成功率"}},
		{"行政复议 纠错率", []string{"行政复议", "纠错率"}},
		{`"人民调解委员会"`, []string{"人民调解委员会"}},
		{"国发〔2024〕3号", []string{"国发〔2024〕3号"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Query{Text: tc.query, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Fatal("no hits")
			}
			for _, h := range res.Hits {
				if len(h.Fragments) == 0 && !strings.Contains(h.TitleHTML, "<mark>") {
					t.Errorf("%s: nothing highlighted", h.Title)
				}
				for _, f := range h.Fragments {
					if !utf8.ValidString(f) {
						t.Errorf("%s: fragment %q is not valid UTF-8", h.Title, f)
					}
					for _, m := range markRE.FindAllStringSubmatch(f, -1) {
						if !isTerms(html.UnescapeString(m[1]), tc.marks) {
							t.Errorf("%s: marked %q, want one of %q in %s", h.Title, m[1], tc.marks, f)
						}
					}
					plain := html.UnescapeString(markRE.ReplaceAllString(f, "$1"))
					plain = strings.TrimSuffix(strings.TrimPrefix(plain, "…"), "…")
					if !strings.Contains(texts[h.ID], plain) {
						t.Errorf("%s: fragment %q is not a piece of the text", h.Title, plain)
					}
				}
			}
		})
	}
}

func TestSearchBadQueries(t *testing.T) {
	ctx := context.Background()
	docs := fixtureDocs(t)
	ix := newTestIndex(t, docs)
	empty, err := NewMem()
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()

	long := strings.Repeat("法治政府建设", 1667)[:10000] // 10,000 bytes, cut mid-character
	tests := []struct {
		name    string
		ix      *Index
		q       Query
		wantErr error // nil: must succeed
	}{
		{"empty index, words", empty, Query{Text: "行政复议"}, nil},
		{"empty index, list", empty, Query{}, nil},
		{"empty index, indicator", empty, Query{Indicator: "调解成功率>=95"}, nil},
		{"only punctuation", ix, Query{Text: "。，、！？……——《》"}, ErrNoWords},
		{"only quotes", ix, Query{Text: `"" “”`}, ErrNoWords},
		{"10,000 characters", ix, Query{Text: strings.Repeat("法治政府建设", 1667)[:30000]}, ErrQueryTooLong},
		{"10,000 bytes, invalid UTF-8 at the end", ix, Query{Text: long}, ErrQueryTooLong},
		{"1000 characters", ix, Query{Text: strings.Repeat("调解成功率", 200)}, nil},
		{"bad year", ix, Query{Text: "year:二〇二四"}, ErrBadQuery},
		{"bad date", ix, Query{From: "2024/1/1"}, ErrBadQuery},
		{"bad indicator", ix, Query{Indicator: ">=95"}, ErrBadQuery},
		{"indicator of punctuation", ix, Query{Indicator: "。。>=95"}, ErrBadQuery},
		{"unknown field is a word", ix, Query{Text: "foo:bar"}, nil},
		{"dangling minus", ix, Query{Text: "- -"}, ErrNoWords},
		{"excluded only", ix, Query{Text: "-农业"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tt.ix.Search(ctx, tt.q)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if res.Hits == nil || res.Facets == nil {
				t.Errorf("nil hits or facets: %+v", res)
			}
		})
	}
}

// isTerms reports whether mark, without punctuation, is one or more of
// terms (also without punctuation) one after the other.
func isTerms(mark string, terms []string) bool {
	mark = stripPunct(mark)
	if mark == "" {
		return false
	}
	for mark != "" {
		found := false
		for _, t := range terms {
			if t = stripPunct(t); strings.HasPrefix(mark, t) {
				mark, found = mark[len(t):], true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func stripPunct(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return r
		}
		return -1
	}, s)
}
