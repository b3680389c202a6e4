package lang

// arabicScreen holds Arabic texts of the screen kept apart from arabic:
// the Related panel's reasons (ui's why; sahifa related prints them as
// data, in English) and the faults of the settings file, shown in the
// status line.
var arabicScreen = []entry{
	{"copy", text("نسخة")},
	{"same day", text("اليوم نفسه")},
	{"names: %s", text("أسماء مشتركة: %s")},
	{"words: %s", text("كلمات مشتركة: %s")},
	{"; ", text("؛ ")},

	// The loader's fixed reasons for a file it cannot read (corpus'
	// osReason, skippedReason and Load), on the screen and from the
	// commands.
	{"not a regular file", text("ليس ملفًا عاديًا")},
	{"no .txt, .md, .json or .jsonl files in this folder", text("لا ملفات .txt أو .md أو .json أو .jsonl في هذا المجلد")},
	{"a link to a folder: not followed, as it may lead round in a loop", text("رابط إلى مجلد: لم يُتَّبع، فقد يدور في حلقة")},

	{"%s: line %d: %s", text("%s: السطر %d: %s")},
	{"unknown setting %q (known: %s, [colors], [keys])", text("إعداد غير معروف %q (المعروفة: %s، و[colors]، و[keys])")},
	{"%s = %q: want one of %s", text("%s = %q: القيم الممكنة: %s")},
	{"unknown colour %q (known: %s)", text("لون غير معروف %q (المعروفة: %s)")},
	{"colors.%s = %q: want #rrggbb or a colour number 0–255", text("colors.%s = %q: اكتب #rrggbb أو رقم لون من 0 إلى 255")},
	{"unknown action %q (known: %s)", text("إجراء غير معروف %q (المعروفة: %s)")},
	{"keys.%s binds %q, which %s has already: give one of them another key",
		text("keys.%s يربط المفتاح %q، وهو مفتاح %s من قبل: اجعل لأحدهما مفتاحًا آخر")},
}
