// Package index keeps extracted documents in a bleve index on local disk and
// searches them in Chinese: words, phrases, fields, filters, facets and
// numeric indicators.
//
// # Layout
//
// A data directory (gongwen-data by default) holds the index in DIR/index.
// The index records its format (Format); Open refuses an index of another
// format with an error that says what to run. Create opens it for writing
// (one process at a time); Open opens it read-only, and several searching
// processes may share it.
//
//	ix, err := index.Create("gongwen-data")
//	b := ix.NewBatch()
//	change, err := b.Add(doc) // Added, Updated or Unchanged (same id and ContentHash)
//	err = b.Commit()          // one transaction: a crash keeps all of it or none
//
//	ix, err := index.Open("gongwen-data")
//	res, err := ix.Search(ctx, index.Query{Text: `行政复议 -撤销 year:2023`, Region: "河南省"})
//	doc, err := ix.Document(res.Hits[0].ID)                        // the full extracted JSON
//	vals, err := ix.Indicators(ctx, index.IndicatorFilter{Name: "调解成功率", Op: ">=", Value: 95}, 100)
//	err = ix.Each(ctx, index.Query{Year: 2024}, func(d *extract.Document) error { … }) // every match, for exports
//
// # Analysis
//
// Text is cut by gse in search mode (segment.Segmenter.Tokens): each word,
// its characters and the dictionary words inside it, so that 处理 finds
// 待处理, 农业 finds 中国农业发展银行, and any piece of text finds the
// documents that contain it (TestSubstringRecall). The analyzer is
// registered in bleve's registry as AnalyzerName; queries go through the
// same analyzer. Token positions are character offsets, so every word and
// phrase of a query is matched as a phrase: a document matches when it
// contains the query's characters in order, whichever way gse cut either
// text. Each two Chinese characters side by side are also indexed as a
// pair, a term at the first one's position: the phrase is built from the
// pairs (and single tokens where there is no pair), whose posting lists are
// far shorter than those of single characters, and the query's words are
// optional clauses that raise the score of documents that have them as
// words (Index.phrase). Token offsets are exact byte offsets, so highlights
// mark exactly the matched characters.
//
// # Records
//
// Each document is one bleve record (type "doc"): title (boosted), text,
// issuer (searched, and exact for facets), region, kind, report_year, main
// date, dates, doc_numbers (normalised: 国发[2024]1号 = 国发〔2024〕1号),
// metadata, url, the content hash and the whole extracted JSON (stored). Each
// indicator is a record of its own (type "indicator", id DOCID#N): name,
// value, unit, kind, parent id, issuer, region, year (issuer and year in
// fields of their own, so that the documents' facets do not read them);
// replacing a document deletes its old ones.
//
// # Regions
//
// The region is the division of the issuer (extract/region, GB/T 2260). The
// region facet counts a document at the level of a city: 河南省开封市 for
// the city's bodies and for its districts, counties and townships alike; a
// municipality's district (上海市杨浦区) or a county directly under its
// province (湖北省仙桃市) where there is no city in between; the province
// for a provincial body (湖北省, 上海市); national bodies not at all. The
// region filter (Query.Region) finds the documents in a division and in
// every division inside it, by any name or code:
//
//	河南省 河南 410000 41          Henan, with 开封市, 驻马店市 and their counties
//	河南省开封市 开封市 410200     开封市 (the facet's term, a name, or a code)
//	上海市杨浦区 杨浦区 310110     the district and its streets
//
// # Query language (Query.Text)
//
//	行政复议 调解             both words (each anywhere: title, text, issuer, metadata)
//	"法治政府建设"           an exact phrase
//	-撤销                   without this word
//	title:报告 issuer:驻马店   in one field
//	docnum:国发〔2024〕1号     a document number (any bracket form; without 号: a prefix)
//	year:2024 year:2020-2023  report year
//
// An empty text lists every document, newest first; filters still apply.
// A text of only punctuation is ErrNoWords; one longer than MaxQueryLen
// characters is ErrQueryTooLong.
package index
