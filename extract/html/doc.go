// Package html reads Chinese government web pages: it decodes them (UTF-8,
// GBK, GB18030) and returns the title, 信息公开 metadata, body text and attachments.
//
// Decoding follows the browsers' order with fixes for real pages: byte
// order mark, HTTP charset, a <meta> anywhere in <head> (late ones too),
// then a detector; every GB2312/GBK label decodes as GB18030, and when two
// declarations disagree the decoding without U+FFFD wins. Valid UTF-8 with
// non-ASCII text is always UTF-8: GB18030 would turn it into mojibake
// without a single U+FFFD, so a wrong gbk label cannot be caught otherwise.
//
// Metadata is found by its labels, not by per-site selectors:
// "索 引 号：", "<b>发文字号：</b></td><td>…", "<strong>发布机构</strong>：…",
// "<dt>成文日期</dt><dd>…" all give one canonical key (see extract/meta),
// with dates as ISO 2006-01-02 and placeholders such as 无 dropped. Meta
// tags (ArticleTitle, PubDate, ContentSource) only fill gaps. Metadata is
// read before boilerplate is removed, because its labels (发布日期, 来源)
// look like noise.
//
// The body is the first known CMS container (div.TRS_Editor, #UCAP-CONTENT,
// #zoom …, govsites.md §5) with at least 100 Han characters, else the block
// where running text is densest. Text keeps paragraphs as lines and table
// rows as lines of tab-separated cells (merged cells leave empty cells, so
// columns stay aligned); scripts, styles, navigation, share and print
// tools and footers (ICP备, 网站标识码 …) are left out.
//
// Attachments are links to pdf, doc, docx, wps, ofd, xls, xlsx and zip
// files anywhere on the page (href, src, data-file, data-url, data-src;
// never the stale oldsrc), made absolute and deduplicated; pdf.js
// viewer.html?file= wrappers are unwrapped. A file is named by its anchor
// text, else by its file name.
//
// Read never panics; it fails only on an empty page, on a file that is no
// web page (a PDF, DOCX or DOC saved as .html, other binary data) or on one
// it cannot decode.
package html
