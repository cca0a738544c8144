package i18n

import (
	"testing"

	"backroll/data"
	"backroll/routine"
)

// answers repeats each answer its count of times, in order: run(data.Spiking, 8, data.Easing, 13).
func answers(pairs ...any) []data.Answer {
	var out []data.Answer
	for i := 0; i < len(pairs); i += 2 {
		for range pairs[i+1].(int) {
			out = append(out, pairs[i].(data.Answer))
		}
	}
	return out
}

// The check-in summaries read naturally in each language, with each count in its plural form.
func TestCheckInWords(t *testing.T) {
	defer Use("en")
	glutes := func(pairs ...any) data.MoveCheckIns {
		return data.MoveCheckIns{Move: routine.Glutes, Name: "glutes", Answers: answers(pairs...)}
	}
	for _, c := range []struct {
		code string
		m    data.MoveCheckIns
		want string
	}{
		{"en", glutes(data.Spiking, 8, data.Easing, 13), "Glutes: spiking 8 times, easing the last 13 times"},
		{"en", glutes(data.Spiking, 1, data.Easing, 1), "Glutes: spiking once, easing since"},
		{"en", glutes(data.Same, 1), "Glutes: no change, the one time asked"},
		{"en", glutes(data.Easing, 2, data.Same, 1, data.Spiking, 1, data.Easing, 1), "Glutes: easing twice, spiking once and no change once, easing since"},
		{"de", glutes(data.Spiking, 8, data.Easing, 13), "Gesäß: 8-mal stärker geworden, die letzten 13 Male nachgelassen"},
		{"de", glutes(data.Spiking, 1, data.Easing, 1), "Gesäß: einmal stärker geworden, seitdem nachgelassen"},
		{"de", glutes(data.Spiking, 2, data.Same, 1, data.Easing, 2), "Gesäß: zweimal stärker geworden und einmal unverändert, die letzten 2 Male nachgelassen"},
		{"de", glutes(data.Easing, 4), "Gesäß: alle 4 Male nachgelassen"},
		{"de", glutes(data.Same, 1), "Gesäß: unverändert (einmal gefragt)"},
		{"es", glutes(data.Spiking, 1, data.Easing, 13), "Glúteos: más molestia una vez; las últimas 13 veces, alivio"},
		{"es", glutes(data.Easing, 1), "Glúteos: alivio, la única vez que se preguntó"},
		{"fr", glutes(data.Spiking, 3, data.Easing, 1), "Fessiers\u00a0: gêne accrue 3 fois\u00a0; depuis, soulagement"},
		{"fr", glutes(data.Spiking, 1, data.Same, 2), "Fessiers\u00a0: gêne accrue une fois\u00a0; les 2 dernières fois, sans changement"},
		{"pt", glutes(data.Same, 2, data.Spiking, 1), "Glúteos: sem alterações duas vezes; desde então, mais desconforto"},
		{"pt", glutes(data.Easing, 5), "Glúteos: alívio nas 5 vezes"},
	} {
		Use(c.code)
		if got := CheckIns(c.m); got != c.want {
			t.Errorf("%s %v:\n got %q\nwant %q", c.code, c.m.Answers, got, c.want)
		}
	}
}

// In English the window's line is data's plain-English summary with its move capitalised: one
// meaning, whichever words say it.
func TestCheckInWordsMatchDataInEnglish(t *testing.T) {
	Use("en")
	for _, a := range [][]data.Answer{
		answers(data.Easing, 3), answers(data.Spiking, 2, data.Easing, 1), answers(data.Easing, 1, data.Same, 4, data.Spiking, 2, data.Same, 3),
	} {
		m := data.MoveCheckIns{Move: routine.UpperBack, Name: "upper back", Answers: a}
		if got, want := CheckIns(m), "U"+m.Summary()[1:]; got != want {
			t.Errorf("%v: window says %q, data %q", a, got, want)
		}
	}
}

func TestList(t *testing.T) {
	defer Use("en")
	Use("fr")
	if got := List([]string{"a", "b", "c"}); got != "a, b et c" {
		t.Errorf("French list %q", got)
	}
	if got := List([]string{"a"}); got != "a" {
		t.Errorf("one word %q", got)
	}
}
