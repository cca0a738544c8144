// Package bench holds Backroll's measurements: the floor program (bench/floor) that `make bench`
// compares Backroll with, the bench and soak scripts, and the in-process soak test, which runs only
// with BACKROLL_SOAK=1 (`make soak`).
package bench
