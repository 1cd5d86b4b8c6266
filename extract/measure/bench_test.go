package measure_test

import (
	"testing"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/measure"
	"github.com/gongwen/gongwen/index/testcorpus"
)

// readInput is what Read is given for one report.
type readInput struct {
	text       string
	figs       []measure.Figure
	reportYear int
}

// benchInputs extracts the generated reports of BenchmarkExtractReports and
// returns Read's input for each: the figures of its prose, with their
// headings.
func benchInputs(b *testing.B) ([]readInput, []*extract.Indicator) {
	b.Helper()
	var inputs []readInput
	var inds []*extract.Indicator
	ex := &extract.Extractor{}
	for i := range 200 {
		doc, err := ex.Extract(extract.Input{Name: "report.txt", Body: []byte(testcorpus.Document(i, 42).Text)})
		if err != nil {
			b.Fatal(err)
		}
		byteAt := make([]int, 0, len(doc.Text)+1) // rune offset -> byte offset
		for k := range doc.Text {
			byteAt = append(byteAt, k)
		}
		byteAt = append(byteAt, len(doc.Text))
		in := readInput{text: doc.Text, reportYear: doc.ReportYear}
		for k := range doc.Indicators {
			ind := &doc.Indicators[k]
			inds = append(inds, ind)
			if ind.CellRef != nil {
				continue
			}
			in.figs = append(in.figs, measure.Figure{Start: byteAt[ind.Start], End: byteAt[ind.End], Unit: ind.Unit,
				Rank: ind.Kind == extract.KindRank, Name: ind.Name, Headings: headings(doc.Sections, ind.Start)})
		}
		inputs = append(inputs, in)
	}
	return inputs, inds
}

// headings returns the headings a rune offset sits under, outermost first.
func headings(sections []extract.Section, pos int) []string {
	var chain []extract.Section
	for _, s := range sections {
		if s.Start > pos {
			break
		}
		for len(chain) > 0 && chain[len(chain)-1].Level >= s.Level {
			chain = chain[:len(chain)-1]
		}
		chain = append(chain, s)
	}
	var out []string
	for _, s := range chain {
		out = append(out, s.Heading)
	}
	return out
}

// BenchmarkRead reads the figures of 200 generated reports.
func BenchmarkRead(b *testing.B) {
	inputs, _ := benchInputs(b)
	cpu := testcorpus.CPUTime()
	for b.Loop() {
		for _, in := range inputs {
			measure.Read(in.text, in.figs, in.reportYear)
		}
	}
	b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e3/float64(b.N*len(inputs)), "cpu-µs/doc")
}

// BenchmarkOf looks up the names of the indicators of 200 generated reports.
func BenchmarkOf(b *testing.B) {
	_, inds := benchInputs(b)
	cpu := testcorpus.CPUTime()
	for b.Loop() {
		for _, ind := range inds {
			measure.Of(ind.Name)
		}
	}
	b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e3/float64(b.N*len(inds)), "cpu-µs/name")
}
