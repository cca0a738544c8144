package ui

import (
	"runtime"

	"golang.org/x/sys/windows"
)

// screenInhibitor uses SetThreadExecutionState. The state belongs to the calling thread, so
// inhibit and release run on one locked goroutine.
type screenInhibitor struct{ requests chan bool }

func newScreenInhibitor() *screenInhibitor {
	s := &screenInhibitor{requests: make(chan bool, 4)}
	go s.loop()
	return s
}

const (
	esContinuous      = 0x80000000
	esDisplayRequired = 0x00000002
	esSystemRequired  = 0x00000001
)

var setThreadExecutionState = windows.NewLazySystemDLL("kernel32.dll").NewProc("SetThreadExecutionState")

func (s *screenInhibitor) loop() {
	runtime.LockOSThread() // the execution state belongs to this thread
	for on := range s.requests {
		flags := uintptr(esContinuous)
		if on {
			flags |= esDisplayRequired | esSystemRequired
		}
		setThreadExecutionState.Call(flags)
	}
}

func (s *screenInhibitor) inhibit() { s.requests <- true }
func (s *screenInhibitor) release() { s.requests <- false }
