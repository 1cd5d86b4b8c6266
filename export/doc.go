// Package export writes the documents and indicators of the index as CSV,
// JSONL, XLSX or Parquet, and compares one indicator across places and years.
//
// # Rows
//
// An export has one row per indicator (IndicatorRow: the fact and the
// document it comes from, with the region of its issuer) or one row per
// document (DocumentRow). The json tags of the row types name the columns in
// every format; a column tagged omitempty is empty, absent or null when zero,
// so 0 is written only where it is a value.
//
// # Formats
//
//   - CSV: UTF-8 with a byte order mark (Excel then reads Chinese), RFC 4180
//     quoting (encoding/csv), numbers without exponents (177000000).
//   - JSONL: the rows as JSON objects, one per line, <>& unescaped.
//   - XLSX (excelize): one worksheet, numbers and booleans as typed cells, a
//     bold frozen header row, column widths set per column.
//   - Parquet (parquet-go): typed columns (string, int64, double, boolean),
//     Snappy-compressed, in row groups of 8192 rows; pandas, R arrow and
//     DuckDB read it.
//
// Writer encodes each row as it is written, so a large export keeps memory
// flat; only the XLSX workbook is zipped at the end.
//
// # From the index
//
// Indicators and Documents write the rows of the documents that match an
// index.Query, page by page (index.Each). Observations finds the values of an
// indicator through the index's Chinese analyzer (调解成功率 also finds
// 人民调解成功率) and reads their documents for the approximation mark and
// the region.
//
// # Comparing
//
// Compare lays the values of one indicator out as a table — rows are issuers
// or regions, columns are report years (ByYear turns it round) — and Chart
// draws it as SVG, ChartPNG as PNG: lines across the years, or horizontal
// bars for one year, each value written on the chart, in 万 or 亿 when the
// values are large, with a title and a line naming the documents and years.
// The SVG asks for Chinese fonts first (FontFamily) and estimates the width
// of its text; the PNG is drawn in Go (x/image: vector shapes, text with a
// font read by sfnt or freetype) in a Chinese font found on the machine
// (FindFont, fonts.tsv, $GONGWEN_FONT). ChartWidth fits a chart to a
// narrow screen (legend under the plot). Package web serves both.
//
// Regions come from extract/region: the issuer's division with GB/T 2260
// codes (驻马店市人民政府 → 411700 河南省驻马店市).
package export
