package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"unsafe"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// phraseQuery is bleve's MultiPhraseQuery (no fuzziness) with a faster
// position check: the same hits, scores and locations. Documents are
// matched and scored by bleve's own term, disjunction and conjunction
// searchers, built as bleve's PhraseSearcher builds them; only the test
// that the terms sit at consecutive positions is done here, on the
// conjunction's flat list of locations. bleve turns that list into maps of
// locations by term for every matching document and walks them
// recursively, which took most of the time of a phrase query on a large
// index (see phraseSearcher).
type phraseQuery struct {
	slots [][]string // terms at each position; "" alone is any term
	field string
	boost *query.Boost
}

func newPhraseQuery(slots [][]string, field string) *phraseQuery {
	return &phraseQuery{slots: slots, field: field}
}

func (q *phraseQuery) SetBoost(b float64) {
	boost := query.Boost(b)
	q.boost = &boost
}

func (q *phraseQuery) Boost() float64 { return q.boost.Value() }

func (q *phraseQuery) SetField(f string) { q.field = f }

func (q *phraseQuery) Field() string { return q.field }

// Validate refuses what MultiPhraseQuery refuses.
func (q *phraseQuery) Validate() error { return q.multiPhrase().Validate() }

// MarshalJSON writes the query as the MultiPhraseQuery it stands for, so
// that a dumped or logged request reads as bleve's.
func (q *phraseQuery) MarshalJSON() ([]byte, error) { return json.Marshal(q.multiPhrase()) }

func (q *phraseQuery) multiPhrase() *query.MultiPhraseQuery {
	mp := query.NewMultiPhraseQuery(q.slots, q.field)
	mp.BoostVal = q.boost
	return mp
}

// blevePhrase makes every phraseQuery search with bleve's PhraseSearcher,
// for tests and benchmarks that compare the two on whole searches. Set it
// only where no search runs concurrently.
var blevePhrase bool

func (q *phraseQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	// Two cases are left to bleve. Slots without any term (all any, or
	// several terms all "") make a conjunction or disjunction of nothing,
	// whose behaviour is bleve's business. Synonyms of the field change
	// which terms stand for which (bleve expands the map of locations with
	// them); this index defines none.
	if blevePhrase || !searchableSlots(q.slots) || hasSynonyms(ctx, q.field) {
		return q.multiPhrase().Searcher(ctx, r, m, options)
	}
	s, err := newPhraseSearcher(ctx, r, q.slots, q.field, q.boost.Value(), options)
	if err != nil {
		return nil, fmt.Errorf("phrase in %s: %w", q.field, err)
	}
	return s, nil
}

// isAny reports whether slot matches any term, as bleve reads it.
func isAny(slot []string) bool {
	return len(slot) == 0 || len(slot) == 1 && slot[0] == ""
}

// searchableSlots reports whether some slot has a term and no slot of
// several terms has only "".
func searchableSlots(slots [][]string) bool {
	some := false
	for _, slot := range slots {
		if isAny(slot) {
			continue
		}
		some = true
		empty := true
		for _, t := range slot {
			empty = empty && t == ""
		}
		if empty {
			return false
		}
	}
	return some
}

func hasSynonyms(ctx context.Context, field string) bool {
	if ctx == nil {
		return false
	}
	fts, ok := ctx.Value(search.FieldTermSynonymMapKey).(search.FieldTermSynonymMap)
	if !ok {
		return false
	}
	_, ok = fts[field]
	return ok
}

// phraseSearcher does what bleve's PhraseSearcher does with no slop and
// no fuzziness. For each match of its conjunction it groups the
// conjunction's locations by term as DocumentMatch.Complete would (in
// order of arrival, sorted and deduplicated only when Complete would be),
// then looks for every path of locations through the slots in the order
// bleve's findPhrasePaths finds them, and leaves their locations in the
// match, path after path, as bleve does. It differs only in how: indexes
// into the match's own list of locations, in slices kept from match to
// match, instead of maps; and a binary search for the location at the
// next position instead of a scan of the term's locations.
type phraseSearcher struct {
	must        search.Searcher
	curr        *search.DocumentMatch
	initialized bool

	terms []string  // the distinct terms of the phrase
	slots [][]int32 // per slot, its terms as indexes in terms, duplicates kept; nil for any

	// The match being checked, and buffers kept from one match to the
	// next. Locations are indexes in ftls.
	ftls       []search.FieldTermLocation
	termOf     []int32 // the term of each location, -1 for none
	byTerm     []int32 // the locations grouped by term
	start, end []int   // term t's locations are byTerm[start[t]:end[t]]
	path       []int32 // the path being walked
	found      []int32 // the paths found, one after the other
	out        []search.FieldTermLocation
}

func newPhraseSearcher(ctx context.Context, r bindex.IndexReader, slots [][]string, field string, boost float64, options search.SearcherOptions) (*phraseSearcher, error) {
	options.IncludeTermVectors = true
	s := &phraseSearcher{slots: make([][]int32, len(slots))}
	var parts []search.Searcher
	closeAll := func(ss []search.Searcher) {
		for _, x := range ss {
			_ = x.Close()
		}
	}
	// The same searchers as bleve's NewMultiPhraseSearcher, in the same
	// order: a term searcher for a slot of one term, a disjunction of term
	// searchers (at least one must match) for a slot of several, nothing
	// for an any.
	for i, slot := range slots {
		if isAny(slot) {
			continue
		}
		var alts []search.Searcher
		for _, t := range slot {
			if t == "" {
				continue // never has a location, so never on a path
			}
			s.slots[i] = append(s.slots[i], s.termIndex(t))
			ts, err := searcher.NewTermSearcher(ctx, r, t, field, boost, options)
			if err != nil {
				closeAll(alts)
				closeAll(parts)
				return nil, fmt.Errorf("term %q: %w", t, err)
			}
			alts = append(alts, ts)
		}
		if len(slot) == 1 {
			parts = append(parts, alts[0])
			continue
		}
		d, err := searcher.NewDisjunctionSearcher(ctx, r, alts, 1, options)
		if err != nil {
			closeAll(alts)
			closeAll(parts)
			return nil, fmt.Errorf("terms %q: %w", slot, err)
		}
		parts = append(parts, d)
	}
	must, err := searcher.NewConjunctionSearcher(ctx, r, parts, options)
	if err != nil {
		closeAll(parts)
		return nil, fmt.Errorf("conjunction: %w", err)
	}
	s.must = must
	// PhraseSearcher's query norm, computed the same way.
	s.must.SetQueryNorm(1.0 / math.Sqrt(s.must.Weight()))
	n := len(s.terms)
	s.start, s.end = make([]int, n), make([]int, n)
	return s, nil
}

func (s *phraseSearcher) termIndex(t string) int32 {
	if i := s.lookup(t); i >= 0 {
		return i
	}
	s.terms = append(s.terms, t)
	return int32(len(s.terms) - 1)
}

func (s *phraseSearcher) Weight() float64 { return s.must.Weight() }

func (s *phraseSearcher) SetQueryNorm(qnorm float64) { s.must.SetQueryNorm(qnorm) }

// Count is, as for bleve's, the conjunction's: an upper bound.
func (s *phraseSearcher) Count() uint64 { return s.must.Count() }

func (s *phraseSearcher) Min() int { return 0 }

func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.must.DocumentMatchPoolSize() + 1 }

func (s *phraseSearcher) Close() error { return s.must.Close() }

func (s *phraseSearcher) Size() int {
	n := int(unsafe.Sizeof(*s)) + s.must.Size()
	if s.curr != nil {
		n += s.curr.Size()
	}
	for _, t := range s.terms {
		n += int(unsafe.Sizeof(t)) + len(t)
	}
	return n
}

func (s *phraseSearcher) advance(ctx *search.SearchContext) error {
	if s.curr != nil {
		ctx.DocumentMatchPool.Put(s.curr)
	}
	var err error
	s.curr, err = s.must.Next(ctx)
	return err
}

func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.advance(ctx); err != nil {
			return nil, err
		}
		s.initialized = true
	}
	for s.curr != nil {
		var match *search.DocumentMatch
		if s.check(s.curr) {
			match, s.curr = s.curr, nil
		}
		if err := s.advance(ctx); err != nil {
			return nil, err
		}
		if match != nil {
			return match, nil
		}
	}
	return nil, nil
}

// Advance follows PhraseSearcher.Advance step by step.
func (s *phraseSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.advance(ctx); err != nil {
			return nil, err
		}
		s.initialized = true
	}
	if s.curr == nil {
		return nil, nil
	}
	if s.curr.IndexInternalID.Compare(id) >= 0 {
		return s.Next(ctx)
	}
	ctx.DocumentMatchPool.Put(s.curr)
	var err error
	if s.curr, err = s.must.Advance(ctx, id); err != nil {
		return nil, err
	}
	return s.Next(ctx)
}

// check reports whether dm, which has every slot's terms, has them at
// consecutive positions. If so it leaves in dm.FieldTermLocations the
// locations of every path found, as PhraseSearcher does.
func (s *phraseSearcher) check(dm *search.DocumentMatch) bool {
	s.ftls = dm.FieldTermLocations
	defer func() { s.ftls = nil }()
	s.group()
	s.path, s.found = s.path[:0], s.found[:0]
	s.walk(0, 0, nil)
	if len(s.found) == 0 {
		return false
	}
	// The paths' locations are gathered apart, then written over the
	// match's. Their array positions get new memory, one block per match,
	// cut so that no two locations share any: the match's next user
	// appends to them.
	n := 0
	for _, i := range s.found {
		n += len(s.ftls[i].Location.ArrayPositions)
	}
	var aps []uint64
	if n > 0 {
		aps = make([]uint64, n)
	}
	s.out = s.out[:0]
	for _, i := range s.found {
		f := s.ftls[i]
		switch ap := f.Location.ArrayPositions; {
		case len(ap) > 0:
			k := copy(aps, ap)
			f.Location.ArrayPositions, aps = aps[:k:k], aps[k:]
		case ap != nil:
			f.Location.ArrayPositions = search.ArrayPositions{} // empty, not nil, as bleve leaves it
		}
		s.out = append(s.out, f)
	}
	dm.FieldTermLocations = append(dm.FieldTermLocations[:0], s.out...)
	return true
}

// group groups the locations of s.ftls by term, each term's in the order
// in which DocumentMatch.Complete would list them. That is the order of
// ftls, unless some term's locations are not in strictly increasing order
// (array positions, then position), as when a term is in two slots and
// each of its searchers reports it: then Complete sorts and deduplicates
// the locations of every term, and so does group, with the same sort.
//
// Complete keeps the terms of different fields apart; a phrase's searchers
// all read one field, so group does not.
func (s *phraseSearcher) group() {
	ftls := s.ftls
	clear(s.start)
	s.termOf = s.termOf[:0]
	// The conjunction lists a term's locations together: look a term up
	// when it changes.
	last, lastTerm := "", int32(-1)
	for i := range ftls {
		if ftls[i].Term != last {
			last, lastTerm = ftls[i].Term, s.lookup(ftls[i].Term)
		}
		s.termOf = append(s.termOf, lastTerm)
		if lastTerm >= 0 {
			s.start[lastTerm]++
		}
	}
	total := 0
	for t, n := range s.start {
		s.start[t], s.end[t] = total, total
		total += n
	}
	if cap(s.byTerm) < total {
		s.byTerm = make([]int32, total)
	}
	s.byTerm = s.byTerm[:total]
	unsorted := false
	for i, t := range s.termOf {
		if t < 0 {
			continue
		}
		j := s.end[t]
		s.end[t]++
		s.byTerm[j] = int32(i)
		if !unsorted && j > s.start[t] {
			l, prev := &ftls[i].Location, &ftls[s.byTerm[j-1]].Location
			c := l.ArrayPositions.Compare(prev.ArrayPositions)
			unsorted = c < 0 || c == 0 && l.Pos <= prev.Pos
		}
	}
	if !unsorted {
		return
	}
	for t := range s.terms {
		list := s.byTerm[s.start[t]:s.end[t]]
		if len(list) <= 1 {
			continue
		}
		// sort.Sort, as Locations.Dedupe: locations that sort alike are
		// left in the order bleve's sort leaves them in.
		sort.Sort(byPlace{ftls, list})
		kept := 0
		for _, i := range list[1:] {
			a, b := &ftls[list[kept]].Location, &ftls[i].Location
			if a.Pos == b.Pos && a.Start == b.Start && a.End == b.End && a.ArrayPositions.Equals(b.ArrayPositions) {
				continue
			}
			kept++
			list[kept] = i
		}
		s.end[t] = s.start[t] + kept + 1
	}
}

func (s *phraseSearcher) lookup(term string) int32 {
	for i, t := range s.terms {
		if t == term {
			return int32(i)
		}
	}
	return -1
}

// byPlace orders locations as search.Locations does.
type byPlace struct {
	ftls []search.FieldTermLocation
	list []int32
}

func (p byPlace) Len() int      { return len(p.list) }
func (p byPlace) Swap(i, j int) { p.list[i], p.list[j] = p.list[j], p.list[i] }
func (p byPlace) Less(i, j int) bool {
	a, b := &p.ftls[p.list[i]].Location, &p.ftls[p.list[j]].Location
	if c := a.ArrayPositions.Compare(b.ArrayPositions); c != 0 {
		return c < 0
	}
	return a.Pos < b.Pos
}

// walk finds the paths through slots[k:] that go on from a location at
// prevPos with array positions ap, appending each whole path to s.found,
// in the order of bleve's findPhrasePaths (with no slop): the slot's terms
// in order, each term's locations in order. prevPos 0 means no location
// yet: any location starts a path, and an any slot before the first term
// does not count, as in bleve (positions start at 1).
func (s *phraseSearcher) walk(k int, prevPos uint64, ap search.ArrayPositions) {
	if k == len(s.slots) {
		s.found = append(s.found, s.path...)
		return
	}
	if s.slots[k] == nil {
		next := prevPos + 1
		if prevPos == 0 {
			next = 0
		}
		s.walk(k+1, next, ap)
		return
	}
	for _, t := range s.slots[k] {
		lo, hi := s.start[t], s.end[t]
		if prevPos != 0 {
			lo, hi = s.at(lo, hi, ap, prevPos+1)
		}
	locs:
		for _, i := range s.byTerm[lo:hi] {
			// A location is used once per path; bleve checks, though with
			// positions rising along a path only a location at position 0
			// could come back.
			for _, j := range s.path {
				if j == i {
					continue locs
				}
			}
			l := &s.ftls[i].Location
			s.path = append(s.path, i)
			s.walk(k+1, l.Pos, l.ArrayPositions)
			s.path = s.path[:len(s.path)-1]
		}
	}
}

// at returns the range of byTerm[lo:hi], a term's locations in sorted
// order, that are at array positions ap and position pos.
func (s *phraseSearcher) at(lo, hi int, ap search.ArrayPositions, pos uint64) (int, int) {
	cmp := func(i int) int {
		l := &s.ftls[s.byTerm[i]].Location
		if c := l.ArrayPositions.Compare(ap); c != 0 {
			return c
		}
		switch {
		case l.Pos < pos:
			return -1
		case l.Pos > pos:
			return 1
		}
		return 0
	}
	first := lo + sort.Search(hi-lo, func(i int) bool { return cmp(lo+i) >= 0 })
	last := first
	for last < hi && cmp(last) == 0 {
		last++
	}
	return first, last
}
