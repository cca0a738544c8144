package bench

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"backroll/routine"
)

// soakRoutines whole routines run back to back on a fake clock, one 16 ms frame at a time.
const (
	soakRoutines = 100
	soakFrame    = 16 * time.Millisecond
)

type footprint struct {
	goroutines int
	heap       uint64 // live heap after a full collection
}

func measure() footprint {
	runtime.GC()
	runtime.GC() // a second cycle frees what the first one's finalisers released
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return footprint{goroutines: runtime.NumGoroutine(), heap: m.HeapAlloc}
}

// TestSoakRoutines runs a whole routine 100 times in this process and prints the goroutine count
// and the live heap before and after as `name value` lines. Neither may grow.
func TestSoakRoutines(t *testing.T) {
	if os.Getenv("BACKROLL_SOAK") != "1" {
		t.Skip("soak skipped: it runs 100 whole routines frame by frame; set BACKROLL_SOAK=1 (make soak) to run it")
	}
	plan := routine.NewPlan(routine.DefaultPattern, routine.Medium)
	// Each step ends on the first breath boundary after its length: allow a breath per step.
	limit := plan.Total() + time.Duration(len(plan.Steps))*plan.Pattern.Period() + time.Minute

	before := measure()
	began := time.Now()
	var frames, events int
	var sessionTime time.Duration
	for i := range soakRoutines {
		clock := &routine.FakeClock{}
		s := routine.NewSession(routine.NewPlan(routine.DefaultPattern, routine.Medium), clock)
		s.Start()
		var fake time.Duration
		for s.State() != routine.Done {
			clock.Add(soakFrame)
			fake += soakFrame
			frames++
			events += len(s.Advance())
			if fake > limit {
				t.Fatalf("routine %d: not done after %v of fake time (plan %v), at step %d", i, fake, plan.Total(), s.StepIndex())
			}
		}
		sessionTime += s.Now()
	}
	wall := time.Since(began)
	after := measure()

	fmt.Printf("soak_routines %d\n", soakRoutines)
	fmt.Printf("soak_routine_minutes %.2f\n", (sessionTime / soakRoutines).Minutes())
	fmt.Printf("soak_frames %d\n", frames)
	fmt.Printf("soak_events_per_routine %d\n", events/soakRoutines)
	fmt.Printf("soak_wall_seconds %.2f\n", wall.Seconds())
	fmt.Printf("soak_goroutines_start %d\n", before.goroutines)
	fmt.Printf("soak_goroutines_end %d\n", after.goroutines)
	fmt.Printf("soak_heap_start_bytes %d\n", before.heap)
	fmt.Printf("soak_heap_end_bytes %d\n", after.heap)

	if after.goroutines > before.goroutines {
		t.Errorf("goroutines grew from %d to %d", before.goroutines, after.goroutines)
	}
	// The heap may wobble by a few allocator pages; a leak of one Session per routine would not.
	if after.heap > before.heap+1<<20 {
		t.Errorf("live heap grew from %d to %d bytes", before.heap, after.heap)
	}
}
