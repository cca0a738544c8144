// Package i18n puts Backroll in people's own language. English is the source: the routine's
// texts are written in routine (each under a stable key, see routine.Catalog), the window's in ui
// as the fallbacks of lang.X calls. The translations are JSON files in translations/, one per
// language, in the go-i18n format Fyne's lang package reads, embedded and registered with
// lang.AddTranslationsFS; they also add Fyne's own dialog words where Fyne lacks them.
//
// This package imports Fyne's lang package only (no window is needed), so main's plan text can
// use it too.
package i18n

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"backroll/routine"
)

//go:embed translations/*.json
var files embed.FS

// Language is one language Backroll ships.
type Language struct {
	Code string // "de"
	Name string // in itself: "Deutsch"
}

// Languages are the shipped languages, English (the source) first.
var Languages = []Language{{"en", "English"}, {"de", "Deutsch"}, {"es", "Español"}, {"fr", "Français"}, {"pt", "Português"}}

// System is the choice that follows the desktop's language.
const System = "system"

var (
	once    sync.Once
	english map[string]string // the routine's catalog: key to English
	keyOf   map[string]string // and back: English to the first key with that text
)

func load() {
	once.Do(func() {
		if err := lang.AddTranslationsFS(files, "translations"); err != nil {
			fyne.LogError("Could not load Backroll's translations", err)
		}
		english, keyOf = map[string]string{}, map[string]string{}
		for _, t := range routine.Catalog() {
			english[t.Key] = t.English
			if _, ok := keyOf[t.English]; !ok {
				keyOf[t.English] = t.Key
			}
		}
	})
}

// Use sets the language of everything translated from now on: a shipped language's code, or
// System (or "", or an unknown code) for the desktop's. Text already on screen keeps its language.
func Use(code string) {
	load()
	for _, l := range Languages {
		if l.Code == code {
			setupLang(code)
			return
		}
	}
	updateLocalizer()
}

// Current is the code of the shipped language in use: the chosen one, or for System the one that
// matches the desktop, English where none does.
func Current() string {
	load()
	return lang.X("language.code", "en")
}

// R translates a text of the routine (anything routine.Catalog lists); any other text is
// returned as it is.
func R(text string) string {
	load()
	key, ok := keyOf[text]
	if !ok {
		return text
	}
	return lang.X(key, text)
}

// RKey translates the routine's text with key, filling its placeholders from data.
func RKey(key string, data map[string]any) string {
	load()
	return lang.X(key, english[key], data)
}

// RList translates each of the routine's texts.
func RList(texts []string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = R(t)
	}
	return out
}

// Line is what the coach says for l, in the language in use.
func Line(l routine.Line) string {
	if l.Key == "" {
		return R(l.Text)
	}
	return RKey(l.Key, map[string]any{"Move": RKey("move."+l.Move+".spoken", nil)})
}
