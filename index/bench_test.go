package index

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index/testcorpus"
)

var (
	benchDocs     = flag.Int("docs", 2000, "documents BenchmarkCorpus generates and indexes")
	benchBatch    = flag.Int("batch", 200, "documents per batch in BenchmarkCorpus")
	benchAnalyzer = flag.String("analyzer", AnalyzerName, "analyzer of BenchmarkCorpus: "+AnalyzerName+" or "+cjk.AnalyzerName)
)

// benchQueries are searched in BenchmarkCorpus; each is checked against the
// documents that contain it (title, issuer or text).
var benchQueries = []string{
	"行政复议", "调解成功率", "人民", "复议", "农业", "营商环境", "法治政府建设", "矛盾纠纷",
	"专项检查", "驻政文", "推动各项工作取得新成效", "一般公共预算收入", "城市更新", "数字政府", "培训执法人员",
}

// BenchmarkCorpus indexes -docs generated reports on disk with -analyzer and
// reports indexing speed, index size, search latency, peak memory and what
// the queries find. It runs once; use index/bench.sh to compare analyzers:
//
//	go test ./index -run '^$' -bench Corpus -benchtime 1x -docs 20000 -analyzer cjk
func BenchmarkCorpus(b *testing.B) {
	n := *benchDocs
	dir := b.TempDir()
	ix, err := create(dir, *benchAnalyzer)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start := time.Now()
	batch := ix.NewBatch()
	for i := range n {
		if _, err := batch.Add(testcorpus.Document(i, 42)); err != nil {
			b.Fatal(err)
		}
		if batch.Len() == *benchBatch {
			if err := batch.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := batch.Commit(); err != nil {
		b.Fatal(err)
	}
	indexTime := time.Since(start)
	b.StopTimer()
	ix.Close()
	size := dirSize(dir)
	ix, err = open(dir, true)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()

	p50, p99 := queryLatency(b, ix)

	// What the queries find, against the documents that contain them.
	truth := make([]int, len(benchQueries))
	for i := range n {
		d := testcorpus.Document(i, 42)
		all := d.Title + "\n" + d.Issuer + "\n" + d.Text
		for k, q := range benchQueries {
			if strings.Contains(all, q) {
				truth[k]++
			}
		}
	}
	var report []string
	missed, extra := 0, 0
	for k, q := range benchQueries {
		res, err := ix.Search(context.Background(), Query{Text: q, Limit: 1})
		if err != nil {
			b.Fatal(err)
		}
		report = append(report, fmt.Sprintf("%s %d/%d", q, res.Total, truth[k]))
		missed += max(truth[k]-res.Total, 0)
		extra += max(res.Total-truth[k], 0)
	}
	b.Logf("%s: %d docs in %v; queries (found/containing): %s", *benchAnalyzer, n, indexTime.Round(time.Millisecond), strings.Join(report, ", "))

	b.ReportMetric(float64(n)/indexTime.Seconds(), "docs/s")
	b.ReportMetric(float64(size)/float64(n), "index-bytes/doc")
	b.ReportMetric(p50, "p50-ms")
	b.ReportMetric(p99, "p99-ms")
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MB")
	b.ReportMetric(float64(missed), "missed-docs")
	b.ReportMetric(float64(extra), "extra-docs")
}

// queryLatency runs 600 queries of a mix — words, phrases, a word and a
// year, an issuer filter, an indicator range, a word without another in a
// range of years — logs the latency of each kind and returns the p50 and p99
// of all, in ms.
func queryLatency(b *testing.B, ix *Index) (p50, p99 float64) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 1))
	var lat []time.Duration
	kinds := []string{"word", "phrase", "word+year", "issuer filter", "indicator", "word -word year:range"}
	byKind := map[string][]time.Duration{}
	for i := range 600 {
		q := Query{Text: benchQueries[r.IntN(len(benchQueries))]}
		switch i % 6 {
		case 1:
			q.Text = `"` + q.Text + `"`
		case 2:
			q.Year = testcorpus.Years[r.IntN(len(testcorpus.Years))]
		case 3:
			q.Text, q.Issuer = "", testcorpus.Cities[r.IntN(len(testcorpus.Cities))].Name+"人民政府"
		case 4:
			q.Text, q.Indicator = "", "调解成功率>=98"
		case 5:
			q.Text += " -乡村振兴 year:2020-2023"
		}
		t0 := time.Now()
		if _, err := ix.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
		byKind[kinds[i%6]] = append(byKind[kinds[i%6]], time.Since(t0))
	}
	slices.Sort(lat)
	var kindReport []string
	for _, k := range kinds {
		l := byKind[k]
		slices.Sort(l)
		kindReport = append(kindReport, fmt.Sprintf("%s p50 %.1f p99 %.1f", k, ms(l[len(l)/2]), ms(l[len(l)*99/100])))
	}
	b.Logf("latency ms by query: %s", strings.Join(kindReport, "; "))
	pct := func(p float64) float64 { return ms(lat[int(p*float64(len(lat)-1))]) }
	return pct(0.50), pct(0.99)
}

func dirSize(dir string) int64 {
	var size int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			size += fi.Size()
		}
		return nil
	})
	return size
}

// peakRSS returns the peak resident set size of the process (Linux), or 0.
func peakRSS() int64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			return kb << 10
		}
	}
	return 0
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkAnalyze measures the analyzers alone on generated report text.
func BenchmarkAnalyze(b *testing.B) {
	var text []byte
	for _, d := range testcorpus.Documents(20, 42) {
		text = append(text, d.Text...)
	}
	for _, name := range []string{AnalyzerName, cjk.AnalyzerName} {
		b.Run(name, func(b *testing.B) {
			a := newMapping(name).AnalyzerNamed(name)
			b.SetBytes(int64(len(text)))
			tokens := 0
			for b.Loop() {
				tokens = len(a.Analyze(text))
			}
			b.ReportMetric(float64(tokens)/float64(len([]rune(string(text)))), "tokens/char")
		})
	}
}

var (
	benchJSONL = flag.String("jsonl", "", "documents (gongwen extract output) BenchmarkBareBleve indexes")
	benchData  = flag.String("data", "", "data directory BenchmarkSearch searches (built by gongwen ingest)")
)

// BenchmarkBareBleve indexes the documents of -jsonl with bleve alone: the
// records gongwen writes, the same mapping, analyzer and index type, batches
// of -batch documents. It is the baseline of gongwen ingest in
// index/bench.sh. The records of each batch are made before its clock
// starts, so that only bleve's work is timed, and one batch at a time is in
// memory, as in ingest.
func BenchmarkBareBleve(b *testing.B) {
	if *benchJSONL == "" {
		b.Skip("-jsonl FILE names the documents")
	}
	for b.Loop() {
		f, err := os.Open(*benchJSONL)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		dir := filepath.Join(b.TempDir(), "index")
		bi, err := bleve.NewUsing(dir, newMapping(AnalyzerName), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, nil)
		if err != nil {
			b.Fatal(err)
		}
		var elapsed time.Duration
		var cpu int64
		docs := 0
		type record struct {
			id  string
			rec map[string]any
		}
		for more := true; more; {
			var recs []record
			n := 0
			for n < *benchBatch && sc.Scan() {
				var d extract.Document
				if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
					b.Fatal(err)
				}
				reg := extract.RegionOf(&d)
				rec, err := docRecord(&d, reg, ContentHash(&d))
				if err != nil {
					b.Fatal(err)
				}
				recs = append(recs, record{d.ID, rec})
				for i, ind := range d.Indicators {
					recs = append(recs, record{indicatorID(d.ID, i), indicatorRecord(&d, reg, ind)})
				}
				n++
			}
			more = n == *benchBatch
			docs += n
			start, c := time.Now(), testcorpus.CPUTime()
			batch := bi.NewBatch()
			for _, r := range recs {
				if err := batch.Index(r.id, r.rec); err != nil {
					b.Fatal(err)
				}
			}
			if err := bi.Batch(batch); err != nil {
				b.Fatal(err)
			}
			if !more {
				if err := bi.Close(); err != nil { // as gongwen ingest does, which waits for bleve's merges
					b.Fatal(err)
				}
			}
			elapsed += time.Since(start)
			cpu += testcorpus.CPUTime() - c
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		b.ReportMetric(float64(cpu)/1e9, "cpu-s")
		b.ReportMetric(elapsed.Seconds(), "s")
		b.ReportMetric(float64(docs)/elapsed.Seconds(), "docs/s")
	}
}

// openBenchIndex opens the index of -data, closed when b ends, and skips b
// without one.
func openBenchIndex(b *testing.B) *Index {
	if *benchData == "" {
		b.Skip("-data DIR names the data directory")
	}
	ix, err := Open(*benchData)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

// BenchmarkSearch measures query latency on the index of -data, as
// BenchmarkCorpus does on its own.
func BenchmarkSearch(b *testing.B) {
	ix := openBenchIndex(b)
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400)) // as gongwen serve runs
	}
	n, err := ix.Count(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cpu := testcorpus.CPUTime()
		p50, p99 := queryLatency(b, ix)
		b.ReportMetric(float64(n), "docs")
		b.ReportMetric(p50, "p50-ms")
		b.ReportMetric(p99, "p99-ms")
		// CPU time per query holds on a loaded machine, where latency does not.
		b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e6/600, "cpu-ms/query")
	}
}
