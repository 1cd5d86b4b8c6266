// Package docx reads the text of Word (.docx) files: the body of word/document.xml, one paragraph a
// line, each table row a line with a tab between cells.
//
// Only the standard library is used (archive/zip and encoding/xml). Text comes from w:t elements; w:tab
// becomes a tab, w:br and w:cr a line break (a space inside a table cell), and w:noBreakHyphen a hyphen.
// Deleted text (w:delText), field codes (w:instrText) and the fallback copy of alternate content
// (mc:Fallback, which repeats the text of a text box) are left out, as are empty paragraphs; spaces
// around a paragraph are trimmed. Automatically numbered paragraphs get the label Word shows
// ("一、", "（二）", "3."), counted from word/numbering.xml and the paragraph styles of
// word/styles.xml; bullets are left out. Headers, footers, footnotes and comments live in other parts
// and are not read.
//
//	res, err := docx.Read(body) // res.Text: "标题\n第一段……\n项目\t数量\n受理案件\t49545\n", res.Tables: the grid
package docx
