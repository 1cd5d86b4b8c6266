// Package pdf reads the text and tables of PDF files: paragraphs in reading order, without running
// headers, footers and page numbers, tables as grids, and a warning for each page whose text cannot
// be read.
//
// Parsing and decompression are done by github.com/ledongthuc/pdf; the content streams are
// interpreted here, so every run of text has its position, font size and width. Runs on one baseline
// make a line (a gap much wider than text spacing becomes a tab: table rows come out as
// "自然资源\t58\t33.7%", and text wrapped inside a cell is put back into it). Lines make paragraphs
// by geometry: a paragraph ends where a line stops short of the right margin, before an indented
// line, a vertical gap, a change of font size, a numbered heading (一、 （一） 第一章) or a table row.
// Lines of a paragraph are joined without a space between Chinese characters and with one between
// Latin words, so "…取得积极\n成效。" reads "…取得积极成效。".
//
// Tables are rebuilt from the lines a page draws (cell borders) and the positions of their text, or
// from aligned columns of text where no lines are drawn (table.go, texttable.go): merged cells, labels
// wrapped inside their cell and tables continued on the next page are put together, and Result.Tables
// holds each grid with its caption, page and offset in the text. In the text a table row is one line,
// its cells separated by tabs. Text outside the page or clipped away is not read.
//
// Running headers and footers are lines repeated (digits aside) at the top or bottom of most pages,
// and page numbers such as "— 3 —", "- 3 -", "第3页 共10页" or "3/10"; both are dropped.
//
// Text comes from each font's ToUnicode map (parsed here). Without one, fonts with a predefined
// Chinese CMap (GBK-EUC-H, UniGB-UCS2-H, UniGB-UTF16-H, ETen-B5-H, …) are decoded from their GBK,
// UCS-2 or Big5 codes, CID fonts of the Adobe-GB1 collection through Adobe's CID-to-Unicode table
// (embedded, cmaps/), and simple fonts from their encoding. CJK radicals that some producers map
// glyphs to (⻘ for 青) are replaced with the ideographs.
//
// Each page's text is checked before use. A page with more than 10% garbage (U+FFFD, private-use
// characters, "(cid:N)", control characters, GBK bytes read as Latin-1) is left out and named in a
// warning, and so is a page without text or with a broken content stream. A file with no readable
// page is an error wrapping ErrNoText, never an empty document.
//
// Malformed files are errors, never panics: the library's panics are recovered, and numbers it would
// trust blindly (cross-reference sizes, /Count, loops of /Prev links and of the page tree, a hex
// string left open at the end of a content stream, forms drawing forms) are checked first.
//
// Not handled: multi-column layouts (columns are read across), vertical or rotated text, encrypted
// files with a user password, text in annotations, files that need their cross-reference table
// rebuilt. Scanned pages need OCR elsewhere.
package pdf
