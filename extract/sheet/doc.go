// Package sheet reads spreadsheets — Excel .xlsx, legacy .xls (BIFF8) and WPS .et, which is one of
// the two inside — as documents whose sheets are tables.
//
// Each sheet becomes one table.Table (Caption = the sheet's name) whose grid is the sheet's used
// range without empty rows and columns; a merged range repeats its text in every position it covers
// (table.Grid). Numbers are written as plain numbers whatever their display format (1,234.50 →
// 1234.5; a percentage format as 12.5%), dates and times as ISO dates (2024-03-31, 2024-03-31 08:30).
// The text of the workbook is every sheet's rows, one line a row with a tab between cells (a merged
// range's text written once), sheets separated by a blank line, so a search finds every cell.
//
// XLSX is read with github.com/xuri/excelize; XLS with its own BIFF8 record reader on top of
// github.com/richardlehane/mscfb (the OLE compound file). Cached formula results are read, formulas
// are not evaluated. Encrypted workbooks, BIFF5 (Excel 5.0/95) and older files are errors.
//
//	wb, err := sheet.ReadXLSX(body) // wb.Tables[0].Rows[0] = ["指标", "2023年", "2024年"]
package sheet
