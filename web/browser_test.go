package web

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

// chromium returns the path of a Chromium binary, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts headless Chromium for the test, or skips it when there
// is none (CI installs Debian's chromium).
func newBrowser(t *testing.T, more ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("the browser tests start Chromium")
	}
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install chromium fonts-noto-cjk)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true), // a page is as wide at 390 px with or without them
		chromedp.UserDataDir(t.TempDir()),
	}
	opts = append(opts, more...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	return ctx
}

// poll waits until the JavaScript expression is true.
func poll(expr string) chromedp.Action[chromedp.Void] { return chromedp.Poll[chromedp.Void](expr) }

// click finds and clicks an element in one step in the page, so that a
// render replacing the node between a lookup and a click cannot fail it.
func click(sel string) chromedp.Action[chromedp.Void] {
	q, _ := json.Marshal(sel)
	return poll(`(() => { const e = document.querySelector(` + string(q) + `); if (!e) return false; e.click(); return true; })()`)
}

// browser drives a page for a test.
type browser struct {
	t   *testing.T
	ctx context.Context
}

func (b browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

func (b browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func (b browser) eval(expr string, v any) {
	b.t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`JSON.stringify(`+expr+`)`))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
}

// TestBrowser drives the search page in headless Chromium: type a query,
// see highlighted results, apply a facet, page, open a document, find a
// figure in its text, compare one of its indicators across places and years.
func TestBrowser(t *testing.T) {
	b := browser{t, newBrowser(t)}
	base := serve(t, fixtureIndex(t))

	b.do("open the page (every document is listed)",
		chromedp.EmulateViewport(1280, 900), // facets beside the results
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(".hit")))
	b.do("type a query",
		chromedp.SendKeys(chromedp.CSS("#q"), "调解\r"), // Enter submits the form
		poll(`location.hash.includes("q=")`),
		chromedp.WaitVisible(chromedp.CSS(".hit mark")))
	var marks []string
	b.eval(`[...document.querySelectorAll(".hit mark")].map(m => m.textContent)`, &marks)
	for _, m := range marks {
		if m != "调解" {
			t.Errorf("marked %q, want 调解 (marks %q)", m, marks)
		}
	}
	if s := b.text(".summary"); !strings.Contains(s, "document") {
		t.Errorf("summary %q", s)
	}

	b.do("apply the issuer facet",
		click(`#facets a[data-term="南阳市司法局"]`),
		poll(`document.querySelector(".summary") && document.querySelector(".summary").textContent.startsWith("共 1 篇")`))
	if s := b.text(".hit h2"); s != "南阳市人民调解工作情况通报" {
		t.Errorf("after the facet: first hit %q", s)
	}

	b.do("remove the filter and page forward",
		click(".chip"),
		poll(`!location.hash.includes("issuer") && document.querySelector("#next")`),
		click("#next"),
		poll(`location.hash.includes("offset=10") && document.querySelector(".summary").textContent.includes("11–")`))

	b.do("apply the region facet",
		chromedp.Navigate(base+"/#"),
		// Only a hash change: wait for the first page to be rendered again.
		poll(`!location.hash.includes("offset") && document.querySelector(".summary") && document.querySelector(".summary").textContent.includes(" 1–")`),
		click(`#facets ul[data-facet="region"] a[data-term="河南省开封市"]`),
		poll(`location.hash.includes("region=") && document.querySelector(".summary").textContent.startsWith("共 5 篇")`))
	if s := b.text(".chip"); s != "region: 河南省开封市 ✕" {
		t.Errorf("region chip %q", s)
	}
	var issuers []string
	b.eval(`[...document.querySelectorAll(".hit .meta")].map(m => m.textContent)`, &issuers)
	if len(issuers) != 5 {
		t.Fatalf("hits in 开封: %q", issuers)
	}
	for _, m := range issuers {
		if !strings.HasPrefix(m, "开封市") {
			t.Errorf("hit in 河南省开封市 from %s", m)
		}
	}
	if s := strings.Fields(b.text(`#facets ul[data-facet="region"]`)); !slices.Equal(s, []string{"河南省开封市", "5"}) {
		t.Errorf("region facet after the click: %q", s)
	}
	var active bool
	if b.eval(`!!document.querySelector('#facets a.active[data-term="河南省开封市"]')`, &active); !active {
		t.Error("the region facet term is not marked active")
	}

	// Waits are tied to the document's id: the results of the last view and
	// the last document stay on the page until the new ones are rendered.
	id := hitID(t, base, "人民调解委员会", "南阳市人民调解工作情况通报")
	idJSON, _ := json.Marshal(id)
	showing := poll(`(() => { const v = document.querySelector("#document"); return !v.hidden && v.dataset.id === ` + string(idJSON) + `; })()`)
	b.do("open a document",
		chromedp.Navigate(base+"/#q="+url.QueryEscape("人民调解委员会")),
		click(`.hit-title[href="#doc=`+url.QueryEscape(id)+`"]`),
		showing)
	if s := b.text("#document h2"); s != "南阳市人民调解工作情况通报" {
		t.Errorf("document title %q", s)
	}
	metadata := b.text("#document .metadata")
	for _, w := range []string{"南阳市司法局", "河南省南阳市", "宛司〔2022〕11号", "2022-03-05"} {
		if !strings.Contains(metadata, w) {
			t.Errorf("metadata lacks %s: %q", w, metadata)
		}
	}
	// Each value once: a metadata field that repeats a value shown is left out.
	var dts []string
	b.eval(`[...document.querySelectorAll("#document .metadata dd")].map(e => e.textContent)`, &dts)
	for _, v := range dts {
		if n := strings.Count(metadata, v); n > 1 && !strings.Contains(v, "：") {
			t.Errorf("metadata shows %q %d times: %q", v, n, dts)
		}
	}
	inds := b.text("#document .indicator-list")
	for _, w := range []string{"调解成功率", "97.3%", "人民调解委员会", "4210"} {
		if !strings.Contains(inds, w) {
			t.Errorf("indicator list lacks %s: %q", w, inds)
		}
	}
	src, err := chromedp.Run(b.ctx, chromedp.AttributeValue(chromedp.CSS("#source-link"), "href"))
	if err != nil || src.Value != "https://www.example.gov.cn/special/mediation-committee.html" {
		t.Errorf("source link %q, %v", src.Value, err)
	}
	cite := b.text("#cite")
	for _, w := range []string{"南阳市司法局. 南阳市人民调解工作情况通报: 宛司〔2022〕11号[EB/OL]. (2022-03-05)[", "]. https://www.example.gov.cn/special/mediation-committee.html"} {
		if !strings.Contains(cite, w) {
			t.Errorf("cite %q lacks %q", cite, w)
		}
	}

	b.do("find a figure in the text",
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("#document .indicator")].find(li => li.querySelector(".compare-link").textContent === "调解成功率").querySelector("button.figure").click()`),
		poll(`document.querySelector(".fig.hl") !== null`))
	var fig struct {
		Text    string
		Visible bool
		Hash    string
	}
	b.eval(`(() => { const f = document.querySelector(".fig.hl"); const r = f.getBoundingClientRect();
		return { text: f.textContent, visible: r.top >= 0 && r.bottom <= innerHeight, hash: location.hash }; })()`, &fig)
	if fig.Text != "97.3%" || !fig.Visible || !strings.Contains(fig.Hash, "fig=") {
		t.Errorf("the figure found: %+v; want 97.3%% highlighted in view and fig= in the hash", fig)
	}

	// compareTable reads the comparison table as rows of cell texts.
	compareTable := func() [][]string {
		t.Helper()
		var rows [][]string
		b.eval(`[...document.querySelectorAll(".compare-table tr")].map(r => [...r.children].map(c => c.textContent))`, &rows)
		return rows
	}
	// cell returns the text at row label and column label.
	cell := func(rows [][]string, row, col string) string {
		if len(rows) == 0 {
			return ""
		}
		j := slices.Index(rows[0], col)
		for _, r := range rows[1:] {
			if r[0] == row && j > 0 && j < len(r) {
				return r[j]
			}
		}
		return ""
	}
	chartLoaded := poll(`(() => { const img = document.querySelector("#compare-chart");
		return img && img.complete && img.naturalWidth > 0; })()`)

	b.do("compare an indicator of the document",
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("#document .compare-link")].find(a => a.textContent === "调解成功率").click()`),
		chromedp.WaitVisible(chromedp.CSS(".compare-table")),
		chartLoaded)
	rows := compareTable()
	if got := rows[0]; !slices.Equal(got, []string{"发布机关 Issuer", "2019", "2020", "2021", "2022", "2023", "2024"}) {
		t.Errorf("compare by issuer: header %q", got)
	}
	for _, c := range []struct{ row, col, want string }{
		{"南阳市司法局", "2021", "97.3%"}, {"驻马店市人民政府", "2019", "85.3%*"}, {"驻马店市人民政府", "2024", ""}, // * marks several values
	} {
		if got := cell(rows, c.row, c.col); got != c.want {
			t.Errorf("compare by issuer: %s %s = %q, want %q", c.row, c.col, got, c.want)
		}
	}
	if s := b.text("#compare h2"); s != "对比 Compare: 调解成功率" {
		t.Errorf("compare heading %q", s)
	}
	// The chart is shown at the size it is drawn.
	var size []float64
	b.eval(`(() => { const img = document.querySelector("#compare-chart"); return [img.width, img.naturalWidth]; })()`, &size)
	if len(size) != 2 || size[0] != size[1] {
		t.Errorf("chart shown %v px wide, drawn %v", size[0], size[1])
	}

	b.do("switch to regions",
		click(`.by button[data-by="region"]`),
		poll(`location.hash.includes("by=region") && document.querySelector(".compare-table th") &&
			document.querySelector(".compare-table th").textContent === "地区 Region"`),
		chartLoaded)
	rows = compareTable()
	if got := cell(rows, "河南省南阳市", "2021"); got != "97.3%" {
		t.Errorf("compare by region: 河南省南阳市 2021 = %q, want 97.3%%; rows %q", got, rows)
	}
	src, err = chromedp.Run(b.ctx, chromedp.AttributeValue(chromedp.CSS("#compare-chart"), "src"))
	if err != nil || !strings.Contains(src.Value, "by=region") || !strings.HasPrefix(src.Value, "/compare.svg?") {
		t.Errorf("chart src %q, %v", src.Value, err)
	}

	b.do("back to the document (the switch is not a step back)",
		click("#compare-back"),
		showing)
	b.do("back to the results",
		click("#back"),
		chromedp.WaitVisible(chromedp.CSS(".hit-title")))

	b.do("compare from the compare box",
		chromedp.SendKeys(chromedp.CSS("#compare-q"), "调解成功率\r"),
		poll(`location.hash.includes("compare=")`),
		chromedp.WaitVisible(chromedp.CSS(".compare-table")),
		chartLoaded)
	if got := cell(compareTable(), "南阳市司法局", "2021"); got != "97.3%" {
		t.Errorf("compare from the box: 南阳市司法局 2021 = %q", got)
	}
	b.do("open the document of a value",
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".compare-table td a")].find(a => a.textContent === "97.3%").click()`),
		showing)
	if s := b.text("#document h2"); s != "南阳市人民调解工作情况通报" {
		t.Errorf("document of 97.3%%: %q", s)
	}

	b.do("kinds are labelled in Chinese and English",
		chromedp.Navigate(base+"/#"),
		chromedp.WaitVisible(chromedp.CSS(`#facets a[data-term="fzzf-report"]`)))
	if s := b.text(`#facets a[data-term="fzzf-report"]`); !strings.Contains(s, "法治政府建设年度报告") || !strings.Contains(s, "rule-of-law report") {
		t.Errorf("kind facet %q", s)
	}
}

var (
	reportsOnce sync.Once
	reports     *index.Index
	reportsDocs map[string]*extract.Document // by file name
	reportsErr  error
)

// reportsIndex returns an index in memory of the sample reports of
// ../testdata/reports and ../testdata/measures, extracted once: real
// layouts, tables and forms, for the screenshots.
func reportsIndex(t *testing.T) (*index.Index, map[string]*extract.Document) {
	t.Helper()
	reportsOnce.Do(func() {
		var paths []string
		for _, dir := range []string{"../testdata/reports", "../testdata/measures"} {
			entries, err := os.ReadDir(dir)
			if err != nil {
				reportsErr = err
				return
			}
			for _, e := range entries {
				paths = append(paths, filepath.Join(dir, e.Name()))
			}
		}
		ex := &extract.Extractor{}
		reportsDocs = map[string]*extract.Document{}
		var docs []*extract.Document
		for _, p := range paths {
			body, err := os.ReadFile(p)
			if err != nil {
				reportsErr = err
				return
			}
			doc, err := ex.Extract(extract.Input{Name: strings.TrimPrefix(filepath.ToSlash(p), "../"), Body: body})
			if err != nil {
				reportsErr = err
				return
			}
			docs = append(docs, doc)
			reportsDocs[filepath.Base(p)] = doc
		}
		reports, reportsErr = newIndex(docs)
	})
	if reportsErr != nil {
		t.Fatal(reportsErr)
	}
	return reports, reportsDocs
}

// screenshots is where TestScreens writes its pictures, for a reviewer to
// open; git ignores it.
const screenshots = "screenshots"

// TestScreens opens the views of the page at the width of a desktop
// (1400 px) and of a phone (390 px), checks that nothing makes the page
// scroll sideways and that every character on it is drawn with a glyph (no
// tofu), and writes a screenshot of each into web/screenshots.
func TestScreens(t *testing.T) {
	b := browser{t, newBrowser(t)}
	ix, docs := reportsIndex(t)
	base := serve(t, ix)
	if err := os.MkdirAll(screenshots, 0o755); err != nil {
		t.Fatal(err)
	}

	// A statistics bulletin with tables, and a figure of one of them.
	bulletin := docs["stats-fengcheng-2024.html"]
	fig := slices.IndexFunc(bulletin.Indicators, func(ind extract.Indicator) bool {
		return ind.Start > 0 && strings.Contains(lineAt(bulletin.Text, ind.Start), "\t") // a cell of a table
	})
	if len(bulletin.Tables) == 0 || fig < 0 {
		t.Fatalf("the bulletin has %d tables and %d is its first figure in one", len(bulletin.Tables), fig)
	}
	form := docs["xxgk-lanxi-2024-gbk.html"]

	views := []struct {
		name, hash string
		ready      string // a JavaScript condition: the view is drawn
		full       bool   // the whole page, not the screen
	}{
		{"start", "#", `document.querySelectorAll(".hit").length > 0 && document.querySelector(".facet-box")`, true},
		{"search", "#q=" + url.QueryEscape("调解 成功率"), `document.querySelector(".hit mark") !== null`, true},
		{"document", "#doc=" + bulletin.ID, shows(bulletin) + ` && document.querySelector("#document .doc-table") !== null`, false},
		{"figure", "#doc=" + bulletin.ID + "&fig=" + itoa(fig), shows(bulletin) + ` && document.querySelector(".fig.hl") !== null && document.querySelector("td.hl") !== null`, false},
		{"form", "#doc=" + form.ID, shows(form) + ` && document.querySelector("#document .form") !== null`, false},
		{"compare", "#compare=" + url.QueryEscape("地区生产总值") + "&by=region",
			`(() => { const img = document.querySelector("#compare-chart"); return img && img.complete && img.naturalWidth > 0; })()`, true},
	}
	for _, width := range []int64{1400, 390} {
		height := map[int64]int64{1400: 900, 390: 844}[width]
		b.do("window of "+itoa(int(width)), chromedp.EmulateViewport(width, height))
		for _, v := range views {
			name := v.name + "-" + itoa(int(width))
			b.do(name,
				chromedp.Navigate(base+"/"+v.hash),
				poll(`document.fonts.status === "loaded"`),
				poll(v.ready))
			if v.name == "start" { // facets beside the results, or folded above them
				var open bool
				if b.eval(`document.querySelector(".facet-box").open`, &open); open != (width > 800) {
					t.Errorf("%s: facets open %v", name, open)
				}
			}
			if v.name == "document" {
				if s := b.text("#source-file"); s != "testdata/reports/stats-fengcheng-2024.html" {
					t.Errorf("%s: file %q", name, s)
				}
				if s := b.text("#cite"); s != "丰城市统计局. 丰城市2024年国民经济和社会发展统计公报. 2025-03-18." {
					t.Errorf("%s: cite %q", name, s)
				}
			}
			if v.name == "figure" {
				var inView bool
				b.eval(`(() => { const r = document.querySelector("td.hl").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`, &inView)
				if !inView {
					t.Errorf("%s: the highlighted figure is not on the screen in its table", name)
				}
			}
			checkOverflow(b, name)
			checkTofu(b, name, "document.body")
			shot := chromedp.CaptureScreenshot()
			if v.full {
				shot = chromedp.FullScreenshot(100)
			}
			png, err := chromedp.Run(b.ctx, shot)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if err := os.WriteFile(filepath.Join(screenshots, name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The chart is an image: its text is checked in the fonts it asks for.
	_, _, svg := get(t, base+"/compare.svg?indicator="+url.QueryEscape("地区生产总值")+"&by=region")
	var chart struct {
		Font  string   `xml:"font-family,attr"`
		Texts []string `xml:"text"`
	}
	if err := xml.Unmarshal(svg, &chart); err != nil || len(chart.Texts) == 0 {
		t.Fatalf("chart: %v %.200s", err, svg)
	}
	if missing := tofu(b, strings.Join(chart.Texts, ""), chart.Font); missing != "" {
		t.Errorf("chart: no glyph in %s for %q", chart.Font, missing)
	}
}

// shows is a JavaScript condition: the page shows doc.
func shows(doc *extract.Document) string {
	title, _ := json.Marshal(doc.Title)
	return `(document.querySelector("#document h2") || {}).textContent === ` + string(title)
}

// checkOverflow reports what makes the page wider than the window.
func checkOverflow(b browser, name string) {
	b.t.Helper()
	var wide []string
	b.eval(`(() => {
		const w = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth <= w) return [];
		return [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > w + 1)
			.slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right) + "px: " + e.textContent.slice(0, 40));
	})()`, &wide)
	if len(wide) > 0 {
		b.t.Errorf("%s: the page scrolls sideways; too wide: %q", name, wide)
	}
}

// tofuJS defines tofu(text, family): the characters of text that family
// draws as it draws a character no font has (U+10FFFD) — a box, or nothing.
// Each is drawn on a canvas with the page's own font machinery.
const tofuJS = `window.tofu = (text, family) => {
	const c = document.createElement("canvas");
	c.width = c.height = 48;
	const g = c.getContext("2d", { willReadFrequently: true });
	const draw = (ch) => {
		g.clearRect(0, 0, 48, 48);
		g.font = "32px " + family;
		g.fillText(ch, 4, 38);
		return g.getImageData(0, 0, 48, 48).data;
	};
	const same = (a, b) => { for (let i = 3; i < a.length; i += 4) if (a[i] !== b[i]) return false; return true; };
	const none = draw("\u{10FFFD}");
	return [...new Set(text)].filter((ch) => !/\s/.test(ch) && same(draw(ch), none)).join("");
}`

// tofu returns the characters of text that family cannot draw in the page.
func tofu(b browser, text, family string) string {
	b.t.Helper()
	args, _ := json.Marshal([]string{text, family})
	var missing string
	b.eval(`(`+tofuJS+`, tofu(...`+string(args)+`))`, &missing)
	return missing
}

// TestTofuCheck shows that the tofu check finds Chinese drawn without a
// Chinese font: Chromium is given only DejaVu Sans (FONTCONFIG_FILE).
func TestTofuCheck(t *testing.T) {
	const latin = "/usr/share/fonts/truetype/dejavu"
	if _, err := os.Stat(filepath.Join(latin, "DejaVuSans.ttf")); err != nil {
		t.Skip("no DejaVu Sans to draw with alone")
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	err := os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>`+latin+`</dir><cachedir>`+filepath.Join(dir, "cache")+`</cachedir></fontconfig>`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	b := browser{t, newBrowser(t, chromedp.Env("FONTCONFIG_FILE="+conf))}
	base := serve(t, fixtureIndex(t))
	b.do("open the page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(".hit")))
	var family string
	b.eval(`getComputedStyle(document.body).fontFamily`, &family)
	if got := tofu(b, "公文A1", family); got != "公文" {
		t.Errorf("with Latin fonts only, the check finds %q in 公文A1, want 公文", got)
	}
}

// checkTofu checks every character shown under root (text and
// placeholders) in the font of the element that shows it.
func checkTofu(b browser, name, root string) {
	b.t.Helper()
	// The check can fail: a character no font has is found, a Latin one not.
	if got := tofu(b, "A\U0010FFFC", "sans-serif"); got != "\U0010FFFC" {
		b.t.Fatalf("the tofu check finds %q in A\\U0010FFFC, want the second only", got)
	}
	var byFont map[string]string
	b.eval(`(() => {
		const out = {};
		const add = (e, s) => { const f = getComputedStyle(e).fontFamily; out[f] = (out[f] || "") + s; };
		const walk = document.createTreeWalker(`+root+`, NodeFilter.SHOW_TEXT);
		for (let n; (n = walk.nextNode());) {
			const e = n.parentElement;
			if (e && e.offsetParent !== null && e.closest("script, style") === null) add(e, n.data);
		}
		for (const e of document.querySelectorAll("input[placeholder]")) if (e.offsetParent !== null) add(e, e.placeholder);
		return out;
	})()`, &byFont)
	for family, text := range byFont {
		if missing := tofu(b, text, family); missing != "" {
			b.t.Errorf("%s: no glyph in %s for %q", name, family, missing)
		}
	}
}

// runeOffset returns the byte offset of rune n of s.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func itoa(n int) string { return strconv.Itoa(n) }

// lineAt returns the line of s that holds rune n.
func lineAt(s string, n int) string {
	i := runeOffset(s, n)
	start := strings.LastIndexByte(s[:i], '\n') + 1
	end := strings.IndexByte(s[i:], '\n')
	if end < 0 {
		return s[start:]
	}
	return s[start : i+end]
}

// hitID returns the id of the hit titled title among the results of q.
func hitID(t *testing.T, base, q, title string) string {
	t.Helper()
	var found struct {
		Hits []struct{ ID, Title string }
	}
	getJSON(t, base+"/api/search?q="+url.QueryEscape(q), http.StatusOK, &found)
	for _, h := range found.Hits {
		if h.Title == title {
			return h.ID
		}
	}
	t.Fatalf("%s: no hit %s in %+v", q, title, found.Hits)
	return ""
}
