//go:build !linux

package worker

import (
	"os"
	"syscall"
)

func sysProcAttr() *syscall.SysProcAttr { return nil }

func growPipe(*os.File) {}
