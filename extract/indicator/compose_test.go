package indicator

import (
	"github.com/gongwen/gongwen/extract/date"
	"github.com/gongwen/gongwen/extract/docnum"
	"github.com/gongwen/gongwen/extract/quantity"
	"github.com/gongwen/gongwen/extract/segment"
)

// find composes the recognisers as extract does: document numbers, then
// dates around them, then quantities around both, then their names.
func find(text string, seg *segment.Segmenter) []Indicator {
	return Find(text, quantities(text), seg)
}

// quantities returns the quantities of text with its document numbers and dates skipped.
func quantities(text string) []quantity.Quantity {
	var skip [][2]int
	for _, n := range docnum.Find(text) {
		skip = append(skip, [2]int{n.Start, n.End})
	}
	nums := len(skip)
	for _, d := range date.Find(text, skip[:nums]...) {
		skip = append(skip, [2]int{d.Start, d.End})
	}
	return quantity.Find(text, skip...)
}
