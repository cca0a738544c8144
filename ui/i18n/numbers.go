package i18n

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"backroll/routine"
)

// decimalMark is the language's decimal separator: "." in English, "," in German, Spanish,
// French and Portuguese.
func decimalMark() string { return lang.X("number.decimal-mark", ".") }

// Decimal writes v to one decimal place with the language's mark: "7.5" in English, "7,5" in German.
func Decimal(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", decimalMark(), 1)
}

// Seconds writes a breath phase's length as the pattern does, a whole number without decimals:
// "4", and "4.5" in English, "4,5" in German.
func Seconds(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return Decimal(v)
}

// Pattern writes a breath pattern as routine's Pattern.String does, with the language's mark:
// "4–6", "4,5–1–7–1".
func Pattern(p routine.Pattern) string { return strings.ReplaceAll(p.String(), ".", decimalMark()) }
