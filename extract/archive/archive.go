// Package archive lists the files inside a .zip or .rar archive, bounded against bombs: at most
// Limits.Files files, each at most Limits.FileSize bytes and all together Limits.Total bytes once
// unpacked, enforced by a limiting reader while unpacking (the sizes an archive declares are not
// trusted).
//
// Names are decoded as UTF-8 when they are valid UTF-8, else as GB18030: Chinese Windows tools
// write GBK names without the zip's UTF-8 flag, and RAR 4 stores such OEM names beside (or
// instead of) Unicode ones. Directories, macOS resource forks (__MACOSX/, ._*) and desktop litter
// (.DS_Store, Thumbs.db) are left out; encrypted files are skipped with a note.
package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Limits bound what one archive may expand to.
type Limits struct {
	Files    int   // files
	FileSize int64 // bytes of one file, inflated
	Total    int64 // bytes of all files, inflated
}

// DefaultLimits are generous for bundles of reports and small for a bomb.
var DefaultLimits = Limits{Files: 1000, FileSize: 256 << 20, Total: 1 << 30}

// File is one file inside an archive.
type File struct {
	Path string // its path inside the archive, decoded
	Body []byte
}

// ErrTooLarge is wrapped by errors for archives beyond the limits.
var ErrTooLarge = errors.New("archive too large")

// Zip returns the files of the zip archive in body, in archive order, and notes on files left
// out (encrypted, unreadable). Beyond a limit it stops with an error wrapping ErrTooLarge.
func Zip(body []byte, lim Limits) (files []File, notes []string, err error) {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, nil, fmt.Errorf("not a zip archive: %w", err)
	}
	total := int64(0)
	for _, f := range zr.File {
		name := Name(f)
		if f.FileInfo().IsDir() || litter(name) {
			continue
		}
		if len(files) >= lim.Files {
			return nil, nil, fmt.Errorf("%w: more than %d files", ErrTooLarge, lim.Files)
		}
		if f.Flags&1 != 0 {
			notes = append(notes, name+": encrypted, skipped")
			continue
		}
		rc, err := f.Open()
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: %v, skipped", name, err))
			continue
		}
		data, err := readLimited(rc, name, min(lim.FileSize, lim.Total-total))
		rc.Close()
		if errors.Is(err, ErrTooLarge) {
			return nil, nil, err
		}
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: %v, skipped", name, err))
			continue
		}
		total += int64(len(data))
		files = append(files, File{Path: name, Body: data})
	}
	return files, notes, nil
}

// readLimited reads r to its end, or fails with an error wrapping ErrTooLarge once it gives more
// than limit bytes.
func readLimited(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: %s unpacks past %d bytes", ErrTooLarge, name, limit)
	}
	return data, err
}

// Name returns a zip entry's name decoded: UTF-8 when it is valid UTF-8 (whatever the flag says:
// tools write UTF-8 without it), else GB18030.
func Name(f *zip.File) string {
	return cleanName(f.Name)
}

// cleanName decodes a name stored as bytes (UTF-8, else GB18030) and makes it a relative path
// with forward slashes that cannot climb out of the archive.
func cleanName(name string) string {
	if !utf8.ValidString(name) {
		if s, err := simplifiedchinese.GB18030.NewDecoder().String(name); err == nil {
			name = s
		}
	}
	return strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(name, "\\", "/")), "/")
}

func litter(name string) bool {
	base := path.Base(name)
	return strings.HasPrefix(name, "__MACOSX/") || strings.HasPrefix(base, "._") || base == ".DS_Store" || base == "Thumbs.db"
}
