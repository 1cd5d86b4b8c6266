package worker

import "syscall"

// sysProcAttr puts a child in its own process group, so that a Ctrl-C at the terminal reaches only the
// parent (which kills it), and kills it when the parent dies.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
