// Package output writes the file a command was asked to write (--out,
// --chart, --report): through a temporary file renamed into place when the
// target is a regular file or does not exist yet, so a failed run never
// leaves half a file; straight into the target when it is anything else —
// /dev/null, a FIFO, a terminal, a symbolic link — which is never replaced.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is an output being written. Write to it, then Commit; Abort (or a
// Commit that fails) leaves the target as it was, when it was a regular file.
type File struct {
	*os.File
	target string // the name to rename the temporary file to; "" when writing straight into it
	done   bool
}

// Create opens the output named name.
func Create(name string) (*File, error) {
	info, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist), err == nil && info.Mode().IsRegular():
		mode := fs.FileMode(0o644)
		if err == nil {
			mode = info.Mode().Perm()
		}
		tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
		if err != nil {
			return nil, err
		}
		if err := tmp.Chmod(mode); err != nil { // CreateTemp makes it private
			tmp.Close()
			os.Remove(tmp.Name())
			return nil, err
		}
		return &File{File: tmp, target: name}, nil
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, fmt.Errorf("%s is a directory", name)
	}
	// A device, a FIFO, a socket or a symbolic link: written through, never replaced.
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return nil, err
	}
	return &File{File: f}, nil
}

// Commit finishes the output: closes it and, if written to a temporary
// file, renames that into place.
func (f *File) Commit() error {
	if f.done {
		return errors.New("output: committed twice")
	}
	f.done = true
	err := f.File.Close()
	if f.target == "" {
		return err
	}
	if err == nil {
		err = os.Rename(f.File.Name(), f.target)
	}
	if err != nil {
		os.Remove(f.File.Name())
	}
	return err
}

// Abort gives the output up: the temporary file is removed and the target
// left as it was. After Commit it does nothing, so it can be deferred.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	if f.target != "" {
		os.Remove(f.File.Name())
	}
}
