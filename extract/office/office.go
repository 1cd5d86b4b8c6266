// Package office converts documents with LibreOffice (soffice --headless --convert-to), the
// fallback for legacy files the Go readers cannot read (Word 6/95, encrypted structures, BIFF5).
//
// Each conversion runs in its own temporary directory with its own LibreOffice profile, so
// conversions may run side by side, and is killed after Timeout.
package office

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// Timeout bounds one conversion.
const Timeout = 2 * time.Minute

// ErrNotInstalled is returned when soffice is not on the PATH.
var ErrNotInstalled = errors.New("LibreOffice (soffice) is not installed")

// Installed reports whether soffice is on the PATH.
func Installed() bool {
	_, err := exec.LookPath("soffice")
	return err == nil
}

// Convert converts body, a file with extension ext (".doc"), to format to ("docx", "xlsx") and
// returns the converted file.
func Convert(ctx context.Context, body []byte, ext, to string) ([]byte, error) {
	bin, err := exec.LookPath("soffice")
	if err != nil {
		return nil, ErrNotInstalled
	}
	dir, err := os.MkdirTemp("", "gongwen-office-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "input"+ext)
	if err := os.WriteFile(in, body, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", to, "--outdir", out, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("LibreOffice: %v %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	converted, err := os.ReadFile(filepath.Join(out, "input."+to))
	if err != nil {
		return nil, fmt.Errorf("LibreOffice could not convert it to %s", to)
	}
	return converted, nil
}
