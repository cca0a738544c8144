package ui

import (
	"fyne.io/fyne/v2/lang"

	"backroll/data"
	"backroll/ui/i18n"
)

// noticeWords says a notice from data in the language in use. In English it is data's own
// sentence, which also names the value that moved and why a file counts as damaged; the other
// languages say what happened and what Backroll did. The system's short reason ("permission
// denied") stays as the system gave it.
func noticeWords(n data.Notice) string {
	if i18n.Current() == "en" {
		return n.Text
	}
	facts := map[string]any{"Path": n.Path, "Reason": n.Reason, "Kept": n.Kept, "Count": n.Sessions}
	switch n.What {
	case data.SettingsAdjusted:
		// One sentence for all of them: the banner shows it once, whichever values moved.
		return lang.X("notice.settings.adjusted", "Some saved settings were out of range or unknown, so Backroll uses the nearest allowed values instead.")
	case data.SettingsUnreadable:
		return lang.X("notice.settings.unreadable", "Backroll can't read its settings file {{.Path}} ({{.Reason}}), so it is using default settings for this run and leaves that file as it is.", facts)
	case data.SettingsDamaged:
		if n.Partly {
			return lang.X("notice.settings.partly-damaged", "Some of your settings were damaged, so those went back to their defaults; the rest were kept. The damaged file is kept as {{.Kept}}.", facts)
		}
		return lang.X("notice.settings.damaged", "Your settings file was damaged, so Backroll started with default settings. The damaged file is kept as {{.Kept}}.", facts)
	case data.SettingsDamagedInPlace:
		return lang.X("notice.settings.damaged-in-place", "Your settings file {{.Path}} is damaged and could not be set aside ({{.Reason}}). Backroll uses what it could read for this run and leaves the file as it is.", facts)
	case data.HistoryUnreadable:
		return lang.X("notice.history.unreadable", "Backroll can't read your session history {{.Path}} ({{.Reason}}), so it shows no past sessions and leaves that file as it is.", facts)
	case data.HistoryDamaged:
		text := lang.X("notice.history.damaged-none", "Your session history was damaged and no sessions could be read, so the history starts again. The damaged file is kept as {{.Kept}}.", facts)
		if n.Sessions > 0 {
			text = lang.XN("notice.history.damaged", "Your session history was damaged; {{.Count}} sessions were kept. The damaged file is kept as {{.Kept}}.", n.Sessions, facts)
		}
		return text + dropped(n)
	case data.HistoryDamagedInPlace:
		return lang.X("notice.history.damaged-in-place", "Your session history {{.Path}} is damaged and could not be set aside ({{.Reason}}). Backroll shows the sessions it could read and leaves the file as it is.", facts) + dropped(n)
	}
	return n.Text
}

// dropped adds how many history records were lost, when some were.
func dropped(n data.Notice) string {
	if n.Dropped == 0 {
		return ""
	}
	return " " + lang.XN("notice.history.dropped", "{{.Count}} records could not be read.", n.Dropped, map[string]any{"Count": n.Dropped})
}

// errorWords says a failed save in the language in use (in English, data's own sentence); any
// other error as it is.
func errorWords(err error) string {
	f, ok := data.SaveFailed(err)
	if !ok || i18n.Current() == "en" {
		return err.Error()
	}
	facts := map[string]any{"Dir": f.Dir, "Reason": f.Reason}
	switch f.What {
	case data.SessionNotSaved:
		return lang.X("notice.session-not-saved", "This session can't be saved in {{.Dir}} ({{.Reason}}).", facts)
	case data.FeelingNotSaved:
		return lang.X("notice.feeling-not-saved", "How this session felt can't be saved in {{.Dir}} ({{.Reason}}).", facts)
	}
	return lang.X("notice.settings-not-saved", "Settings can't be saved in {{.Dir}} ({{.Reason}}); they are kept for this run.", facts)
}
