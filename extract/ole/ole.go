// Package ole reads OLE compound files, the container of Word 97–2003 (.doc), Excel 97–2003 (.xls)
// and WPS (.wps, .et) files: their root streams and the title and author of their summary.
//
// The container is read by github.com/richardlehane/mscfb; the summary property set here.
package ole

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/ianaindex"
)

// Magic starts every compound file.
const Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// MaxStream bounds the size of one stream read into memory.
const MaxStream = 256 << 20

// File is what Read took from a compound file.
type File struct {
	Streams map[string][]byte // root streams by name, those asked for that exist
	Title   string            // from the summary information, "" if none
	Author  string
	Created time.Time // zero if unknown
}

// Names lists the names of the root streams and storages of the compound file in body.
func Names(body []byte) (names []string, err error) {
	defer func() {
		if r := recover(); r != nil { // mscfb panics on some malformed input
			names, err = nil, fmt.Errorf("malformed OLE compound file: %v", r)
		}
	}()
	doc, err := mscfb.New(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("not an OLE compound file: %w", err)
	}
	for f, err := doc.Next(); err == nil; f, err = doc.Next() {
		if len(f.Path) == 0 {
			names = append(names, f.Name)
		}
	}
	return names, nil
}

// Read returns the named root streams of the compound file in body, and its summary.
func Read(body []byte, streams ...string) (file *File, err error) {
	defer func() {
		if r := recover(); r != nil {
			file, err = nil, fmt.Errorf("malformed OLE compound file: %v", r)
		}
	}()
	doc, err := mscfb.New(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("not an OLE compound file: %w", err)
	}
	file = &File{Streams: map[string][]byte{}}
	want := map[string]bool{"SummaryInformation": true} // mscfb drops the leading \x05
	for _, s := range streams {
		want[s] = true
	}
	for f, err := doc.Next(); err == nil; f, err = doc.Next() {
		if len(f.Path) != 0 || !want[f.Name] {
			continue
		}
		if f.Size > MaxStream || f.Size < 0 {
			return nil, fmt.Errorf("stream %s of %d MB is too large", f.Name, f.Size>>20)
		}
		buf := make([]byte, f.Size)
		if _, err := io.ReadFull(f, buf); err != nil {
			return nil, fmt.Errorf("malformed OLE compound file: stream %s: %w", f.Name, err)
		}
		if f.Name == "SummaryInformation" {
			file.summary(buf)
			continue
		}
		file.Streams[f.Name] = buf
	}
	return file, nil
}

// Property ids of the summary information (MS-OLEPS 2.25.1).
const (
	pidCodePage = 1
	pidTitle    = 2
	pidAuthor   = 4
	pidCreated  = 12
)

// summary reads the title, author and creation time of a SummaryInformation property set. A
// malformed set is ignored: the summary is a nicety.
func (f *File) summary(d []byte) {
	if len(d) < 48 || binary.LittleEndian.Uint32(d[24:]) == 0 {
		return
	}
	sec := int(binary.LittleEndian.Uint32(d[44:]))
	if sec < 0 || sec+8 > len(d) {
		return
	}
	n := int(binary.LittleEndian.Uint32(d[sec+4:]))
	props := map[uint32]int{}
	for i := 0; i < n && i < 1000 && sec+8+8*i+8 <= len(d); i++ {
		p := sec + 8 + 8*i
		props[binary.LittleEndian.Uint32(d[p:])] = sec + int(binary.LittleEndian.Uint32(d[p+4:]))
	}
	codepage := 0
	if off, ok := props[pidCodePage]; ok && off >= 0 && off+6 <= len(d) {
		codepage = int(binary.LittleEndian.Uint16(d[off+4:]))
	}
	f.Title = stringProp(d, props, pidTitle, codepage)
	f.Author = stringProp(d, props, pidAuthor, codepage)
	if off, ok := props[pidCreated]; ok && off >= 0 && off+12 <= len(d) && binary.LittleEndian.Uint32(d[off:]) == 0x40 {
		ft := int64(binary.LittleEndian.Uint64(d[off+4:])) // 100 ns since 1601
		if ft > 0 {
			f.Created = time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(ft/10000) * time.Millisecond)
		}
	}
}

// stringProp reads a VT_LPSTR (in the set's code page) or VT_LPWSTR property.
func stringProp(d []byte, props map[uint32]int, id uint32, codepage int) string {
	off, ok := props[id]
	if !ok || off < 0 || off+8 > len(d) {
		return ""
	}
	typ := binary.LittleEndian.Uint32(d[off:])
	n := int(binary.LittleEndian.Uint32(d[off+4:]))
	body := d[off+8:]
	var s string
	switch typ {
	case 0x1E: // VT_LPSTR
		if n < 0 || n > len(body) {
			return ""
		}
		s, _ = Decode(body[:n], codepage)
	case 0x1F: // VT_LPWSTR, n characters
		if n < 0 || 2*n > len(body) {
			return ""
		}
		u := make([]uint16, n)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(body[2*i:])
		}
		s = string(utf16.Decode(u))
	}
	return strings.TrimSpace(strings.TrimRight(s, "\x00"))
}

// Decode decodes bytes in a Windows code page (936 GBK, 950 Big5, 1252 …); UTF-8 for 65001. An
// unknown code page is read as GB18030, which Chinese documents use and which keeps ASCII.
func Decode(b []byte, codepage int) (string, error) {
	switch codepage {
	case 65001:
		return string(b), nil
	case 1200:
		return "", errors.New("UTF-16 code page in a byte string")
	}
	name := "GB18030"
	switch codepage {
	case 950:
		name = "Big5"
	case 1252:
		name = "windows-1252"
	case 1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258:
		name = fmt.Sprintf("windows-%d", codepage)
	case 932:
		name = "Shift_JIS"
	case 949:
		name = "EUC-KR"
	}
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return string(b), err
	}
	out, err := enc.NewDecoder().Bytes(b)
	return string(out), err
}
