//go:build unix

package pdf

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used (user and system), or false where it cannot
// be known. Benchmarks report it beside wall time: on a machine shared with other work it varies
// far less than the wall time does.
func cpuTime() (time.Duration, bool) {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0, false
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()), true
}
