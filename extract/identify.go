package extract

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/gongwen/gongwen/extract/identity"
	"github.com/gongwen/gongwen/extract/meta"
	"github.com/gongwen/gongwen/extract/region"
)

// Where identity fields came from, beside the sources of package identity
// (text, title, signature, speech-header …; see IdentitySource).
const (
	SourceMetadata  = "metadata"         // the page's metadata block or the labels at the top of a text (发布机构, 标题, 预算主管部门)
	SourcePDFFont   = "pdf-largest-font" // title: the first page's lines in its largest font
	SourceDOCXCore  = "docx-core"        // title: the DOCX core properties (docProps/core.xml), a hint
	SourceIssuer    = "issuer"           // region: the place the issuer names
	SourceHost      = "host"             // region: the site the document was published on (extract/region/hosts.tsv)
	SourceParent    = "parent"           // region: the page that links an attachment
	SourceTextPlace = "text"             // region: the places the text names with 我市/我县…
)

// clues are what the readers and the caller know of a document's identity
// besides its text.
type clues struct {
	titleSource string   // where a reader's title came from (html.Page.TitleSource)
	titleLines  []string // a PDF's first-page lines in its largest font
	coreTitle   string   // a DOCX's core properties title
	host        string   // the host the document was published on
	parent      *region.Region
}

// identify fills title, issuer, kind, region, national and report year,
// each with its source. The dates must be found before.
func identify(doc *Document, c clues) {
	text, md := doc.Text, doc.Metadata
	src := &doc.IdentitySource

	switch {
	case doc.Title != "":
		src.Title = c.titleSource
	case md[meta.MetaTitle] != "":
		doc.Title, src.Title = md[meta.MetaTitle], SourceMetadata
	}
	if doc.Title == "" && len(c.titleLines) > 0 {
		if t, _ := identity.Title(strings.Join(c.titleLines, "\n")); t != "" {
			doc.Title, src.Title = t, SourcePDFFont
		}
	}
	if doc.Title == "" {
		doc.Title, src.Title = identity.Title(text)
	}
	if doc.Title == "" && c.coreTitle != "" {
		if t, _ := identity.Title(c.coreTitle); t != "" {
			doc.Title, src.Title = t, SourceDOCXCore
		}
	}

	// The recognisers below share what they read of the text.
	read := identity.NewText(text)
	doc.Kind, src.Kind = read.Kind(doc.Title)

	if v := md[meta.MetaIssuer]; identity.IsOrgName(v) {
		doc.Issuer, src.Issuer = placed(v, doc.Title, read, text)
	} else if is := read.IssuerOf(doc.Title); issuerName(is, text) != "" {
		doc.Issuer, src.Issuer = issuerName(is, text), is.Source
	} else if v := md[meta.MetaSource]; identity.IsOrgName(v) {
		doc.Issuer, src.Issuer = placed(v, doc.Title, read, text) // 文章来源:司法局
	} else if governmentKinds[doc.Kind] {
		if r, ok := selfPlace(text); ok {
			doc.Issuer, src.Issuer = r.LocalName()+"人民政府", identity.SourceSelf // 我市 … 义乌市 …
		}
	}

	doc.Region, src.Region = regionOfDoc(doc, c)
	doc.Issuer = qualify(doc.Issuer, doc.Region)
	if doc.Region == nil && doc.Issuer != "" && identity.National(doc.Issuer) {
		doc.National = true
	}
	if doc.Region == nil && doc.Issuer == "" && c.host != "" {
		if _, national, ok := region.Host(c.host); ok && national {
			doc.National, src.Region = true, SourceHost
		}
	}

	doc.ReportYear, src.ReportYear = read.ReportYear(doc.Title, doc.Kind, signedDate(doc))
}

// placed returns an issuer the metadata names and its source: with the
// place another reading of the text gives when the metadata names only its
// level (发布机构：县政府 and the signature 某某县人民政府 → 某某县人民政府).
func placed(name, title string, read *identity.Text, text string) (string, string) {
	if p := read.Placed(name, title); p.String() != "" {
		return issuerName(p, text), SourceMetadata + "+" + p.Source
	}
	return name, SourceMetadata
}

// governmentKinds are made by a government: a 法治政府建设 report, a work
// report, an information disclosure report that says 我市 is the city's
// government's.
var governmentKinds = map[string]bool{identity.KindFzzf: true, identity.KindGovWork: true, identity.KindXxgk: true}

// levelEnds end the names of divisions: a place written with one of them is
// written in full (北京市, 长沙县), one without is short (西藏, 黔东南).
var levelEnds = []string{"省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "街道", "地区"}

// issuerName joins an issuer's place and body, spelling out a short place
// name (西藏 + 人民政府 → 西藏自治区人民政府) and a place a speech header
// only calls 市 or 县 (在市第十七届人民代表大会…上) by the one the text calls
// 我市 or 我县. It returns "" when the place stays unknown.
func issuerName(is identity.Issuer, text string) string {
	if is.Name != "" || is.Place == "" {
		return is.String()
	}
	place := is.Place
	if lv, ok := bareLevel(place); ok {
		r, found := selfPlace(text, lv)
		if !found {
			return ""
		}
		return r.LocalName() + is.Body
	}
	full := false
	for _, e := range levelEnds {
		if strings.HasSuffix(place, e) {
			full = true
		}
	}
	if !full {
		if r, ok := region.Exact(place); ok {
			place = r.LocalName()
		}
	}
	return place + is.Body
}

// bareLevel reports whether a place is only a level (市, 县) and which of
// selfWords it is.
func bareLevel(place string) (string, bool) {
	for _, w := range selfWords {
		if place == w.ends {
			return w.word, true
		}
	}
	return "", false
}

// qualify names the place of an issuer that starts with its level only
// (区政府办公室, 市司法局) when the document's region is a place of that
// level: 区政府办公室 of 青岚区 → 青岚区人民政府办公室.
func qualify(issuer string, r *region.Region) string {
	if r == nil {
		return issuer
	}
	name := r.LocalName()
	for _, w := range selfWords {
		rest, ok := strings.CutPrefix(issuer, w.ends)
		if !ok || !strings.HasSuffix(name, w.ends) || rest == "" {
			continue
		}
		if g, ok := strings.CutPrefix(rest, "政府"); ok {
			rest = "人民政府" + g
		}
		return name + rest
	}
	return issuer
}

// placeStart is what a title has before its place: a year, 关于.
var placeStart = regexp.MustCompile(`^\s*(?:关于)?\s*(?:[0-9０-９]{4}\s*年度?)?\s*(?:关于)?`)

// regionOfDoc resolves the division a document belongs to and says how: the
// place its issuer names, narrowed by evidence when several divisions share
// the name (三都镇); else the place its title starts with; else a place the
// metadata names, the region of the page that links it, the site it was
// published on, or the place the text calls 我市/我县. A national issuer
// (国务院) has none, whatever its title names.
func regionOfDoc(doc *Document, c clues) (*region.Region, string) {
	if doc.Issuer != "" {
		if cands := region.Candidates(doc.Issuer); len(cands) == 1 {
			return &cands[0], SourceIssuer
		} else if len(cands) > 1 {
			names, ev := evidence(doc, c)
			r, used, ok := region.ResolveWith(doc.Issuer, ev...)
			source := SourceIssuer
			if used >= 0 {
				source += "+" + names[used]
			}
			if ok {
				return &r, source
			}
			return nil, ""
		}
		if identity.National(doc.Issuer) {
			return nil, ""
		}
	}
	if t := placeStart.ReplaceAllString(doc.Title, ""); t != "" {
		if r, ok := region.Resolve(t); ok {
			return &r, identity.SourceTitle
		}
	}
	for _, k := range []string{meta.MetaIssuer, meta.MetaSource} {
		if r, ok := region.Resolve(doc.Metadata[k]); ok {
			return &r, SourceMetadata
		}
	}
	if c.parent != nil && c.parent.Level() != region.None {
		r := *c.parent
		return &r, SourceParent
	}
	if r, _, ok := region.Host(c.host); ok && r.Level() != region.None {
		return &r, SourceHost
	}
	if r, ok := selfPlace(doc.Text); ok {
		return &r, SourceTextPlace
	}
	return nil, ""
}

// evidence lists what else says where a document comes from, most
// trustworthy first, with a name for each: its metadata, the page that
// links it, its site, and the places its text names.
func evidence(doc *Document, c clues) (names []string, regions []region.Region) {
	add := func(name string, r region.Region) {
		if r.Level() != region.None {
			names, regions = append(names, name), append(regions, r)
		}
	}
	for _, k := range []string{meta.MetaIssuer, meta.MetaSource} {
		if r, ok := region.Resolve(doc.Metadata[k]); ok && doc.Metadata[k] != doc.Issuer {
			add(SourceMetadata, r)
		}
	}
	if c.parent != nil {
		add(SourceParent, *c.parent)
	}
	if r, _, ok := region.Host(c.host); ok {
		add(SourceHost, r)
	}
	for _, r := range region.Mentioned(doc.Title + "\n" + doc.Text) {
		add(SourceTextPlace, r)
	}
	return names, regions
}

// selfWords are how a text refers to its own place, by level.
var selfWords = []struct {
	word  string
	level region.Level
	ends  string // the suffix the place's name ends with
}{
	{"我市", region.City, "市"}, {"我县", region.County, "县"}, {"我区", region.County, "区"},
	{"我州", region.City, "州"}, {"我旗", region.County, "旗"}, {"我省", region.Province, "省"},
}

// minSelfMentions is how often a text must call its place 我市/我县 …
// before the place it names most at that level is taken for its own.
const minSelfMentions = 2

// selfPlace returns the place a text that speaks of 我市 (我县 …; only the
// given word when one is given) names most often at that level: 驻马店市 in a
// text about 我市 that names 驻马店市 five times and 郑州市 once.
func selfPlace(text string, only ...string) (region.Region, bool) {
	var mentioned []region.Region
	for _, w := range selfWords {
		if len(only) > 0 && w.word != only[0] || strings.Count(text, w.word) < minSelfMentions {
			continue
		}
		if mentioned == nil {
			mentioned = region.Mentioned(text)
		}
		best, bestCount := region.Region{}, 0
		counted := map[string]bool{}
		for _, r := range mentioned {
			name := r.LocalName()
			if counted[name] || !strings.HasSuffix(name, w.ends) || (r.Level() != w.level && !(w.level == region.City && r.Level() == region.County)) {
				continue
			}
			counted[name] = true
			if n := strings.Count(text, name); n > bestCount {
				best, bestCount = r, n
			}
		}
		if bestCount > 0 {
			return best, true
		}
	}
	return region.Region{}, false
}

// signedDate returns the ISO date a document was signed, or "".
func signedDate(doc *Document) string {
	for _, d := range doc.Dates {
		if d.Role == RoleSigned {
			return d.Value
		}
	}
	return ""
}

// hostOf returns the host of a URL, or "".
func hostOf(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	return u.Hostname()
}
