package testcorpus

import "syscall"

// CPUTime returns the user and system CPU time of the process so far, in
// ns: benchmarks over the corpus report CPU time per document, which holds
// on a loaded machine, where wall time does not.
func CPUTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
