// Package extract turns what Chinese governments publish (HTML pages, PDF,
// DOCX and plain-text files) into a Document: clean text, metadata, document
// numbers, dates and named numeric indicators, as in ../shared/CONTRACT.md.
//
// Reading is split by format (extract/html, extract/pdf, extract/docx); the
// recognisers (extract/docnum, extract/date, extract/quantity,
// extract/indicator) are pure functions over text. Input may be UTF-8, GBK or
// GB18030; output text is always UTF-8. This package never opens a URL.
package extract
