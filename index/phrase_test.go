package index

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/gongwen/gongwen/extract"
)

// phraseTexts are searched as phrases in every text field of the test
// indexes, with bleve's MultiPhraseQuery and with phraseQuery.
var phraseTexts = []string{
	"行政复议", "行政", "复议", "行政复议决定纠错率", "推动各项工作取得新成效", "推动各项", "工作取得新成效",
	"各项工作", "工作报告", "工作报告书", "人民调解委员会", "调解成功率", "一一", "一一一", "一一一一", "一一一一一",
	"二一", "一二一", "PDF", "PDF文件", "2024年", "国发〔2024〕3号", "98.7%", "第1256件", "成文日期", "发布机构",
	"日期：2024", "2024年1月", "司法局", "市司法局", "郑州市司法局", "的", "报告", "新成效行政复议", "abc123", "v2 版本",
	"复议复议", "行政复议行政复议", "一二三", "三一", "取得新成效推动",
}

// phraseDocs are documents made for the phrase tests: repeated characters,
// a phrase twice, mixed scripts, and metadata whose values split a phrase.
func phraseDocs() []map[string]any {
	return []map[string]any{
		{"text": "行政复议行政复议，全年新收行政复议申请1256件，第1256件为行政复议决定纠错率", "title": "行政复议工作报告书", "metadata": []string{"成文日期：2024年1月28日", "发布机构：洛阳市司法局"}},
		{"text": "推动各项工作取得新成效。推动各项工作取得新成效！再推动各项工作取得新成效", "title": "推动各项工作", "metadata": []string{"推动各项", "工作取得新成效"}},
		{"text": "一一一一一 一一 一 一一一 二一二一 一二三一二三", "title": "一一一", "metadata": []string{"一一", "一", "一一一一"}},
		{"text": "PDF文件 2024年1月 98.7% 国发〔2024〕3号 abc123 v2 版本 PDF", "title": "PDF 2024年", "metadata": []string{"日期：2024年1月", "PDF文件"}},
		{"text": "郑州市司法局关于复议复议的报告。市司法局，司法局", "title": "郑州市司法局", "metadata": []string{"发布机构：郑州市司法局", "发布机构：郑州市司法局"}},
		{"text": "新成效行政复议取得新成效推动", "title": "", "metadata": "推动各项工作取得新成效"},
	}
}

// phraseIndexes returns two indexes: the fixture documents with the
// documents of phraseDocs (their metadata a single text, as Batch writes
// it), and the records of phraseDocs as they are (metadata an array).
func phraseIndexes(t testing.TB) (docs, records *Index) {
	t.Helper()
	all := fixtureDocs(t)
	for i, r := range phraseDocs() {
		d := &extract.Document{
			ID: fmt.Sprintf("phrase-%d", i), Kind: "other", Title: r["title"].(string), Issuer: "测试机关",
			Text: r["text"].(string), Metadata: map[string]string{}, Recipients: []string{}, DocNumbers: []extract.DocNumber{},
			Sections: []extract.Section{}, Attachments: []extract.Attachment{}, Indicators: []extract.Indicator{},
		}
		switch m := r["metadata"].(type) {
		case []string:
			for k, v := range m {
				d.Metadata[fmt.Sprint(k)] = v
			}
		case string:
			d.Metadata["0"] = m
		}
		all = append(all, d)
	}
	docs = newTestIndex(t, all)
	records = newTestIndex(t, nil)
	for i, r := range phraseDocs() {
		r[fType] = typeDoc
		if err := records.bi.Index(fmt.Sprintf("rec-%d", i), r); err != nil {
			t.Fatal(err)
		}
	}
	return docs, records
}

// phraseSlots returns the slots phraseParts builds for text in field, or
// nil when it builds no phrase.
func phraseSlots(ix *Index, field, text string) [][]string {
	p, _ := ix.phraseParts(field, text, 1)
	if q, ok := p.(*phraseQuery); ok {
		return q.slots
	}
	return nil
}

// handSlots are slots phraseParts does not make but bleve reads: several
// terms at a position, a leading any, a term twice in a slot, "" among
// terms, two anys in a row.
var handSlots = [][][]string{
	{{"行"}, {"政"}, {"复"}, {"议"}},
	{{""}, {"政"}, {"复"}},
	{{""}, {""}, {"复"}, {"议"}},
	{{"行", "复"}, {"政", "议"}},
	{{"\x1f行政", "\x1f复议"}, {""}, {"\x1f复议", "\x1f行政"}},
	{{"一"}, {"一", "一"}},
	{{"一", ""}, {"一"}},
	{{"\x1f一一"}, {""}, {""}, {"一"}},
	{{"一"}, {""}, {"一"}},
	{{"\x1f一一"}, {"\x1f一一"}},
	{{"\x1f一一"}, {"\x1f一一"}, {"\x1f一一"}},
	{{"pdf"}, {"文"}},
	{{"推"}, {""}, {"各"}, {""}, {"工"}},
	{{"不存在"}, {"一"}},
	{{"一"}},
	{{"\x1f发布"}, {""}, {"机"}},
	// left to bleve: no term at all, or a slot of only ""
	{{""}},
	{{"", ""}, {"一"}},
	{},
}

func TestPhraseQueryMatchesBleve(t *testing.T) {
	docs, records := phraseIndexes(t)
	fields := []string{fText, fTitle, fMetadata, fIssuer}
	n := 0
	for _, ix := range []*Index{docs, records} {
		for _, field := range fields {
			for _, text := range phraseTexts {
				if slots := phraseSlots(ix, field, text); slots != nil {
					n += comparePhrase(t, ix, slots, field)
				}
			}
			for _, slots := range handSlots {
				n += comparePhrase(t, ix, slots, field)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d hits compared: the test documents no longer match the phrases", n)
	}
}

// TestPhraseQueryAsBleve checks what bleve reads of a query besides its
// searcher: its JSON (DumpQuery, logged requests), validation, field and
// boost.
func TestPhraseQueryAsBleve(t *testing.T) {
	for _, slots := range append(handSlots, [][]string{{"\x1f行政"}, {""}, {"\x1f复议"}}) {
		for _, boost := range []float64{0, 2.5} {
			old := query.NewMultiPhraseQuery(slots, fText)
			ours := newPhraseQuery(slots, fText)
			if boost != 0 {
				old.SetBoost(boost)
				ours.SetBoost(boost)
			}
			wantJSON, err := json.Marshal(old)
			if err != nil {
				t.Fatal(err)
			}
			gotJSON, err := json.Marshal(ours)
			if err != nil {
				t.Fatal(err)
			}
			if string(gotJSON) != string(wantJSON) {
				t.Errorf("%q: JSON %s, want %s", slots, gotJSON, wantJSON)
			}
			if g, w := ours.Validate(), old.Validate(); (g == nil) != (w == nil) {
				t.Errorf("%q: Validate() = %v, want %v", slots, g, w)
			}
			if ours.Boost() != old.Boost() || ours.Field() != old.Field() {
				t.Errorf("%q: boost %v field %s, want %v %s", slots, ours.Boost(), ours.Field(), old.Boost(), old.Field())
			}
		}
	}
	var q query.Query = newPhraseQuery(nil, fText)
	if _, ok := q.(query.FieldableQuery); !ok {
		t.Error("phraseQuery is not a FieldableQuery: bleve's ExtractFields would miss its field")
	}
	if _, ok := q.(query.BoostableQuery); !ok {
		t.Error("phraseQuery is not a BoostableQuery")
	}
}

// TestPhraseQueryMetadataArray checks the cases the comparison with bleve
// relies on: a phrase matches within one value of an array, never across
// two, and a document with a phrase twice has both places.
func TestPhraseQueryMetadataArray(t *testing.T) {
	_, records := phraseIndexes(t)
	hits := func(field, text string) map[string]search.FieldTermLocationMap {
		t.Helper()
		p, _ := records.phraseParts(field, text, 1)
		req := bleve.NewSearchRequestOptions(p, 100, 0, false)
		req.IncludeLocations = true
		res, err := records.bi.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]search.FieldTermLocationMap{}
		for _, h := range res.Hits {
			out[h.ID] = h.Locations
		}
		return out
	}
	got := hits(fMetadata, "推动各项工作取得新成效")
	if _, ok := got["rec-1"]; ok {
		t.Errorf("推动各项工作取得新成效 found across two values of rec-1's metadata")
	}
	if _, ok := got["rec-5"]; !ok {
		t.Errorf("推动各项工作取得新成效 not found in rec-5's metadata: %v", got)
	}
	got = hits(fText, "推动各项工作取得新成效")
	var starts []uint64
	for _, locs := range got["rec-1"][fText] {
		for _, l := range locs {
			starts = append(starts, l.Start)
		}
	}
	if len(starts) < 3*5 {
		t.Errorf("rec-1 has the phrase three times, got the locations %v", got["rec-1"])
	}
	got = hits(fMetadata, "发布机构")
	for _, locs := range got["rec-4"][fMetadata] {
		seen := map[uint64]bool{}
		for _, l := range locs {
			if len(l.ArrayPositions) != 1 {
				t.Fatalf("rec-4: location %+v without its array position", l)
			}
			seen[l.ArrayPositions[0]] = true
		}
		if !seen[0] || !seen[1] {
			t.Errorf("rec-4: 发布机构 is in both values, locations only in %v", seen)
		}
	}
}

// comparePhrase searches slots in field with bleve's MultiPhraseQuery and
// with phraseQuery, and fails t unless they find the same: the searchers
// alone, with Next and with Advance, and whole searches with locations and
// explanations. It returns the number of hits.
func comparePhrase(t testing.TB, ix *Index, slots [][]string, field string) int {
	t.Helper()
	name := fmt.Sprintf("%s %q", field, slots)
	old := query.NewMultiPhraseQuery(slots, field)
	old.SetBoost(1.5)
	ours := newPhraseQuery(slots, field)
	ours.SetBoost(1.5)

	for _, opts := range []search.SearcherOptions{{}, {Explain: true}, {Score: "none"}, {IncludeTermVectors: true}} {
		want := searcherMatches(t, ix, old, opts, nil)
		got := searcherMatches(t, ix, ours, opts, nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s, %+v:\n got %s\nwant %s", name, opts, got, want)
		}
	}
	ids := allInternalIDs(t, ix)
	step := 1
	if testing.Short() {
		step = 5 // each document is advanced to by some phrase of the test
	}
	for k := len(slots) % step; k < len(ids); k += step {
		id := ids[k]
		want := searcherMatches(t, ix, old, search.SearcherOptions{}, id)
		got := searcherMatches(t, ix, ours, search.SearcherOptions{}, id)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s, advancing to %x:\n got %s\nwant %s", name, id, got, want)
		}
	}

	run := func(q query.Query) *bleve.SearchResult {
		req := bleve.NewSearchRequestOptions(q, 1000, 0, true)
		req.IncludeLocations = true
		res, err := ix.bi.Search(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return res
	}
	want, got := run(old), run(ours)
	if len(got.Hits) != len(want.Hits) || got.Total != want.Total {
		t.Errorf("%s: %d hits (total %d), want %d (total %d)", name, len(got.Hits), got.Total, len(want.Hits), want.Total)
		return len(want.Hits)
	}
	for i := range want.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.ID != w.ID || g.Score != w.Score || !reflect.DeepEqual(g.Locations, w.Locations) || !reflect.DeepEqual(g.Expl, w.Expl) {
			t.Errorf("%s: hit %d is %s %v %v, want %s %v %v", name, i, g.ID, g.Score, g.Locations, w.ID, w.Score, w.Locations)
		}
	}
	// Inside a disjunction across fields, as Index.Search builds it, and
	// counted only.
	var qs [2]query.Query
	for k, q := range []query.Query{old, ours} {
		d := bleve.NewDisjunctionQuery(q, bleve.NewTermQuery("一"))
		qs[k] = bleve.NewConjunctionQuery(d, typeQuery(typeDoc))
	}
	want, got = run(qs[0]), run(qs[1])
	if !reflect.DeepEqual(scoredIDs(got), scoredIDs(want)) {
		t.Errorf("%s in a disjunction: got %v, want %v", name, scoredIDs(got), scoredIDs(want))
	}
	for i := range want.Hits {
		if !reflect.DeepEqual(got.Hits[i].Locations, want.Hits[i].Locations) {
			t.Errorf("%s in a disjunction: hit %s has %v, want %v", name, want.Hits[i].ID, got.Hits[i].Locations, want.Hits[i].Locations)
		}
	}
	count := func(q query.Query) uint64 {
		res, err := ix.bi.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return res.Total
	}
	if g, w := count(ours), count(old); g != w {
		t.Errorf("%s: counted %d, want %d", name, g, w)
	}
	return len(want.Hits)
}

func scoredIDs(res *bleve.SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, fmt.Sprintf("%s %v", h.ID, h.Score))
	}
	return out
}

// match is what a searcher says of one document, copied out of the
// DocumentMatch before the pool reuses it.
type match struct {
	ID    string
	Score float64
	FTLs  []search.FieldTermLocation
	Expl  string
}

func (m match) String() string { return fmt.Sprintf("{%s %v %v %s}", m.ID, m.Score, m.FTLs, m.Expl) }

// searcherMatches runs q's searcher over ix: with Next from the start, or,
// when from is not nil, Advance to from and then Next. Besides the
// matches, it records the searcher's Count, Min, Weight and pool size.
func searcherMatches(t testing.TB, ix *Index, q query.Query, opts search.SearcherOptions, from bindex.IndexInternalID) []match {
	t.Helper()
	r := indexReader(t, ix)
	defer r.Close()
	s, err := q.Searcher(context.Background(), r, ix.bi.Mapping(), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := []match{{ID: fmt.Sprintf("count %d min %d weight %v pool %d", s.Count(), s.Min(), s.Weight(), s.DocumentMatchPoolSize())}}
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	next := s.Next
	if from != nil {
		next = func(ctx *search.SearchContext) (*search.DocumentMatch, error) {
			next = s.Next
			return s.Advance(ctx, from)
		}
	}
	for {
		dm, err := next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if dm == nil {
			return out
		}
		m := match{ID: fmt.Sprintf("%x", []byte(dm.IndexInternalID)), Score: dm.Score}
		for _, f := range dm.FieldTermLocations {
			f.Location.ArrayPositions = cloneAP(f.Location.ArrayPositions)
			m.FTLs = append(m.FTLs, f)
		}
		if dm.Expl != nil {
			m.Expl = dm.Expl.String()
		}
		out = append(out, m)
		ctx.DocumentMatchPool.Put(dm)
	}
}

// indexReader returns a reader of ix's current snapshot; close it.
func indexReader(t testing.TB, ix *Index) bindex.IndexReader {
	t.Helper()
	adv, err := ix.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// cloneAP copies ap, keeping nil apart from empty.
func cloneAP(ap search.ArrayPositions) search.ArrayPositions {
	if ap == nil {
		return nil
	}
	return append(search.ArrayPositions{}, ap...)
}

func allInternalIDs(t testing.TB, ix *Index) []bindex.IndexInternalID {
	t.Helper()
	r := indexReader(t, ix)
	defer r.Close()
	s, err := searcher.NewMatchAllSearcher(context.Background(), r, 1, search.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	var ids []bindex.IndexInternalID
	for {
		dm, err := s.Next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if dm == nil {
			return ids
		}
		ids = append(ids, append(bindex.IndexInternalID(nil), dm.IndexInternalID...))
		ctx.DocumentMatchPool.Put(dm)
	}
}

// TestPhraseSearchMatchesBleve compares whole searches, fragments and
// marked titles included, with bleve's phrase searcher and with ours.
func TestPhraseSearchMatchesBleve(t *testing.T) {
	docs, _ := phraseIndexes(t)
	ctx := context.Background()
	words := append(append([]string{}, phraseTexts...), benchQueries...)
	words = append(words, "行政复议 -调解", `"推动各项工作取得新成效" 报告`, "title:行政复议", "issuer:司法局")
	for _, w := range words {
		run := func(old bool) *Result {
			blevePhrase = old
			defer func() { blevePhrase = false }()
			res, err := docs.Search(ctx, Query{Text: w, Limit: 100})
			if err != nil {
				t.Fatalf("%s: %v", w, err)
			}
			return res
		}
		if got, want := run(false), run(true); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", w, got, want)
		}
	}
}

// fuzzAlphabet is the few characters the fuzz test writes documents and
// phrases with, so that phrases often match; | ends a document and / a
// value of its metadata.
var fuzzAlphabet = []string{"一", "二", "三", "一", "a", "1", " ", "|", "/", "一二"}

// fuzzTerms are the terms raw slots are made of.
var fuzzTerms = []string{"一", "二", "三", "a", "1", "\x1f一一", "\x1f一二", "\x1f二一", "\x1f二三", "\x1f三一", "一二", ""}

func FuzzPhraseQuery(f *testing.F) {
	f.Add([]byte{0, 0, 0, 6, 0, 0, 1, 7, 0, 8, 0, 0}, []byte{0, 0, 0}, []byte{5, 12, 0})
	f.Add([]byte{0, 1, 2, 0, 1, 2, 6, 0, 1, 2}, []byte{0, 1, 2}, []byte{0x86, 1, 0xff})
	f.Add([]byte{4, 5, 4, 5, 6, 4, 5, 8, 4, 5}, []byte{4, 5}, []byte{3, 4, 15})
	f.Add([]byte{9, 9, 0, 9, 7, 9, 1}, []byte{9, 0}, []byte{12, 6, 6})
	f.Add([]byte("10210"), []byte("0"), []byte("00")) // 一 一 across two values of the metadata
	f.Fuzz(func(t *testing.T, docBytes, phraseBytes, slotBytes []byte) {
		if len(docBytes) > 200 || len(phraseBytes) > 12 || len(slotBytes) > 8 {
			return
		}
		var b strings.Builder
		for _, c := range docBytes {
			b.WriteString(fuzzAlphabet[int(c)%len(fuzzAlphabet)])
		}
		ix := newTestIndex(t, nil)
		for i, d := range strings.Split(b.String(), "|") {
			values := strings.Split(d, "/")
			rec := map[string]any{fType: typeDoc, fText: strings.Join(values, ""), fMetadata: values}
			if err := ix.bi.Index(fmt.Sprintf("d%02d", i), rec); err != nil {
				t.Fatal(err)
			}
		}
		var p strings.Builder
		for _, c := range phraseBytes {
			if s := fuzzAlphabet[int(c)%len(fuzzAlphabet)]; s != "|" && s != "/" {
				p.WriteString(s)
			}
		}
		var raw [][]string
		for _, c := range slotBytes {
			switch k := int(c) % 16; {
			case k >= len(fuzzTerms):
				raw = append(raw, []string{""})
			case c&0x80 != 0:
				raw = append(raw, []string{fuzzTerms[k], fuzzTerms[int(c>>3)%len(fuzzTerms)]})
			default:
				raw = append(raw, []string{fuzzTerms[k]})
			}
		}
		for _, field := range []string{fText, fMetadata} {
			if slots := phraseSlots(ix, field, p.String()); slots != nil {
				comparePhrase(t, ix, slots, field)
			}
			if len(raw) > 0 {
				comparePhrase(t, ix, raw, field)
			}
		}
	})
}

// BenchmarkPhrase counts the matches of benchQueries (the text query of
// each, as Index.Search builds it) and searches them with Index.Search, on
// the index of -data, with bleve's phrase searcher and with ours:
//
//	go test ./index -run '^$' -bench Phrase -data DIR
func BenchmarkPhrase(b *testing.B) {
	ix := openBenchIndex(b)
	ctx := context.Background()
	for _, impl := range []string{"bleve", "ours"} {
		b.Run(impl+"/count", func(b *testing.B) {
			blevePhrase = impl == "bleve"
			defer func() { blevePhrase = false }()
			for b.Loop() {
				for _, w := range benchQueries {
					q, err := ix.textQuery(w)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := ix.bi.Search(bleve.NewSearchRequestOptions(q, 0, 0, false)); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(impl+"/search", func(b *testing.B) {
			blevePhrase = impl == "bleve"
			defer func() { blevePhrase = false }()
			for b.Loop() {
				for _, w := range benchQueries {
					if _, err := ix.Search(ctx, Query{Text: w}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
