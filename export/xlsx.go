package export

import (
	"fmt"
	"io"
	"reflect"

	"github.com/xuri/excelize/v2"
)

// xlsxEncoder streams rows into one worksheet. excelize keeps the rows in a
// temporary file once they pass 16 MB and builds the workbook on close.
type xlsxEncoder[T any] struct {
	out   io.Writer
	file  *excelize.File
	sheet *excelize.StreamWriter
	cols  []column
	row   int // rows written, the header included
	cells []any
}

// xlsxMaxCell is the most characters an Excel cell holds.
const xlsxMaxCell = 32767

func newXLSXEncoder[T any](w io.Writer, cols []column, name string) (*xlsxEncoder[T], error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		f.Close()
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		f.Close()
		return nil, err
	}
	e := &xlsxEncoder[T]{out: w, file: f, sheet: sw, cols: cols, cells: make([]any, len(cols))}
	if err := e.header(); err != nil {
		f.Close()
		return nil, err
	}
	return e, nil
}

// header sets the column widths, freezes the first row and writes it in bold.
func (e *xlsxEncoder[T]) header() error {
	for i, c := range e.cols {
		if err := e.sheet.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	err := e.sheet.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err != nil {
		return err
	}
	bold, err := e.file.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, c := range e.cols {
		e.cells[i] = excelize.Cell{StyleID: bold, Value: c.name}
	}
	return e.setRow()
}

func (e *xlsxEncoder[T]) write(row T) error {
	if e.row >= excelize.TotalRows {
		return fmt.Errorf("xlsx: a worksheet holds at most %d rows; export to csv or parquet instead", excelize.TotalRows-1)
	}
	v := reflect.ValueOf(row)
	for i, c := range e.cols {
		val := c.value(v)
		if s, ok := val.(string); ok && len(s) > xlsxMaxCell {
			r := []rune(s)
			if len(r) > xlsxMaxCell {
				val = string(r[:xlsxMaxCell-1]) + "…"
			}
		}
		e.cells[i] = val
	}
	return e.setRow()
}

func (e *xlsxEncoder[T]) setRow() error {
	cell, err := excelize.CoordinatesToCellName(1, e.row+1)
	if err != nil {
		return err
	}
	if err := e.sheet.SetRow(cell, e.cells); err != nil {
		return err
	}
	e.row++
	return nil
}

func (e *xlsxEncoder[T]) close() error {
	defer e.file.Close() // removes the temporary files
	if err := e.sheet.Flush(); err != nil {
		return err
	}
	_, err := e.file.WriteTo(e.out)
	return err
}
