package export

import (
	"io"
	"reflect"

	"github.com/parquet-go/parquet-go"
)

// parquetRowGroup is the number of rows buffered before a row group is
// written: memory stays bounded, and readers can skip groups.
const parquetRowGroup = 8192

type parquetEncoder[T any] struct {
	w   *parquet.GenericWriter[T]
	buf []T
}

func newParquetEncoder[T any](w io.Writer) *parquetEncoder[T] {
	pw := parquet.NewGenericWriter[T](w,
		parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(parquetRowGroup),
		parquet.CreatedBy("gongwen", "", ""),
	)
	return &parquetEncoder[T]{w: pw, buf: make([]T, 0, 256)}
}

func (e *parquetEncoder[T]) write(row T) error {
	e.buf = append(e.buf, row)
	if len(e.buf) == cap(e.buf) {
		return e.flush()
	}
	return nil
}

func (e *parquetEncoder[T]) flush() error {
	_, err := e.w.Write(e.buf)
	clear(e.buf) // drop the strings the buffer holds
	e.buf = e.buf[:0]
	return err
}

func (e *parquetEncoder[T]) close() error {
	if err := e.flush(); err != nil {
		return err
	}
	return e.w.Close()
}

// dynamicParquetEncoder writes rows of a struct type built at run time,
// passed as any; the schema comes from the type's parquet tags.
type dynamicParquetEncoder struct {
	w *parquet.Writer
}

func newDynamicParquetEncoder(w io.Writer, t reflect.Type) *dynamicParquetEncoder {
	schema := parquet.SchemaOf(reflect.New(t).Elem().Interface())
	pw := parquet.NewWriter(w, schema,
		parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(parquetRowGroup),
		parquet.CreatedBy("gongwen", "", ""),
	)
	return &dynamicParquetEncoder{w: pw}
}

func (e *dynamicParquetEncoder) write(row any) error { return e.w.Write(row) }
func (e *dynamicParquetEncoder) close() error        { return e.w.Close() }
