// Package i18n puts Backroll in people's own language. English is the source: the routine's
// texts are written in routine (each under a stable key, see routine.Catalog), the window's in ui
// as the fallbacks of lang.X calls. The translations are JSON files in translations/, one per
// language, in the go-i18n format Fyne's lang package reads, embedded and given to Fyne when the
// language is first used; they also add Fyne's own dialog words where Fyne lacks them.
//
// This package imports Fyne's lang package only (no window is needed), so main's plan text can
// use it too.
package i18n

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

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

	addedMu sync.Mutex
	added   = map[string]bool{} // the languages whose translations Fyne holds
)

// load makes the catalog's maps and gives Fyne the English translations (the plural forms of
// the window's texts, among others).
func load() {
	once.Do(func() {
		english, keyOf = map[string]string{}, map[string]string{}
		for _, t := range routine.Catalog() {
			english[t.Key] = t.English
			if _, ok := keyOf[t.English]; !ok {
				keyOf[t.English] = t.Key
			}
		}
	})
	addTranslations("en")
}

// addTranslations gives Fyne one language's translations, once: only the language in use is
// parsed, not all of them (each is ~30 KB of JSON, ~0.2 MB once parsed).
func addTranslations(code string) {
	addedMu.Lock()
	defer addedMu.Unlock()
	if added[code] {
		return
	}
	added[code] = true
	data, err := files.ReadFile("translations/" + code + ".json")
	if err == nil {
		err = lang.AddTranslationsForLocale(data, fyne.Locale(code))
	}
	if err != nil {
		fyne.LogError("Could not load Backroll's "+code+" translations", err)
	}
}

// Use sets the language of everything translated from now on: a shipped language's code, or
// System (or "", or an unknown code) for the one of them that best matches the desktop's
// languages, English when none does. Text already on screen keeps its language.
//
// For System, Backroll matches against its own languages rather than letting Fyne match against
// its (which include Japanese, Polish and others Backroll lacks): on such a desktop every one of
// Backroll's texts would fall back to English with a "Translation failure" logged for each, and
// Fyne's own dialog words would be in a different language from the rest of the window.
func Use(code string) {
	load()
	if !shipped(code) {
		code = systemLanguage()
	}
	addTranslations(code)
	setupLang(code)
}

func shipped(code string) bool {
	for _, l := range Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// systemLanguage is the shipped language that best matches the system's locales, as Fyne reads
// them (go-locale), or English.
func systemLanguage() string {
	locales, err := locale.GetLocales()
	if err != nil {
		fyne.LogError("Failed to read the system's languages", err)
	}
	var want []language.Tag
	for _, l := range locales {
		if t, err := language.Parse(l); err == nil {
			want = append(want, t)
		}
	}
	var have []language.Tag
	for _, l := range Languages {
		have = append(have, language.Make(l.Code))
	}
	_, i, conf := language.NewMatcher(have).Match(want...)
	if conf == language.No {
		return "en"
	}
	return Languages[i].Code
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
