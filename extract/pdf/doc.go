// Package pdf reads the text of PDF files: paragraphs in reading order, without running headers,
// footers and page numbers, and with a warning for each page whose text cannot be read.
//
// Text is placed on the page from the content stream's positioned runs (parsing and decoding with
// github.com/ledongthuc/pdf, positions and fonts computed here), grouped into lines and then into
// paragraphs by geometry: a paragraph ends where a line stops short of the right margin, before an
// indented line, a vertical gap, a change of font size or a numbered heading (一、 （一） 第一章).
// Lines of a paragraph are joined without a space between Chinese characters and with one between
// Latin words, so "…取得积极\n成效。" reads "…取得积极成效。".
//
// Running headers and footers are lines repeated (digits aside) at the top or bottom of most pages,
// and page numbers such as "— 3 —", "- 3 -", "第3页 共10页" or "3/10"; both are dropped.
//
// Each page's text is checked before use. A page with more than 10% garbage (U+FFFD, private-use
// characters, "(cid:N)", control characters, GBK bytes read as Latin-1) is left out and named in a
// warning; a page without text is named too. A file with no readable page is an error wrapping
// ErrNoText, never an empty document. Fonts with predefined Chinese CMaps and no ToUnicode map
// (GBK-EUC-H, UniGB-UCS2-H, UniGB-UTF16-H, ETen-B5-H, …) are decoded from their GBK, UCS-2 or Big5
// codes.
package pdf
