package export

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/form"
	"github.com/gongwen/gongwen/index"
)

// Panel lays a national form out across reports: one row per report that
// fills the form — who filed it (issuer and region), for which year, where
// it was read — then one column per key of the form in the layout's order
// (a key the report does not fill is empty), then the checks that failed
// and the warnings.
type Panel struct {
	Layout *form.Layout
	typ    reflect.Type
}

// panelHead are the columns before the keys.
var panelHead = []struct{ name, kind, width string }{
	{"doc_id", "string", "18"}, {"issuer", "string", "24"}, {"region_code", "string?", "11"},
	{"province_code", "string?", "11"}, {"province", "string?", "12"}, {"city_code", "string?", "11"},
	{"city", "string?", "14"}, {"county_code", "string?", "11"}, {"county", "string?", "14"},
	{"township", "string?", "14"}, {"report_year", "int?", "11"}, {"edition", "int", "8"},
	{"url", "string?", "40"}, {"file", "string?", "24"}, {"title", "string", "50"},
}

// panelTail are the columns after the keys.
var panelTail = []struct{ name, kind, width string }{
	{"failed_checks", "string?", "40"}, {"warnings", "string?", "40"},
}

// NewPanel returns the panel of the form named name (xxgk-annual-report).
func NewPanel(name string) (*Panel, error) {
	var known []string
	for _, l := range form.Layouts() {
		if l.Form == name {
			return &Panel{Layout: l, typ: panelType(l)}, nil
		}
		known = append(known, l.Form)
	}
	return nil, fmt.Errorf("export: unknown form %q; gongwen knows %s", name, strings.Join(known, ", "))
}

// panelType builds the row type of a panel: a field per column, tagged
// like IndicatorRow so that every format names and types it the same way.
func panelType(l *form.Layout) reflect.Type {
	var fields []reflect.StructField
	add := func(name, kind, width string) {
		var t reflect.Type
		optional := strings.HasSuffix(kind, "?")
		switch strings.TrimSuffix(kind, "?") {
		case "string":
			t = reflect.TypeFor[string]()
		case "int":
			t = reflect.TypeFor[int]()
		case "number":
			t = reflect.TypeFor[*float64]() // nil: the report does not fill the key
			optional = true
		}
		jsonTag, parquetTag := name, name
		if optional {
			jsonTag += ",omitempty"
			parquetTag += ",optional"
		}
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("F%d", len(fields)),
			Type: t,
			Tag:  reflect.StructTag(fmt.Sprintf(`json:%q parquet:%q width:%q`, jsonTag, parquetTag, width)),
		})
	}
	for _, c := range panelHead {
		add(c.name, c.kind, c.width)
	}
	for _, k := range l.Keys {
		add(k, "number", "12")
	}
	for _, c := range panelTail {
		add(c.name, c.kind, c.width)
	}
	return reflect.StructOf(fields)
}

// Columns returns the names of the panel's columns, in order.
func (p *Panel) Columns() []string {
	cols, _ := columnsOf(p.typ)
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

// NewWriter returns a Writer of the panel's rows to w in format f.
func (p *Panel) NewWriter(w io.Writer, f Format) (*Writer[any], error) {
	return newWriterOf(w, f, p.typ, p.Layout.Form)
}

// Rows returns the rows of a document: one for each of its forms of the
// panel's kind (a report fills one).
func (p *Panel) Rows(doc *extract.Document) []any {
	var out []any
	for _, f := range doc.Forms {
		if f.Form != p.Layout.Form {
			continue
		}
		d := NewDocumentRow(doc)
		row := reflect.New(p.typ).Elem()
		i := 0
		set := func(v any) {
			row.Field(i).Set(reflect.ValueOf(v))
			i++
		}
		for _, v := range []any{d.DocID, d.Issuer, d.RegionCode, d.ProvCode, d.Province, d.CityCode, d.City,
			d.CountyCode, d.County, d.Township, d.ReportYear, f.Edition, d.URL, d.File, d.Title} {
			set(v)
		}
		for _, k := range p.Layout.Keys {
			if v, ok := f.Values[k]; ok {
				set(&v)
			} else {
				set((*float64)(nil))
			}
		}
		var failed []string
		for _, c := range f.Checks {
			if !c.OK {
				failed = append(failed, fmt.Sprintf("%s (%s ≠ %s)", c.Check, number(c.Left), number(c.Right)))
			}
		}
		set(strings.Join(failed, "; "))
		set(strings.Join(f.Warnings, "; "))
		out = append(out, row.Interface())
	}
	return out
}

func number(v *float64) string {
	if v == nil {
		return ""
	}
	return text(*v)
}

// Forms writes a row for each report that matches q and fills the panel's
// form, in document id order. It calls done, if not nil, after each
// document, and returns the number of rows written.
func Forms(ctx context.Context, ix *index.Index, q index.Query, p *Panel, w *Writer[any], done func()) (int, error) {
	n := 0
	err := ix.Each(ctx, q, func(doc *extract.Document) error {
		for _, row := range p.Rows(doc) {
			if err := w.Write(row); err != nil {
				return err
			}
			n++
		}
		if done != nil {
			done()
		}
		return ctx.Err()
	})
	return n, err
}
