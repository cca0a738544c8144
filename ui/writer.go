package ui

// historyWriter writes history off Fyne's thread, one job at a time and in order: the finish
// page's "how does it feel" must land after the session it describes.
type historyWriter struct {
	jobs chan func()
	done chan struct{}
}

func newHistoryWriter() *historyWriter {
	w := &historyWriter{jobs: make(chan func(), 64), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for job := range w.jobs {
			job()
		}
	}()
	return w
}

// add queues a job; it never waits for the disk.
func (w *historyWriter) add(job func()) { w.jobs <- job }

// finish waits for every queued job; the writer takes no more after it.
func (w *historyWriter) finish() {
	close(w.jobs)
	<-w.done
}
