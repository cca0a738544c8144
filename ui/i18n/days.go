package i18n

import (
	"time"

	"fyne.io/fyne/v2/lang"
)

// Day names a day of the week in the language in use: "Monday", "Montag".
func Day(d time.Weekday) string {
	switch d {
	case time.Monday:
		return lang.X("monday", "Monday")
	case time.Tuesday:
		return lang.X("tuesday", "Tuesday")
	case time.Wednesday:
		return lang.X("wednesday", "Wednesday")
	case time.Thursday:
		return lang.X("thursday", "Thursday")
	case time.Friday:
		return lang.X("friday", "Friday")
	case time.Saturday:
		return lang.X("saturday", "Saturday")
	}
	return lang.X("sunday", "Sunday")
}

// DayShort is Day abbreviated, as the language does: "Mon", "Mo".
func DayShort(d time.Weekday) string {
	switch d {
	case time.Monday:
		return lang.X("monday.short", "Mon")
	case time.Tuesday:
		return lang.X("tuesday.short", "Tue")
	case time.Wednesday:
		return lang.X("wednesday.short", "Wed")
	case time.Thursday:
		return lang.X("thursday.short", "Thu")
	case time.Friday:
		return lang.X("friday.short", "Fri")
	case time.Saturday:
		return lang.X("saturday.short", "Sat")
	}
	return lang.X("sunday.short", "Sun")
}
