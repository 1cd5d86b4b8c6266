//go:build unix

package output

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func write(t *testing.T, name, text string) {
	t.Helper()
	f, err := Create(name)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, text)
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestRegularFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.csv")
	write(t, name, "new file")
	os.Chmod(name, 0o600)
	write(t, name, "replaced")
	if b, _ := os.ReadFile(name); string(b) != "replaced" {
		t.Errorf("content %q", b)
	}
	if info, _ := os.Stat(name); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", info.Mode())
	}
	// A run that fails leaves the old file whole, and no temporary file.
	f, err := Create(name)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "half")
	f.Abort()
	if b, _ := os.ReadFile(name); string(b) != "replaced" {
		t.Errorf("after Abort: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left in the directory", len(entries))
	}
}

func TestNotReplaced(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.csv")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	write(t, link, "through the link")
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced: %v %v", info.Mode(), err)
	}
	if b, _ := os.ReadFile(target); string(b) != "through the link" {
		t.Errorf("target %q", b)
	}

	write(t, os.DevNull, "discarded")
	if info, err := os.Lstat(os.DevNull); err != nil || info.Mode()&os.ModeDevice == 0 {
		t.Errorf("%s is no longer a device: %v %v", os.DevNull, info.Mode(), err)
	}

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		r, err := os.Open(fifo) // blocks until the writer opens it
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(r)
		r.Close()
		got <- string(b)
	}()
	write(t, fifo, "through the FIFO")
	if s := <-got; s != "through the FIFO" {
		t.Errorf("read from the FIFO: %q", s)
	}
	if info, _ := os.Lstat(fifo); info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", info.Mode())
	}
}

func TestDirectory(t *testing.T) {
	if _, err := Create(t.TempDir()); err == nil {
		t.Error("a directory taken for an output")
	}
}
