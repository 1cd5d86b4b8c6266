package index

import (
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/gongwen/gongwen/extract"
)

// Change says what Batch.Add did with a document.
type Change int

const (
	Unchanged Change = iota // same id and content hash as in the index: skipped
	Added                   // new id
	Updated                 // known id, new content: replaced, with its indicators
)

func (c Change) String() string {
	switch c {
	case Added:
		return "added"
	case Updated:
		return "updated"
	}
	return "unchanged"
}

// Batch collects documents and writes them in one transaction: after a
// crash the index holds either all of a committed batch or none of it, and
// never a document without its indicators.
type Batch struct {
	ix      *Index
	b       *bleve.Batch
	pending map[string]pendingDoc // id → what this batch already holds
	docs    int
	inds    int
}

type pendingDoc struct {
	hash string
	nInd int
}

// NewBatch starts a batch.
func (ix *Index) NewBatch() *Batch {
	return &Batch{ix: ix, b: ix.bi.NewBatch(), pending: map[string]pendingDoc{}}
}

// Add puts doc in the batch unless the index (or the batch) already holds
// the same id with the same content. A changed document replaces the old one,
// and its old indicator records are deleted.
func (b *Batch) Add(doc *extract.Document) (Change, error) {
	if doc.ID == "" {
		return Unchanged, fmt.Errorf("index: document %q has no id", doc.Title)
	}
	hash := ContentHash(doc)
	change := Added
	oldInd := 0
	if p, ok := b.pending[doc.ID]; ok {
		if p.hash == hash {
			return Unchanged, nil
		}
		change, oldInd = Updated, p.nInd
	} else {
		_, oldHash, n, err := b.ix.stored(doc.ID)
		switch {
		case err == nil && oldHash == hash:
			return Unchanged, nil
		case err == nil:
			change, oldInd = Updated, n
		case !errors.Is(err, ErrNotFound):
			return Unchanged, err
		}
	}
	reg := extract.RegionOf(doc)
	rec, err := docRecord(doc, reg, hash)
	if err != nil {
		return Unchanged, err
	}
	for i := len(doc.Indicators); i < oldInd; i++ {
		b.b.Delete(indicatorID(doc.ID, i))
	}
	if err := b.b.Index(doc.ID, rec); err != nil {
		return Unchanged, fmt.Errorf("index: %s: %w", doc.ID, err)
	}
	for i, ind := range doc.Indicators {
		if err := b.b.Index(indicatorID(doc.ID, i), indicatorRecord(doc, reg, ind)); err != nil {
			return Unchanged, fmt.Errorf("index: %s: indicator %d: %w", doc.ID, i, err)
		}
	}
	// Remember the most indicator ids in use, so a second version of the
	// document in this batch still deletes the ones the index holds.
	b.pending[doc.ID] = pendingDoc{hash: hash, nInd: max(oldInd, len(doc.Indicators))}
	b.docs++
	b.inds += len(doc.Indicators)
	return change, nil
}

// Len returns the number of documents added to the batch.
func (b *Batch) Len() int { return b.docs }

// Indicators returns the number of indicator records added to the batch.
func (b *Batch) Indicators() int { return b.inds }

// Commit writes the batch and starts it afresh.
func (b *Batch) Commit() error {
	if b.docs == 0 && b.b.Size() == 0 {
		return nil
	}
	if err := b.ix.bi.Batch(b.b); err != nil {
		return fmt.Errorf("index: write batch of %d documents: %w", b.docs, err)
	}
	b.b.Reset()
	clear(b.pending)
	b.docs, b.inds = 0, 0
	return nil
}
