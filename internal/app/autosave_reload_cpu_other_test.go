//go:build !linux

package app_test

import "time"

// threadCPU is not known here (the benchmark reports wall time only).
func threadCPU() (time.Duration, bool) { return 0, false }
