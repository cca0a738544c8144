// Package sound makes Backroll's sound: a synthesiser that paces the breath and marks the routine
// with cues, the oto player that plays it and serves as the session's clock, and a WAV export.
package sound

import (
	"encoding/binary"
	"io"
	"sync/atomic"

	"backroll/routine"
)

// blockSamples is the control rate: envelopes and glides are worked out every 64 samples
// (1.3 ms) and ramped linearly between, which is smooth to the ear and cheap.
const blockSamples = 64

// maxVoices bounds the cue notes sounding at once; the longest cue needs three.
const maxVoices = 8

// Synth is an endless io.Reader of 16-bit little-endian stereo PCM at SampleRate: the breath
// layer of the chosen style along a routine.Pace, with cues on top.
//
// Its setters are safe from any goroutine and take effect at the next Read; they hand over
// through atomics, so Read takes no lock and never waits. Read itself belongs to one goroutine
// and does not allocate.
type Synth struct {
	// Set from any goroutine, picked up at the start of Read.
	pace      atomic.Pointer[routine.Pace]
	style     atomic.Int32
	volume    atomic.Int32
	muted     atomic.Bool
	paused    atomic.Bool
	held      atomic.Bool   // the breath is silent; cues and phrases still sound
	seekTo    atomic.Int64  // a pending Seek, or -1
	cues      atomic.Uint32 // a bit per pending Cue
	cueSerial atomic.Uint64 // counts Cue and Say calls, so Ringing can tell one is on its way
	speechIn  atomic.Pointer[speechBatch]
	voiceVol  atomic.Int32

	// Published by Read.
	position   atomic.Int64
	lastSound  atomic.Int64 // the last sample that was not zero
	ringing    atomic.Bool
	seenSerial atomic.Uint64

	// Owned by the goroutine that calls Read.
	started    bool
	pos        int64 // timeline position of the next sample, as Position reports it
	t          int64 // the sample the breath is rendered at; differs from pos only while a seek fades out
	jumpTo     int64 // a seek waiting for the sound to fade out, or -1
	closed     bool  // paused or muted
	heldCues   uint32
	gate       fader // everything: pause, mute, seek
	breathFade fader // the breath only: style and pattern changes
	breath     breathLayer
	wantStyle  styleID
	wantPace   *routine.Pace
	gain       float32
	gainTarget float32
	last       int64
	voices     [maxVoices]noteVoice
	speech     speechLayer
	mix        [blockSamples]float32
}

// NewSynth returns a synthesiser at sample 0 playing the default pattern in the default style at
// the default volume.
func NewSynth() *Synth {
	s := &Synth{jumpTo: -1, last: -1}
	s.speech.duck = 1
	s.SetVoiceVolume(DefaultVoiceVolume)
	s.seekTo.Store(-1)
	s.lastSound.Store(-1)
	s.SetPace(routine.NewPace(routine.DefaultPattern))
	s.SetStyle(routine.DefaultToneStyle)
	s.SetVolume(DefaultVolume)
	s.wantStyle, s.wantPace = s.wantStyleID(), s.pace.Load()
	s.breath = breathLayer{style: s.wantStyle, pace: s.wantPace}
	s.gate.pos = fadeSamples
	s.breathFade.pos = fadeSamples
	return s
}

func (s *Synth) wantStyleID() styleID {
	if s.held.Load() {
		return silent
	}
	return styleID(s.style.Load())
}

// SetPace sets the breath timeline. A change the pace schedules at a later breath boundary is
// heard exactly there; a pace that disagrees with what is sounding now crossfades.
func (s *Synth) SetPace(p *routine.Pace) {
	if p != nil {
		s.pace.Store(p)
	}
}

// SetStyle sets how the breath sounds; the old style fades out before the new one fades in.
func (s *Synth) SetStyle(style routine.ToneStyle) { s.style.Store(int32(styleIDOf(style))) }

// SetVolume sets the volume, 0–100 (values outside are clamped); the change glides over 10 ms.
func (s *Synth) SetVolume(v int) { s.volume.Store(int32(min(max(v, 0), 100))) }

// SetMuted fades everything out, or back in. Cues that arrive while muted are dropped.
func (s *Synth) SetMuted(m bool) { s.muted.Store(m) }

// HoldBreath silences the breath (it fades out as a style change does) and lets cues and phrases
// sound alone: for cues while the session's clock stands still.
func (s *Synth) HoldBreath(h bool) { s.held.Store(h) }

// Pause fades everything out; the position keeps counting the silent samples rendered after.
func (s *Synth) Pause() { s.paused.Store(true) }

// Resume fades back in where the timeline stands.
func (s *Synth) Resume() { s.paused.Store(false) }

// SeekTo moves the timeline to sample pos. If anything is sounding it first fades out, so the
// jump never clicks. Position reports pos at once; a fade-out, once rendered, counts as the
// samples just before pos.
func (s *Synth) SeekTo(pos int64) { s.seekTo.Store(max(pos, 0)) }

// Position returns the timeline position of the next sample Read will produce.
func (s *Synth) Position() int64 {
	if t := s.seekTo.Load(); t >= 0 {
		return t
	}
	return s.position.Load()
}

// Cue plays c from the next Read on, over the breath.
func (s *Synth) Cue(c Cue) {
	if c < 0 || c >= cueCount {
		return
	}
	s.cues.Or(1 << c)
	s.cueSerial.Add(1)
}

// DefaultVoiceVolume is the voice's starting volume, 0–100, relative to the app's volume.
const DefaultVoiceVolume = 90

// SetVoiceVolume sets the voice's volume, 0–100 (clamped), relative to the app's volume.
func (s *Synth) SetVoiceVolume(v int) { s.voiceVol.Store(int32(min(max(v, 0), 100))) }

// Say schedules phrases on the timeline. Urgent ones (the first decides) cut what is being said
// and replace what waits; others wait their turn. Phrases handed over while paused or muted still
// play if their time comes after.
func (s *Synth) Say(lines []Utterance) {
	if len(lines) == 0 {
		return
	}
	b := &speechBatch{lines: lines, urgent: lines[0].Urgent}
	for {
		old := s.speechIn.Load()
		merged := b
		if old != nil && !b.urgent {
			merged = &speechBatch{lines: append(append([]Utterance(nil), old.lines...), lines...), urgent: old.urgent}
		}
		if s.speechIn.CompareAndSwap(old, merged) {
			break
		}
	}
	s.cueSerial.Add(1)
}

// Ringing reports whether a cue is waiting to be rendered or still sounding.
func (s *Synth) Ringing() bool {
	seen := s.seenSerial.Load()
	if s.cueSerial.Load() != seen {
		return true
	}
	return s.ringing.Load()
}

// quietFrom is the first sample position after the last one that was not silent.
func (s *Synth) quietFrom() int64 { return s.lastSound.Load() + 1 }

// Read fills b with whole frames (a frame is 4 bytes) and never returns an error, except
// io.ErrShortBuffer when b cannot hold one frame.
func (s *Synth) Read(b []byte) (int, error) {
	frames := len(b) / bytesPerFrame
	if frames == 0 {
		return 0, io.ErrShortBuffer
	}
	serial := s.cueSerial.Load()
	s.takeControls()
	out := b[:frames*bytesPerFrame]
	for len(out) > 0 {
		if s.jumpTo >= 0 && s.gate.pos == 0 {
			s.jump(s.jumpTo)
		}
		if s.closed && s.gate.pos == 0 {
			s.rest()
			clear(out)
			s.advance(int64(len(out) / bytesPerFrame))
			break
		}
		n := s.blockLength(len(out) / bytesPerFrame)
		s.render(out[:n*bytesPerFrame])
		out = out[n*bytesPerFrame:]
	}
	s.position.Store(s.pos)
	s.lastSound.Store(s.last)
	s.ringing.Store(s.heldCues != 0 || s.voicesBusy() || s.speech.busy())
	s.seenSerial.Store(serial)
	return frames * bytesPerFrame, nil
}

// takeControls picks up what the setters asked for since the last Read.
func (s *Synth) takeControls() {
	s.wantStyle = s.wantStyleID()
	if p := s.pace.Load(); p != s.wantPace {
		s.wantPace = p
		s.adoptPaceIfSeamless()
	}
	if s.wantStyle != s.breath.style && quietAt(s.breath.style, s.breath.pace, s.t) && quietAt(s.wantStyle, s.breath.pace, s.t) {
		s.breath.style, s.breath.valid = s.wantStyle, false // silent either way: no fade needed
	}
	s.gainTarget = gainFor(int(s.volume.Load()))
	s.speech.gain = gainFor(int(s.voiceVol.Load()))
	if b := s.speechIn.Swap(nil); b != nil {
		s.speech.take(b)
	}
	if !s.started {
		// Settings made before the first sample apply from it, without a glide.
		s.started = true
		s.gain = s.gainTarget
		s.settleBreath()
	}
	s.closed = s.paused.Load() || s.muted.Load()
	if target := s.seekTo.Load(); target >= 0 {
		if s.gate.pos == 0 {
			s.jump(target)
		} else {
			// Count the fade-out as the samples just before target, so the position the
			// listener hears moves on steadily into the new timeline.
			s.jumpTo = target
			s.pos = target - int64(s.gate.pos)
		}
		s.position.Store(s.pos)
		s.seekTo.CompareAndSwap(target, -1) // a newer Seek stays pending
	}
	cues := s.cues.Swap(0)
	switch {
	case s.closed:
		s.heldCues = 0
	case s.jumpTo >= 0:
		s.heldCues |= cues
	default:
		s.strike(cues)
	}
}

// adoptPaceIfSeamless switches to the wanted pace at once when nothing audible changes: the
// usual case, a pattern change scheduled at a later breath boundary. Otherwise the breath fades
// out first (see render).
func (s *Synth) adoptPaceIfSeamless() {
	b := &s.breath
	if b.style == silent || s.breathFade.pos == 0 || spanAt(s.wantPace, s.t) == spanAt(b.pace, s.t) {
		keep := b.valid && b.style != silent && spanAt(s.wantPace, s.t) == b.span
		b.pace = s.wantPace
		b.valid = keep
	}
}

// jump lands a seek: the timeline moves while everything is silent.
func (s *Synth) jump(target int64) {
	s.t, s.pos, s.jumpTo = target, target, -1
	s.settleBreath()
	s.gain = s.gainTarget // all is silent here, so the volume can land at once
	for i := range s.voices {
		s.voices[i].active = false
	}
	s.speech.silence()
	s.speech.dropBefore(target)
	if !s.closed {
		if quietAt(s.breath.style, s.breath.pace, target) {
			s.gate.pos = fadeSamples // nothing to fade in: the breath starts whole
		}
		s.strike(s.heldCues)
	}
	s.heldCues = 0
}

// rest is the state of complete silence: nothing sounds and nothing is pending.
func (s *Synth) rest() {
	s.settleBreath()
	for i := range s.voices {
		s.voices[i].active = false
	}
	s.speech.silence()
	s.heldCues = 0
	s.gain = s.gainTarget
}

// adoptBreath takes the wanted style and pace; the breath must be silent (faded out).
func (s *Synth) adoptBreath() {
	s.breath.style, s.breath.pace, s.breath.valid = s.wantStyle, s.wantPace, false
}

// settleBreath adopts the wanted breath at full strength, for when the whole output is silent.
func (s *Synth) settleBreath() {
	s.adoptBreath()
	s.breathFade.pos = fadeSamples
}

func (s *Synth) strike(cues uint32) {
	for c := Cue(0); c < cueCount; c++ {
		if cues&(1<<c) != 0 {
			scheduleCue(s.voices[:], c, s.t)
		}
	}
}

func (s *Synth) voicesBusy() bool {
	for i := range s.voices {
		if s.voices[i].active {
			return true
		}
	}
	return false
}

func (s *Synth) advance(n int64) {
	s.t += n
	s.pos += n
}

// breathWanted reports whether the breath being rendered is the one asked for.
func (s *Synth) breathWanted() bool {
	return s.breath.style == s.wantStyle && s.breath.pace == s.wantPace
}

// blockLength is how many samples to render next: at most a control block, and never across a
// phase boundary, a note's start, or the end of a fade that must land on its own sample.
func (s *Synth) blockLength(limit int) int {
	n := int64(min(limit, blockSamples))
	if !s.breathWanted() && s.breathFade.pos == 0 {
		s.adoptBreath() // and the fader opens again from here
	}
	if s.breath.style != silent {
		s.breath.ensure(s.t)
		n = min(n, s.breath.span.end-s.t)
	}
	for i := range s.voices {
		if v := &s.voices[i]; v.active && v.start > s.t {
			n = min(n, v.start-s.t)
		}
	}
	if s.jumpTo >= 0 {
		n = min(n, int64(s.gate.pos))
	}
	if !s.breathWanted() {
		n = min(n, int64(s.breathFade.pos))
	}
	return int(n)
}

// render makes len(out)/4 frames: breath, cues, volume, the master fade, and the limiter.
func (s *Synth) render(out []byte) {
	mix := s.mix[:len(out)/bytesPerFrame]
	clear(mix)
	sounding := false
	if s.breath.style != silent && s.breath.add(mix, s.t) {
		sounding = true
		s.breathFade.apply(mix, s.breathWanted())
	} else {
		s.breathFade.skip(len(mix), s.breathWanted())
	}
	speaking := s.speech.shaping(s.t, len(mix))
	if speaking {
		s.speech.duckBreath(mix, s.t) // mix holds only the breath so far
	}
	for i := range s.voices {
		if v := &s.voices[i]; v.active && v.start <= s.t {
			v.add(mix, s.t)
			sounding = true
		}
	}
	// No phrase starts while a seek fades out: it is placed on the timeline being left.
	if speaking && s.speech.add(mix, s.t, s.jumpTo < 0) {
		sounding = true
	}
	open := !s.closed && s.jumpTo < 0
	if !sounding {
		// Turns, holds, style off: nothing to shape, only the faders to move along.
		clear(out)
		s.gate.skip(len(mix), open)
		s.gain = s.gainTarget
		s.advance(int64(len(mix)))
		return
	}
	out = out[:len(mix)*bytesPerFrame]
	last := s.last
	if s.gain == s.gainTarget && s.gate.settled(open) {
		// The usual case: one gain for the whole block.
		level := s.gain * fadeTable[s.gate.pos]
		for i, x := range mix {
			v := toInt16(limit(x * level))
			if v != 0 {
				last = s.pos + int64(i)
			}
			binary.LittleEndian.PutUint32(out[4*i:], uint32(uint16(v))*0x10001) // left = right
		}
	} else {
		g, target := s.gain, s.gainTarget
		for i, x := range mix {
			g += (target - g) * gainSmoothing
			if d := target - g; d < 1e-6 && d > -1e-6 {
				g = target
			}
			v := toInt16(limit(x * g * s.gate.next(open)))
			if v != 0 {
				last = s.pos + int64(i)
			}
			binary.LittleEndian.PutUint32(out[4*i:], uint32(uint16(v))*0x10001)
		}
		s.gain = g
	}
	s.last = last
	s.advance(int64(len(mix)))
}
