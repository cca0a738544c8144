package i18n

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"backroll/routine"
)

// readFile reads one translation file: each key with its forms ("other" for a plain string).
func readFile(t *testing.T, code string) map[string]map[string]string {
	t.Helper()
	b, err := files.ReadFile("translations/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	out := map[string]map[string]string{}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = map[string]string{"other": s}
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(v, &forms); err != nil {
			t.Fatalf("%s.json: %q is neither a string nor plural forms: %v", code, k, err)
		}
		out[k] = forms
	}
	return out
}

var placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func placeholders(forms map[string]string) string {
	set := map[string]bool{}
	for _, s := range forms {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	var names []string
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// Every language has a file with exactly English's keys, the same placeholders, an "other" form,
// and no text left empty or left in English by mistake where it is long.
func TestLanguageFilesMatchEnglish(t *testing.T) {
	en := readFile(t, "en")
	entries, _ := fs.ReadDir(files, "translations")
	if len(entries) != len(Languages) {
		t.Errorf("%d files for %d languages", len(entries), len(Languages))
	}
	for _, l := range Languages[1:] {
		tr := readFile(t, l.Code)
		for k, forms := range en {
			got, ok := tr[k]
			if !ok {
				t.Errorf("%s: %q missing", l.Code, k)
				continue
			}
			if got["other"] == "" {
				t.Errorf("%s: %q has no text", l.Code, k)
			}
			if placeholders(got) != placeholders(forms) {
				t.Errorf("%s: %q has placeholders {%s}, English {%s}", l.Code, k, placeholders(got), placeholders(forms))
			}
			if len(forms["other"]) > 30 && got["other"] == forms["other"] {
				t.Errorf("%s: %q is still English", l.Code, k)
			}
		}
		for k := range tr {
			if _, ok := en[k]; !ok {
				t.Errorf("%s: %q is not an English key", l.Code, k)
			}
		}
		if tr["language.code"]["other"] != l.Code {
			t.Errorf("%s.json says it is %q", l.Code, tr["language.code"]["other"])
		}
	}
}

// English's file holds the routine's catalog word for word: routine's Go source stays the source.
func TestEnglishHoldsTheRoutineCatalog(t *testing.T) {
	en := readFile(t, "en")
	for _, c := range routine.Catalog() {
		if got := en[c.Key]["other"]; got != c.English {
			t.Errorf("en.json %q = %q, routine says %q", c.Key, got, c.English)
		}
	}
}

// Every key the code uses (a literal key in a lang.L, X, N or XN call anywhere in the module)
// is in English's file, and where the call gives the English fallback it is the file's text.
func TestEveryKeyInCodeExists(t *testing.T) {
	en := readFile(t, "en")
	root := filepath.Join("..", "..")
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" || !slices.Contains([]string{"L", "X", "N", "XN"}, sel.Sel.Name) || len(call.Args) == 0 {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				if path != filepath.Join(root, "ui", "i18n", "i18n.go") {
					t.Errorf("%s: lang.%s with a key that is not a literal", path, sel.Sel.Name)
				}
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			n++
			forms, ok := en[key]
			if !ok {
				t.Errorf("%s: key %q is not in en.json", path, key)
				return true
			}
			if (sel.Sel.Name == "X" || sel.Sel.Name == "XN") && len(call.Args) > 1 {
				if fb, ok := call.Args[1].(*ast.BasicLit); ok && fb.Kind == token.STRING {
					s, _ := strconv.Unquote(fb.Value)
					if s != forms["other"] {
						t.Errorf("%s: %q falls back to %q, en.json says %q", path, key, s, forms["other"])
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d keys used in code", n)
}

// A chosen language wins over the system's, on every system, and System follows the system.
func TestChosenLanguageWins(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "fr_FR.UTF-8")
	defer Use("en")
	for _, c := range []struct{ choice, code, cancel string }{
		{"de", "de", "Abbrechen"}, {"en", "en", "Cancel"}, {"pt", "pt", "Cancelar"}, {System, "fr", "Annuler"}, {"xx", "fr", "Annuler"},
	} {
		Use(c.choice)
		if got := Current(); got != c.code {
			t.Errorf("Use(%q): current %q, want %q", c.choice, got, c.code)
		}
		if got := lang.L("Cancel"); got != c.cancel {
			t.Errorf("Use(%q): Fyne's Cancel is %q, want %q", c.choice, got, c.cancel)
		}
	}
	// A desktop in a language Backroll lacks (Fyne has Japanese) gets English throughout, Fyne's
	// dialog words too; Brazilian Portuguese gets Portuguese.
	for _, c := range []struct{ locale, code, cancel string }{{"ja_JP.UTF-8", "en", "Cancel"}, {"pt_BR.UTF-8", "pt", "Cancelar"}} {
		t.Setenv("LC_ALL", c.locale)
		Use(System)
		if got := Current(); got != c.code {
			t.Errorf("system %s: current %q, want %q", c.locale, got, c.code)
		}
		if got := lang.L("Cancel"); got != c.cancel {
			t.Errorf("system %s: Fyne's Cancel is %q, want %q", c.locale, got, c.cancel)
		}
	}
	Use("de")
	if got := R(routine.NotTreatment); got == routine.NotTreatment || !strings.Contains(got, "Backroll") {
		t.Errorf("German not-treatment text: %q", got)
	}
	if got := R("not a routine text"); got != "not a routine text" {
		t.Errorf("unknown text became %q", got)
	}
	plan := routine.NewPlan(routine.DefaultPattern, routine.Medium)
	lines := routine.Lines(plan, routine.Event{Kind: routine.StepStarted, Step: 2}, routine.VoiceNames)
	if got := Line(lines[0]); got != fmt.Sprint("Als Nächstes: ", RKey("move.lats.spoken", nil), ", rechte Seite.") {
		t.Errorf("German announcement: %q", got)
	}
}

// Every text with plural forms has, in every language, each form that language's rules pick for
// the counts Backroll shows (0 to 1000): a missing one would show English instead.
func TestPluralFormsCoverCounts(t *testing.T) {
	names := map[plural.Form]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many"}
	en := readFile(t, "en")
	for _, l := range Languages {
		tr := readFile(t, l.Code)
		tag := language.Make(l.Code)
		for key, forms := range en {
			if len(forms) == 1 {
				continue // one text for every count
			}
			for n := 0; n <= 1000; n++ {
				form := names[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
				if tr[key][form] == "" {
					t.Errorf("%s: %q has no %q form (for %d)", l.Code, key, form, n)
					break
				}
			}
		}
	}
}
