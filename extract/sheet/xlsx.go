package sheet

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads an Excel 2007+ workbook (.xlsx, and .et files that WPS saved as one).
func ReadXLSX(body []byte) (wb *Workbook, err error) {
	defer func() {
		if r := recover(); r != nil { // excelize panics on some malformed input
			wb, err = nil, fmt.Errorf("malformed XLSX: %v", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(body), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    256 << 20,
		UnzipXMLSizeLimit: 64 << 20,
	})
	if err != nil {
		return nil, fmt.Errorf("not an XLSX workbook: %w", err)
	}
	defer f.Close()
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, fmt.Errorf("XLSX workbook properties: %w", err)
	}
	date1904 := props.Date1904 != nil && *props.Date1904
	var b book
	if dp, err := f.GetDocProps(); err == nil {
		b.wb.Title = dp.Title
	}
	formats := map[int]string{} // style id → number format code
	formatOf := func(style int) string {
		code, ok := formats[style]
		if !ok {
			if s, err := f.GetStyle(style); err == nil {
				if s.CustomNumFmt != nil {
					code = *s.CustomNumFmt
				} else {
					code = builtinFormats[s.NumFmt]
				}
			}
			formats[style] = code
		}
		return code
	}
	for _, name := range f.GetSheetList() {
		g, err := readXLSXSheet(f, name, date1904, formatOf)
		if err != nil {
			return nil, fmt.Errorf("XLSX sheet %q: %w", name, err)
		}
		if err := b.add(g); err != nil {
			return nil, fmt.Errorf("XLSX %w", err)
		}
	}
	return b.workbook(), nil
}

func readXLSXSheet(f *excelize.File, name string, date1904 bool, formatOf func(int) string) (*grid, error) {
	g := newGrid(name)
	rows, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for r := 0; rows.Next(); r++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		for c, v := range cols {
			if v == "" {
				continue
			}
			if len(g.cells) >= maxCells {
				return nil, fmt.Errorf("more than %d cells", maxCells)
			}
			g.set(r, c, xlsxValue(f, name, r, c, v, date1904, formatOf))
		}
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		g.merges = append(g.merges, area{pos{r0 - 1, c0 - 1}, pos{r1 - 1, c1 - 1}})
	}
	return g, nil
}

// xlsxValue turns a raw cell value into text: a number by its number format, anything else as it is.
func xlsxValue(f *excelize.File, sheet string, r, c int, raw string, date1904 bool, formatOf func(int) string) string {
	cell, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return raw
	}
	if t, err := f.GetCellType(sheet, cell); err != nil || (t != excelize.CellTypeNumber && t != excelize.CellTypeUnset) {
		return raw
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return raw
	}
	style, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return plain(v)
	}
	return number(v, formatOf(style), date1904)
}
