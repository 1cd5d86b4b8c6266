package index

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/width"

	"github.com/gongwen/gongwen/extract/measure"
)

// Query is a search: a text in the query language (see ParseText) and
// filters. The zero Query lists every document.
type Query struct {
	Text      string // words, "phrases", -excluded, title:, issuer:, docnum:, year:
	Issuer    string // exact issuer, as in the issuer facet
	Region    string // a division and the places in it: a name as in the region facet (河南省开封市), a short name (开封) or a code (410200); national (全国) for national bodies
	Year      int    // report year
	Kind      string // document kind (fzzf-report, gov-work-report …, identity.Kinds), or its label on the web page (统计公报)
	From, To  string // YYYY-MM-DD, inclusive, on the document's main date (MainDate)
	Indicator string // "NAME OP VALUE", e.g. 调解成功率>=95; see ParseIndicatorFilter
	Limit     int    // hits to return; 0 means 10
	Offset    int    // hits to skip, for paging
}

// MaxQueryLen is the longest query text accepted, in characters.
const MaxQueryLen = 1000

// Errors of a query the user can fix.
var (
	ErrQueryTooLong = errors.New("query too long")
	ErrNoWords      = errors.New("query has no words to search for")
	ErrBadQuery     = errors.New("bad query")
)

// term is one element of a query text.
type term struct {
	field   string // "", "title", "issuer", "docnum", "year"
	value   string
	exclude bool
}

// parseText splits a query text into terms: space-separated words,
// "quoted phrases" (straight or curly quotes), a leading - to exclude, and
// field:value with the fields title, issuer, docnum and year (标题, 发文机关,
// 文号, 年份 also work).
func parseText(text string) ([]term, error) {
	if n := utf8.RuneCountInString(text); n > MaxQueryLen {
		return nil, fmt.Errorf("%w: %d characters, the limit is %d", ErrQueryTooLong, n, MaxQueryLen)
	}
	var terms []term
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) || rs[i] == '\u3000' {
			i++
			continue
		}
		var t term
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			t.exclude = true
			i++
		}
		// field:
		for name, field := range fieldNames {
			p := []rune(name)
			if i+len(p) < len(rs) && string(rs[i:i+len(p)]) == name && (rs[i+len(p)] == ':' || rs[i+len(p)] == '：') {
				t.field = field
				i += len(p) + 1
				break
			}
		}
		if i < len(rs) && isQuote(rs[i]) {
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}
			t.value = string(rs[i+1 : j])
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '\u3000' {
				j++
			}
			t.value = string(rs[i:j])
			i = j
		}
		t.value = squeezeSpaces(t.value)
		if t.value != "" {
			terms = append(terms, t)
		}
	}
	return terms, nil
}

var fieldNames = map[string]string{
	"title": "title", "issuer": "issuer", "docnum": "docnum", "year": "year",
	"标题": "title", "发文机关": "issuer", "文号": "docnum", "年份": "year",
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '「' || r == '」' }

// squeezeSpaces drops spaces next to Chinese characters (法治 政府 is
// 法治政府: Chinese text has no spaces between words) and folds other runs of
// space into one.
func squeezeSpaces(s string) string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' })
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(fields[i-1])
			first, _ := utf8.DecodeRuneInString(f)
			if last < utf8.RuneSelf && first < utf8.RuneSelf {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

// textQuery turns a query text into a bleve query; nil means "everything".
func (ix *Index) textQuery(text string) (query.Query, error) {
	terms, err := parseText(text)
	if err != nil {
		return nil, err
	}
	var must, mustNot []query.Query
	for _, t := range terms {
		q, err := ix.termQuery(t)
		if err != nil {
			return nil, err
		}
		if q == nil {
			continue // only punctuation
		}
		if t.exclude {
			mustNot = append(mustNot, q)
		} else {
			must = append(must, q)
		}
	}
	if len(must) == 0 && len(mustNot) == 0 {
		if strings.TrimSpace(text) != "" {
			return nil, fmt.Errorf("%w: %q has only punctuation or spaces", ErrNoWords, text)
		}
		return nil, nil
	}
	b := bleve.NewBooleanQuery()
	if len(must) > 0 {
		b.AddMust(must...)
	} else {
		b.AddMust(bleve.NewMatchAllQuery())
	}
	b.AddMustNot(mustNot...)
	return b, nil
}

// termQuery builds the query of one term, or nil if it has no searchable
// characters.
func (ix *Index) termQuery(t term) (query.Query, error) {
	switch t.field {
	case "year":
		from, to, ok := parseYears(t.value)
		if !ok {
			return nil, fmt.Errorf("%w: year:%s: want a year such as year:2024 or a range year:2020-2024", ErrBadQuery, t.value)
		}
		return numRange(fReportYear, float64(from), float64(to)), nil
	case "docnum":
		return docNumQuery(t.value), nil
	case "title", "issuer":
		if !ix.hasWords(t.value) {
			return nil, nil
		}
		return ix.phrase(t.field, t.value, 1), nil
	}
	if !ix.hasWords(t.value) {
		return nil, nil
	}
	d := bleve.NewDisjunctionQuery(
		ix.phrase(fTitle, t.value, boostTitle),
		ix.phrase(fText, t.value, boostText),
		ix.phrase(fIssuer, t.value, boostIssuer),
		ix.phrase(fMetadata, t.value, boostMetadata),
	)
	if n := NormalizeDocNumber(t.value); strings.HasSuffix(n, "号") && strings.ContainsAny(n, "0123456789") {
		q := bleve.NewTermQuery(n)
		q.SetField(fDocNum)
		q.SetBoost(boostDocNum)
		d.AddQuery(q)
	}
	return d, nil
}

// hasWords reports whether the analyzer finds a word in s.
func (ix *Index) hasWords(s string) bool {
	a := ix.bi.Mapping().AnalyzerNamed(ix.bi.Mapping().AnalyzerNameForPath(fText))
	return a != nil && len(a.Analyze([]byte(s))) > 0
}

// phrase returns the query for text in field: text's characters in order,
// with nothing in between. It analyzes text with the field's analyzer (the
// one documents went through) and builds the phrase from one token per
// position: the single character where the analyzer gives one, as it does
// for every Chinese character in search mode, else the tokens there (2024,
// 98.7, PDF); two Chinese characters side by side are then read as their
// pair (see pairSlots). That matches exactly where the word-and-sub-word
// alternatives would, but reads one short posting list per pair instead of
// merging several long ones. The words and sub-words themselves are
// optional clauses: they only raise the score of documents that have them
// as words.
func (ix *Index) phrase(field, text string, boost float64) query.Query {
	p, words := ix.phraseParts(field, text, boost)
	if len(words) == 0 {
		return p
	}
	q := bleve.NewBooleanQuery()
	q.AddMust(p)
	q.AddShould(words...)
	return q
}

// phraseFilter is phrase without the clauses that only score: for a
// filter, where they would cost as much again (an indicator's name).
func (ix *Index) phraseFilter(field, text string) query.Query {
	p, _ := ix.phraseParts(field, text, 1)
	return p
}

// phraseParts returns the phrase of text in field and the optional word
// clauses that score it (see phrase).
func (ix *Index) phraseParts(field, text string, boost float64) (query.Query, []query.Query) {
	m := ix.bi.Mapping()
	a := m.AnalyzerNamed(m.AnalyzerNameForPath(field))
	if a == nil {
		return bleve.NewMatchNoneQuery(), nil
	}
	tokens := a.Analyze([]byte(text))
	if len(tokens) == 0 {
		return bleve.NewMatchNoneQuery(), nil
	}
	first, last := tokens[0].Position, tokens[0].Position
	for _, t := range tokens {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	slots := make([][]string, last-first+1)
	single := make([]bool, len(slots))
	var words []query.Query
	seen := map[string]bool{}
	for _, t := range tokens {
		i, term := t.Position-first, string(t.Term)
		switch {
		case utf8.RuneCount(t.Term) == 1:
			if !single[i] {
				slots[i], single[i] = nil, true
			}
			slots[i] = append(slots[i], term)
		case !single[i]:
			slots[i] = append(slots[i], term)
		}
		if utf8.RuneCount(t.Term) > 1 && isHanWord(term) && !seen[term] {
			seen[term] = true
			w := bleve.NewTermQuery(term)
			w.SetField(field)
			w.SetBoost(boost)
			words = append(words, w)
		}
	}
	for i := range slots {
		if slots[i] == nil {
			slots[i] = []string{""} // a position inside a longer token: any
		}
	}
	var p query.Query
	if slots = pairSlots(slots, single); len(slots) == 1 && len(slots[0]) == 1 {
		t := bleve.NewTermQuery(slots[0][0]) // a phrase of one term: the term
		t.SetField(field)
		t.SetBoost(boost)
		p = t
	} else {
		mp := newPhraseQuery(slots, field)
		mp.SetBoost(boost)
		p = mp
	}
	return p, words
}

// pairSlots turns a run of Chinese characters, one slot each, into slots
// of the pairs the analyzer indexes at the first one's position (see
// pairs), every other one: 行|政|复|议 becomes 行政|any|复议, and a run of
// odd length ends with the pair of its last two characters (工|作|报|告|书
// becomes 工作|any|报告|告书). Each character is still held in place, so
// the phrase matches the same places, and it reads half as many posting
// lists, far shorter ones. Trailing anys are dropped.
func pairSlots(slots [][]string, single []bool) [][]string {
	han := func(i int) bool {
		return i < len(slots) && single[i] && len(slots[i]) == 1 && isHan(slots[i][0])
	}
	pair := func(i int) []string { return []string{pairMark + slots[i][0] + slots[i+1][0]} }
	out := make([][]string, len(slots))
	for i := 0; i < len(slots); {
		j := i
		for han(j) {
			j++
		}
		if j-i < 2 {
			out[i] = slots[i]
			i++
			continue
		}
		for k := i; k < j; k++ {
			out[k] = []string{""}
		}
		for k := i; k+1 < j; k += 2 {
			out[k] = pair(k)
		}
		if (j-i)%2 == 1 {
			out[j-2] = pair(j - 2)
		}
		i = j
	}
	for len(out) > 1 && len(out[len(out)-1]) == 1 && out[len(out)-1][0] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// isHanWord reports whether s is all Chinese characters: such words are
// optional score clauses of a phrase, never part of it (see phrase).
func isHanWord(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// docNumQuery finds a document number however its brackets are written: a
// whole number (ending in 号) exactly, a part of one as a prefix
// (docnum:国发〔2024〕).
func docNumQuery(s string) query.Query {
	n := NormalizeDocNumber(s)
	if strings.HasSuffix(n, "号") {
		q := bleve.NewTermQuery(n)
		q.SetField(fDocNum)
		return q
	}
	q := bleve.NewPrefixQuery(n)
	q.SetField(fDocNum)
	return q
}

func parseYears(s string) (from, to int, ok bool) {
	a, b, isRange := strings.Cut(s, "-")
	from, err1 := strconv.Atoi(a)
	to, err2 := from, error(nil)
	if isRange {
		to, err2 = strconv.Atoi(b)
	}
	return from, to, err1 == nil && err2 == nil && from <= to
}

func numRange(field string, min, max float64) query.Query {
	incl := true
	q := bleve.NewNumericRangeInclusiveQuery(&min, &max, &incl, &incl)
	q.SetField(field)
	return q
}

func termIn(field, value string) query.Query {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

// filterQuery returns the filters of q (issuer, region, year, kind, dates)
// that documents must match.
func filterQuery(q Query) ([]query.Query, error) {
	qs := []query.Query{typeQuery(typeDoc)}
	if q.Issuer != "" {
		qs = append(qs, termIn(fIssuerExact, q.Issuer))
	}
	if q.Region != "" {
		qs = append(qs, regionQuery(q.Region))
	}
	if q.Year != 0 {
		qs = append(qs, numRange(fReportYear, float64(q.Year), float64(q.Year)))
	}
	if q.Kind != "" {
		qs = append(qs, termIn(fKind, q.Kind))
	}
	if q.From != "" || q.To != "" {
		var from, to time.Time
		var err error
		if q.From != "" {
			if from, err = time.Parse(time.DateOnly, q.From); err != nil {
				return nil, fmt.Errorf("%w: from date %q: want YYYY-MM-DD", ErrBadQuery, q.From)
			}
		}
		if q.To != "" {
			if to, err = time.Parse(time.DateOnly, q.To); err != nil {
				return nil, fmt.Errorf("%w: to date %q: want YYYY-MM-DD", ErrBadQuery, q.To)
			}
			to = to.AddDate(0, 0, 1) // inclusive
		}
		incl, excl := true, false
		dq := bleve.NewDateRangeInclusiveQuery(from, to, &incl, &excl)
		dq.SetField(fDate)
		qs = append(qs, dq)
	}
	return qs, nil
}

// IndicatorFilter selects indicators by what they measure and their value.
// A Measure is matched exactly (地区生产总值 finds 全市生产总值 and GDP,
// which extraction mapped to it; a form key such as requests.new.total
// too); a Name is matched as a phrase (调解成功率 also finds 人民调解成功率).
// Op is one of > >= < <= =, or "" for any value; Value is in base units
// (1000亿 is 1e11) and compared with the signed value: a change down is
// negative. Figures says which figures count: FiguresLevel (results that
// are levels, the default of ParseIndicatorFilter), FiguresChange,
// FiguresTarget (targets, levels or changes), FiguresTargetChange, or ""
// for all of them.
type IndicatorFilter struct {
	Name     string
	Measure  string // exact measure; "" to match Name
	NameOnly bool   // match Name as a phrase even when it is a measure (name:)
	Op       string
	Value    float64
	Unit     string // the unit the value was written in, without its magnitude (元, %, 个百分点); "" for any
	Figures  string
	Issuer   string // exact issuer, optional
	Region   string // a division, optional, as Query.Region
	Year     int    // report year, optional
	Kind     string // the kind of the document, optional, as Query.Kind
}

// Which figures an IndicatorFilter selects.
const (
	FiguresLevel        = "level"
	FiguresChange       = "change"
	FiguresTarget       = "target"
	FiguresTargetChange = "target-change"
)

var indicatorRE = regexp.MustCompile(`^\s*([^<>=≥≤＞＜＝]+?)\s*(>=|<=|>|<|==|=|≥|≤|＞|＜|＝)\s*([-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\s*(.*?)\s*$`)

// magnitudes a value may be written with: 3000万元, 1.5亿, 2万亿.
var magnitudes = []struct {
	word   string
	factor float64
}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}, {"千", 1e3}, {"百", 1e2}}

// ParseIndicatorFilter reads "[change:|target:|name:]NAME OP VALUE[UNIT]":
// 调解成功率>=95, 地区生产总值>1000亿元, 投入资金>=3000万元, 纠错率<15%,
// change:地区生产总值>5%, target:城镇调查失业率<=5.5; a name alone selects
// every value. A NAME the measure vocabulary knows (GDP, 全市生产总值) selects
// its measure; name: asks for the name as a phrase instead. Only levels
// that are results are selected unless change: or target: says otherwise; a
// name of a change (地区生产总值增长) or a value in 个百分点 asks for changes.
// A unit that cannot apply to the measure (纠错率>3亿元) is an error.
func ParseIndicatorFilter(s string) (IndicatorFilter, error) {
	f := IndicatorFilter{Figures: FiguresLevel}
	rest := strings.TrimSpace(s)
	change, target := false, false
	for {
		prefix, after, ok := strings.Cut(rest, ":")
		if !ok {
			prefix, after, ok = strings.Cut(rest, "：")
		}
		switch p := strings.TrimSpace(prefix); {
		case ok && (p == "change" || p == "变化"):
			change = true
		case ok && (p == "target" || p == "目标"):
			target = true
		case ok && (p == "name" || p == "名称"):
			f.NameOnly = true
		default:
			ok = false
		}
		if !ok {
			break
		}
		rest = strings.TrimSpace(after)
	}
	m := indicatorRE.FindStringSubmatch(rest)
	if m == nil {
		name := strings.TrimSpace(rest)
		if name == "" || strings.ContainsAny(name, "<>=≥≤＞＜＝") {
			return IndicatorFilter{}, fmt.Errorf("%w: indicator %q: want NAME OP VALUE[UNIT], e.g. '调解成功率>=95' or '地区生产总值>1000亿元' (operators > >= < <= =)", ErrBadQuery, s)
		}
		f.Name = name
	} else {
		f.Name = m[1]
		v, err := strconv.ParseFloat(strings.NewReplacer(",", "", "，", "").Replace(width.Fold.String(m[3])), 64)
		if err != nil {
			return IndicatorFilter{}, fmt.Errorf("%w: indicator %q: value %q: %v", ErrBadQuery, s, m[3], err)
		}
		unit := m[4]
		for _, mg := range magnitudes {
			if strings.HasPrefix(unit, mg.word) {
				v *= mg.factor
				unit = unit[len(mg.word):]
				break
			}
		}
		f.Unit = measure.FoldUnit(unit)
		if f.Unit != "" && strings.ContainsAny(f.Unit, "0123456789<>=") {
			return IndicatorFilter{}, fmt.Errorf("%w: indicator %q: %q is not a unit; write e.g. 1000亿元, 3000万元, 15%%", ErrBadQuery, s, m[4])
		}
		op := map[string]string{"==": "=", "≥": ">=", "≤": "<=", "＞": ">", "＜": "<", "＝": "="}[m[2]]
		if op == "" {
			op = m[2]
		}
		f.Op, f.Value = op, v
	}
	if f.Unit == "个百分点" || !change && !target && measure.IsChange(f.Name) {
		change = true // 纠错率<1个百分点 and 地区生产总值增长>5 can only be changes
	}
	switch {
	case change && target:
		f.Figures = FiguresTargetChange
	case change:
		f.Figures = FiguresChange
	case target:
		f.Figures = FiguresTarget
	}
	if m, ok := measure.Lookup(f.Name); ok && !f.NameOnly {
		f.Measure = m.Name
	} else if mm := measure.Of(f.Name); mm != "" && !f.NameOnly && measure.IsChange(f.Name) {
		f.Measure = mm // 地区生产总值增长: the changes of 地区生产总值
	}
	if err := f.checkUnit(); err != nil {
		return IndicatorFilter{}, fmt.Errorf("%w: indicator %q: %v", ErrBadQuery, s, err)
	}
	return f, nil
}

// checkUnit refuses a unit that cannot apply to the measure asked for: a
// level of 纠错率 is in %, never in 元.
func (f IndicatorFilter) checkUnit() error {
	want := measure.UnitOf(f.Measure)
	if f.Unit == "" || want == "" {
		return nil
	}
	changes := f.Figures == FiguresChange || f.Figures == FiguresTargetChange
	if measure.UnitFits(f.Unit, want) || changes && (f.Unit == "%" || f.Unit == "个百分点") {
		return nil
	}
	if changes {
		return fmt.Errorf("a change of %s is in %s, %% or 个百分点, not in %s", f.Measure, want, f.Unit)
	}
	if f.Unit == "%" || f.Unit == "个百分点" {
		return fmt.Errorf("%s is measured in %s, not in %s; for its changes write change:%s", f.Measure, want, f.Unit, f.Name)
	}
	return fmt.Errorf("%s is measured in %s: a value in %s cannot apply", f.Measure, want, f.Unit)
}

// String gives the filter back in the form ParseIndicatorFilter reads.
func (f IndicatorFilter) String() string {
	s := f.Name
	switch f.Figures {
	case FiguresChange:
		s = "change:" + s
	case FiguresTarget:
		s = "target:" + s
	case FiguresTargetChange:
		s = "target:change:" + s
	}
	if f.NameOnly {
		s = "name:" + s
	}
	if f.Op == "" {
		return s
	}
	return s + f.Op + strconv.FormatFloat(f.Value, 'f', -1, 64) + f.Unit
}

func (f IndicatorFilter) query(ix *Index) query.Query {
	// Measures and names are fields of indicator records only, so no clause
	// on the record type is needed (it would advance through all of them).
	var qs []query.Query
	switch {
	case f.Measure != "":
		qs = append(qs, termIn(fMeasure, f.Measure))
	case f.NameOnly:
		qs = append(qs, ix.phraseFilter(fName, f.Name))
	default:
		// a form key or a measure outside the vocabulary, else the name
		qs = append(qs, bleve.NewDisjunctionQuery(termIn(fMeasure, f.Name), ix.phraseFilter(fName, f.Name)))
	}
	switch f.Figures {
	case FiguresLevel, FiguresChange:
		b := bleve.NewBooleanQuery()
		b.AddMust(termIn(fFigure, f.Figures))
		b.AddMustNot(termIn(fTarget, "true"))
		qs = append(qs, b)
	case FiguresTarget:
		qs = append(qs, termIn(fTarget, "true"))
	case FiguresTargetChange:
		qs = append(qs, termIn(fTarget, "true"), termIn(fFigure, figureChange))
	}
	if f.Unit != "" {
		qs = append(qs, unitQuery(f.Unit))
	}
	if f.Op != "" {
		min, max := math.Inf(-1), math.Inf(1)
		minIncl, maxIncl := true, true
		switch f.Op {
		case ">":
			min, minIncl = f.Value, false
		case ">=":
			min = f.Value
		case "<":
			max, maxIncl = f.Value, false
		case "<=":
			max = f.Value
		case "=":
			min, max = f.Value, f.Value
		}
		var q *query.NumericRangeQuery
		switch {
		case math.IsInf(min, -1):
			q = bleve.NewNumericRangeInclusiveQuery(nil, &max, nil, &maxIncl)
		case math.IsInf(max, 1):
			q = bleve.NewNumericRangeInclusiveQuery(&min, nil, &minIncl, nil)
		default:
			q = bleve.NewNumericRangeInclusiveQuery(&min, &max, &minIncl, &maxIncl)
		}
		q.SetField(fSigned)
		qs = append(qs, q)
	}
	if f.Issuer != "" {
		qs = append(qs, termIn(fIndIssuer, f.Issuer))
	}
	if f.Region != "" {
		qs = append(qs, regionQuery(f.Region))
	}
	if f.Year != 0 {
		qs = append(qs, numRange(fIndReportYear, float64(f.Year), float64(f.Year)))
	}
	if f.Kind != "" {
		qs = append(qs, termIn(fDocKind, f.Kind))
	}
	return bleve.NewConjunctionQuery(qs...)
}

// unitQuery matches the indicators in unit, written one way (％ is %).
func unitQuery(unit string) query.Query {
	return termIn(fUnitFold, unit)
}
