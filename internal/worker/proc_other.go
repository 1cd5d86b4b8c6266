//go:build !linux

package worker

import "syscall"

func sysProcAttr() *syscall.SysProcAttr { return nil }
