//go:build !unix

package main

import "os"

func openFile(path string) (*os.File, error) { return os.Open(path) }
