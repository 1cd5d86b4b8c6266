package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// Format is a file format of an export.
type Format string

// The export formats.
const (
	CSV     Format = "csv"     // UTF-8 with a byte order mark, RFC 4180 quoting, formula-safe cells
	JSONL   Format = "jsonl"   // one JSON object per line
	XLSX    Format = "xlsx"    // Excel workbook: typed cells, frozen header row
	Parquet Format = "parquet" // typed columns, Snappy-compressed
)

// Formats lists the formats in the order the usage text shows them.
var Formats = []Format{CSV, JSONL, XLSX, Parquet}

// ParseFormat returns the format named s (csv, jsonl, xlsx, parquet).
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	return "", fmt.Errorf("export: unknown format %q; use csv, jsonl, xlsx or parquet", s)
}

// Writer writes rows of one type (IndicatorRow or DocumentRow) in one format.
// Each row is encoded as it is written, so memory stays flat however many
// rows there are; Close writes what a format keeps to the end (the Parquet
// footer, the XLSX workbook). Close does not close the underlying writer.
type Writer[T any] struct {
	enc  encoder[T]
	rows int
}

type encoder[T any] interface {
	write(row T) error
	close() error
}

// NewWriter returns a Writer of rows of type T to w in format f. T must be
// a struct whose fields are strings, ints, float64s or bools; its json tags
// name the columns.
func NewWriter[T any](w io.Writer, f Format) (*Writer[T], error) {
	t := reflect.TypeFor[T]()
	cols, err := columnsOf(t)
	if err != nil {
		return nil, err
	}
	var enc encoder[T]
	switch f {
	case CSV:
		enc, err = newCSVEncoder[T](w, cols)
	case JSONL:
		enc = newJSONLEncoder[T](w)
	case XLSX:
		enc, err = newXLSXEncoder[T](w, cols, sheetName(t))
	case Parquet:
		enc = newParquetEncoder[T](w)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return nil, err
	}
	return &Writer[T]{enc: enc}, nil
}

// sheetName names the XLSX sheet of a row type: IndicatorRow → indicators.
func sheetName(t reflect.Type) string {
	if t.Name() == "" {
		return "rows"
	}
	return strings.ToLower(strings.TrimSuffix(t.Name(), "Row")) + "s"
}

// newWriterOf returns a Writer of rows of a struct type built at run time
// (reflect.StructOf: a panel with a column per key of a form), passed as
// any. sheet names the XLSX sheet.
func newWriterOf(w io.Writer, f Format, t reflect.Type, sheet string) (*Writer[any], error) {
	cols, err := columnsOf(t)
	if err != nil {
		return nil, err
	}
	var enc encoder[any]
	switch f {
	case CSV:
		enc, err = newCSVEncoder[any](w, cols)
	case JSONL:
		enc = newJSONLEncoder[any](w)
	case XLSX:
		enc, err = newXLSXEncoder[any](w, cols, sheet)
	case Parquet:
		enc = newDynamicParquetEncoder(w, t)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return nil, err
	}
	return &Writer[any]{enc: enc}, nil
}

// Write writes one row.
func (w *Writer[T]) Write(row T) error {
	if err := w.enc.write(row); err != nil {
		return fmt.Errorf("export: row %d: %w", w.rows+1, err)
	}
	w.rows++
	return nil
}

// Rows returns the number of rows written so far.
func (w *Writer[T]) Rows() int { return w.rows }

// Close finishes the file. The output is complete only when Close returns
// nil.
func (w *Writer[T]) Close() error {
	if err := w.enc.close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// column is one exported struct field.
type column struct {
	name      string
	index     int
	omitEmpty bool    // written empty when zero
	width     float64 // XLSX column width in characters
}

// columnsOf lists the columns of a row type from its json and width tags.
// A field is a string, an int, a float64, a bool, or a *float64 for a
// number that may be missing (written empty).
func columnsOf(t reflect.Type) ([]column, error) {
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("export: row type %v is not a struct", t)
	}
	var cols []column
	for i := range t.NumField() {
		f := t.Field(i)
		switch k := f.Type.Kind(); {
		case k == reflect.String, k == reflect.Int, k == reflect.Int64, k == reflect.Float64, k == reflect.Bool:
		case k == reflect.Pointer && f.Type.Elem().Kind() == reflect.Float64:
		default:
			return nil, fmt.Errorf("export: %v.%s: type %v cannot be a column", t, f.Name, f.Type)
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" {
			name = f.Name
		}
		width, _ := strconv.ParseFloat(f.Tag.Get("width"), 64)
		if width == 0 {
			width = 12
		}
		cols = append(cols, column{name: name, index: i, omitEmpty: opts == "omitempty", width: width})
	}
	return cols, nil
}

// value returns the typed value of column c in row v, or nil for an empty
// cell.
func (c column) value(v reflect.Value) any {
	f := v.Field(c.index)
	if c.omitEmpty && f.IsZero() {
		return nil
	}
	switch f.Kind() {
	case reflect.String:
		return f.String()
	case reflect.Int, reflect.Int64:
		return f.Int()
	case reflect.Float64:
		return f.Float()
	case reflect.Bool:
		return f.Bool()
	case reflect.Pointer:
		if f.IsNil() {
			return nil
		}
		return f.Elem().Float()
	}
	return nil // columnsOf admits no other kinds
}

// text formats a column value as CSV writes it: numbers without exponents,
// so 177000000 stays 177000000.
func text(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

type csvEncoder[T any] struct {
	w      *csv.Writer
	cols   []column
	record []string
}

func newCSVEncoder[T any](w io.Writer, cols []column) (*csvEncoder[T], error) {
	// The byte order mark makes Excel read the file as UTF-8.
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, err
	}
	e := &csvEncoder[T]{w: csv.NewWriter(w), cols: cols, record: make([]string, len(cols))}
	for i, c := range cols {
		e.record[i] = c.name
	}
	return e, e.w.Write(e.record)
}

func (e *csvEncoder[T]) write(row T) error {
	v := reflect.ValueOf(row)
	for i, c := range e.cols {
		e.record[i] = inert(text(c.value(v)))
	}
	return e.w.Write(e.record)
}

// inert keeps a spreadsheet from running a cell as a formula (CSV
// injection): text from a web page such as =HYPERLINK(…) gets a leading
// apostrophe, which Excel and LibreOffice show as text, as OWASP advises for
// cells starting with = + - @, a tab or a carriage return. Numbers, -5 and
// -0.5 included, are left as they are. Text that starts with apostrophes
// before such a character gets one more, so that dropping the first
// apostrophe of a cell that starts with one before = + - @ tab CR or another
// apostrophe always gives the text back.
func inert(s string) string {
	if needsApostrophe(s) {
		return "'" + s
	}
	return s
}

func needsApostrophe(s string) bool {
	quotes := len(s) - len(strings.TrimLeft(s, "'"))
	if quotes == len(s) || !strings.ContainsRune("=+-@\t\r", rune(s[quotes])) {
		return false
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil && quotes == 0 {
		return false
	}
	return true
}

func (e *csvEncoder[T]) close() error {
	e.w.Flush()
	return e.w.Error()
}

type jsonlEncoder[T any] struct{ enc *json.Encoder }

func newJSONLEncoder[T any](w io.Writer) *jsonlEncoder[T] {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonlEncoder[T]{enc: enc}
}

func (e *jsonlEncoder[T]) write(row T) error { return e.enc.Encode(row) }
func (e *jsonlEncoder[T]) close() error      { return nil }
