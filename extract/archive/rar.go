package archive

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/nwaples/rardecode/v2"
)

// maxDictionary bounds the window a RAR file may ask to be unpacked with. The library allocates
// it whole before the first byte, so a tiny file must not make it allocate gigabytes; WinRAR's
// default is 32 MB, and the library never gives a file that is not solid a window larger than
// the file.
const maxDictionary = 256 << 20

// Rar returns the files of the RAR archive (RAR 4 or RAR 5) in body, in archive order, and notes
// on files left out (encrypted, links, unreadable). Files are unpacked one after the other, as a
// solid archive must be. An archive whose file list is encrypted, one part of a multi-volume
// archive, or a truncated or damaged one is an error; beyond a limit it stops with an error
// wrapping ErrTooLarge.
func Rar(body []byte, lim Limits) (files []File, notes []string, err error) {
	defer func() {
		if r := recover(); r != nil { // the library has panicked on malformed data before
			files, notes, err = nil, nil, fmt.Errorf("damaged RAR archive: the reader failed: %v", r)
		}
	}()
	rr, err := rardecode.NewReader(bytes.NewReader(body), rardecode.MaxDictionarySize(maxDictionary))
	if err != nil {
		return nil, nil, rarError(err)
	}
	total := int64(0)
	for {
		h, err := rr.Next()
		if err == io.EOF {
			return files, notes, nil
		}
		if err != nil {
			return nil, nil, rarError(err)
		}
		name := cleanName(h.Name)
		if h.IsDir || litter(name) {
			continue
		}
		if len(files) >= lim.Files {
			return nil, nil, fmt.Errorf("%w: more than %d files", ErrTooLarge, lim.Files)
		}
		switch {
		case h.Encrypted:
			notes = append(notes, name+": encrypted, skipped")
			continue
		case h.LinkType == rardecode.LinkTypeFileCopy:
			notes = append(notes, fmt.Sprintf("%s: a copy of %s, skipped", name, cleanName(h.LinkTarget)))
			continue
		case h.LinkType != rardecode.LinkTypeNone:
			notes = append(notes, fmt.Sprintf("%s: a link to %s, skipped", name, h.LinkTarget))
			continue
		}
		data, err := readLimited(rr, name, min(lim.FileSize, lim.Total-total))
		switch {
		case errors.Is(err, ErrTooLarge):
			return nil, nil, err
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, rardecode.ErrMultiVolume):
			return nil, nil, rarError(err)
		case err != nil:
			notes = append(notes, fmt.Sprintf("%s: %v, skipped", name, err))
			continue
		}
		total += int64(len(data))
		files = append(files, File{Path: name, Body: data})
	}
}

// rarError says what a reader's error means for the archive as a whole.
func rarError(err error) error {
	switch {
	case errors.Is(err, rardecode.ErrArchiveEncrypted):
		return errors.New("encrypted RAR archive (its file list too): not read; unpack it with its password first")
	case errors.Is(err, rardecode.ErrMultiVolume), errors.Is(err, rardecode.ErrBadVolumeNumber):
		return errors.New("one part of a multi-volume RAR archive: not read; unpack all its parts together first")
	case errors.Is(err, rardecode.ErrInvalidFileBlock):
		return errors.New("a RAR file continued from another part (of a multi-volume archive) or a damaged archive: not read")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("truncated RAR archive (cut short in a download?)")
	case errors.Is(err, rardecode.ErrDictionaryTooLarge):
		return fmt.Errorf("%w: a RAR file unpacked with a window above %d MB", ErrTooLarge, maxDictionary>>20)
	}
	return fmt.Errorf("damaged RAR archive: %w", err)
}
