//go:build linux

package app_test

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time the calling OS thread has used: on a shared
// machine a steadier figure than the wall clock (the caller locks its
// goroutine to the thread).
func threadCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
