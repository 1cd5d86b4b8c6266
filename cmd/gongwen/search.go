package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/gongwen/gongwen/index"
)

type searchOptions struct {
	data   string
	query  index.Query // filters, limit and offset; Text comes from the arguments
	json   bool
	colour bool // highlight matches with ANSI colour (stdout is a terminal)
}

const searchUsage = `Usage: gongwen search [--data DIR] [filters] [--limit N] [--json] [QUERY ...]

Searches the index built by 'gongwen ingest'. The words of QUERY are found
anywhere in a document (title, text, issuer, metadata), also inside longer
words: 处理 finds 待处理, 农业 finds 中国农业发展银行. Matches in the title
rank first. An empty QUERY lists every document, newest first.

Query language:
  行政复议 调解             documents with both words
  "法治政府建设"           an exact phrase (straight or Chinese quotes)
  -撤销                   documents without this word
  title:报告               a word in the title (also 标题:)
  issuer:驻马店            a word in the issuer (also 发文机关:)
  docnum:国发〔2024〕1号     a document number, any bracket form; without 号 a prefix (also 文号:)
  year:2024 year:2020-2023  report year (also 年份:)

Filters:
  --issuer 驻马店市人民政府  exact issuer, as listed under the issuer facet
  --region 河南省           documents from a place and every place in it: a
                            name as listed under the region facet (河南省开封市),
                            a short name (开封, 杨浦区) or a GB/T 2260 code
                            (410000, 410200); national (or 全国) for the
                            documents of national bodies (国务院, ministries)
  --kind stats-bulletin     a kind, or its label on the web page (统计公报):
                            fzzf-report, gov-work-report, stats-bulletin,
                            xxgk-annual-report, budget, final-accounts,
                            audit-report, regulation, plan, notice, other
  --year 2024 --from 2024-01-01 --to 2024-12-31
  A --kind, --region or --issuer that no document has and that names no known
  kind or division is an error (exit 2) listing the nearest values.
  --indicator '调解成功率>=95'  documents with such an indicator, showing the
                            values; operators > >= < <= =; 万 亿 after the
                            number: '受理案件>1万'; a name alone: any value

Examples:
  gongwen search 行政复议 year:2023
  gongwen search --issuer 驻马店市人民政府 '"法治政府建设" -疫情'
  gongwen search docnum:国发〔2024〕3号
  gongwen search --indicator '调解成功率>=95' --limit 50
  gongwen search --region 河南省 --year 2023 行政复议
  gongwen search --json 营商环境 | jq '.hits[].title'

Output: rank, title, issuer, date, document number, the text around the
matches (coloured on a terminal), then the issuers, regions, years and kinds
of all hits with counts. A region is the issuer's place at the level of a
city (河南省开封市, also for its counties and townships), a municipality's
district (上海市杨浦区), or the province of a provincial body (湖北省);
national bodies count under 全国.
--json prints {"total", "hits": [{"id", "url", "title", "issuer",
"report_year", "doc_numbers", "score", "fragments"}], "facets": {"issuer",
"region", "year", "kind"}}; fragments are HTML with the matches in <mark>.

Flags:
`

func cmdSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opts searchOptions
	q := &opts.query
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addDataFlag(fs, &opts.data)
	addFilterFlags(fs, q, "only documents with an indicator `'NAME OP VALUE'`, e.g. '调解成功率>=95'")
	fs.IntVar(&q.Limit, "limit", 10, "show at most `N` documents")
	fs.IntVar(&q.Offset, "offset", 0, "skip the first `N` documents")
	fs.BoolVar(&opts.json, "json", false, "print JSON")
	fs.Usage = func() { fmt.Fprint(fs.Output(), searchUsage); fs.PrintDefaults() }
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if q.Limit < 1 || q.Offset < 0 {
		fmt.Fprintln(stderr, "search: --limit must be at least 1 and --offset not negative")
		return errUsage
	}
	opts.data = dataDir(opts.data)
	opts.colour = isTerminal(stdout)
	return runSearch(ctx, opts, words, stdout, stderr)
}

// addFilterFlags defines the filters search and export share; indicatorHelp
// says what --indicator selects in the command.
func addFilterFlags(fs *flag.FlagSet, q *index.Query, indicatorHelp string) {
	fs.StringVar(&q.Issuer, "issuer", "", "only documents of this exact `issuer`")
	fs.StringVar(&q.Region, "region", "", "only documents from this `place` or a place in it: 河南省, 河南省开封市, 开封, 410200; national for national bodies")
	fs.IntVar(&q.Year, "year", 0, "only documents of this report `year`")
	fs.StringVar(&q.Kind, "kind", "", "only documents of this `kind` (fzzf-report, gov-work-report, stats-bulletin, xxgk-annual-report, budget, final-accounts, audit-report, regulation, plan, notice, other), or its label on the web page (统计公报)")
	fs.StringVar(&q.From, "from", "", "only documents dated on or after `YYYY-MM-DD`")
	fs.StringVar(&q.To, "to", "", "only documents dated on or before `YYYY-MM-DD`")
	fs.StringVar(&q.Indicator, "indicator", "", indicatorHelp)
}

// parseInterspersed parses flags placed before, between or after the query
// words. An argument starting with a single - is a flag only if fs defines
// it, so that -撤销 stays an excluded word; after -- everything is a word.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		name, hasValue := strings.TrimLeft(a, "-"), false
		if n, _, ok := strings.Cut(name, "="); ok {
			name, hasValue = n, true
		}
		f := fs.Lookup(name)
		// -撤销 is an excluded word, but --撤销 can only be a mistyped flag.
		if !strings.HasPrefix(a, "-") || (f == nil && name != "h" && name != "help" && !strings.HasPrefix(a, "--")) {
			words = append(words, a)
			continue
		}
		flags = append(flags, a)
		if f == nil || hasValue {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !(ok && b.IsBoolFlag()) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, err
	}
	return words, nil
}

func runSearch(ctx context.Context, opts searchOptions, args []string, stdout, stderr io.Writer) error {
	ix, err := index.Open(opts.data)
	if err != nil {
		return err
	}
	defer ix.Close()
	q := opts.query
	q.Text = strings.Join(args, " ")
	res, err := ix.Search(ctx, q)
	if err != nil {
		if errors.Is(err, index.ErrBadQuery) || errors.Is(err, index.ErrNoWords) || errors.Is(err, index.ErrQueryTooLong) {
			fmt.Fprintf(stderr, "search: %v (see gongwen search -h)\n", err)
			return errUsage
		}
		return err
	}
	if opts.json {
		return printSearchJSON(stdout, res, q.Indicator != "")
	}
	printSearchText(stdout, res, q, opts.colour)
	return nil
}

// searchJSON is the shape --json prints.
type searchJSON struct {
	Total  int                           `json:"total"`
	Hits   []hitJSON                     `json:"hits"`
	Facets map[string][]index.FacetCount `json:"facets"`
}

type hitJSON struct {
	ID         string               `json:"id"`
	URL        string               `json:"url"`
	Title      string               `json:"title"`
	Issuer     string               `json:"issuer"`
	ReportYear int                  `json:"report_year"`
	DocNumbers []string             `json:"doc_numbers"`
	Score      float64              `json:"score"`
	Fragments  []string             `json:"fragments"`
	Indicators []index.IndicatorHit `json:"indicators,omitempty"`
}

func printSearchJSON(w io.Writer, res *index.Result, withIndicators bool) error {
	out := searchJSON{Total: res.Total, Hits: []hitJSON{}, Facets: res.Facets}
	for _, h := range res.Hits {
		hj := hitJSON{ID: h.ID, URL: h.URL, Title: h.Title, Issuer: h.Issuer, ReportYear: h.ReportYear,
			DocNumbers: h.DocNumbers, Score: h.Score, Fragments: h.Fragments}
		if withIndicators {
			hj.Indicators = h.Indicators
		}
		out.Hits = append(out.Hits, hj)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

var markRE = regexp.MustCompile(`<mark>(.*?)</mark>`)

// plain turns a highlighted HTML fragment into terminal text: matches in
// bold red when colour is on.
func plain(fragment string, colour bool) string {
	repl := "$1"
	if colour {
		repl = "\x1b[1;31m$1\x1b[0m"
	}
	return html.UnescapeString(markRE.ReplaceAllString(fragment, repl))
}

func printSearchText(w io.Writer, res *index.Result, q index.Query, colour bool) {
	if res.Total == 0 {
		fmt.Fprintln(w, "no documents found")
		return
	}
	for i, h := range res.Hits {
		title := h.Title
		if colour && h.TitleHTML != "" {
			title = plain(h.TitleHTML, true)
		}
		fmt.Fprintf(w, "%d. %s\n", q.Offset+i+1, title)
		meta := []string{h.Issuer}
		if h.Date != "" {
			meta = append(meta, h.Date)
		} else if h.ReportYear != 0 {
			meta = append(meta, strconv.Itoa(h.ReportYear))
		}
		if len(h.DocNumbers) > 0 {
			meta = append(meta, h.DocNumbers[0])
		}
		if q.Text != "" {
			meta = append(meta, "score "+strconv.FormatFloat(h.Score, 'f', 2, 64))
		}
		fmt.Fprintf(w, "   %s\n", strings.Join(nonEmpty(meta), " · "))
		for _, f := range h.Fragments {
			fmt.Fprintf(w, "   %s\n", plain(f, colour))
		}
		for _, in := range h.Indicators {
			fmt.Fprintf(w, "   %s = %s (%s)\n", in.Name, strconv.FormatFloat(in.Value, 'f', -1, 64)+in.Unit, in.Text)
		}
		if h.URL != "" {
			fmt.Fprintf(w, "   %s\n", h.URL)
		} else if h.File != "" {
			fmt.Fprintf(w, "   %s\n", h.File)
		}
		fmt.Fprintf(w, "   id %s\n\n", h.ID)
	}
	last := q.Offset + len(res.Hits)
	if res.Total == 1 {
		fmt.Fprint(w, "1 document")
	} else {
		fmt.Fprintf(w, "%d documents", res.Total)
	}
	if len(res.Hits) > 0 && (q.Offset > 0 || last < res.Total) {
		fmt.Fprintf(w, " (showing %d–%d; --offset %d for more)", q.Offset+1, last, last)
	}
	fmt.Fprintln(w)
	for _, name := range []string{"issuer", "region", "year", "kind"} {
		var parts []string
		for _, f := range res.Facets[name] {
			parts = append(parts, fmt.Sprintf("%s (%d)", f.Term, f.Count))
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, "%-7s %s\n", name+":", strings.Join(parts, ", "))
		}
	}
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
