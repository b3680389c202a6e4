package lang

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"
)

// counted is a count of things in Arabic's six CLDR forms (arg is the
// argument counted, from 1): zero, one (a singular with واحد/واحدة), two
// (the dual), few for 3–10 (plural), many for 11–99 and other for 100 and
// above (the singular tamyiz). Where a form has no %d the number is in
// the word, as Arabic writes مقالتان rather than ٢ مقالة.
func counted(arg int, zero, one, two, few, many string) catalog.Message {
	return plural.Selectf(arg, "%d",
		plural.Zero, zero,
		plural.One, one,
		plural.Two, two,
		plural.Few, few,
		plural.Many, many,
		plural.Other, many)
}

// arabic holds the Arabic texts, in Modern Standard Arabic as a news
// reader writes it. Key names (enter, esc, q), options (--bidi=terminal)
// and program names stay in Latin letters, as on the keyboard and the
// command line.
var arabic = []entry{
	// Counts.
	{"%d articles", counted(1, "لا مقالات", "مقالة واحدة", "مقالتان", "%[1]d مقالات", "%[1]d مقالة")},
	{"%d found", counted(1, "لم يُعثر على شيء", "نتيجة واحدة", "نتيجتان", "%[1]d نتائج", "%[1]d نتيجة")},
	{"%s found", text("النتيجة %s")},
	{"%s of %d found", counted(2, "%[1]s من لا شيء", "%[1]s من نتيجة واحدة", "%[1]s من نتيجتين", "%[1]s من %[2]d نتائج", "%[1]s من %[2]d نتيجة")},
	{"%d problems (p)", counted(1, "لا مشكلات (p)", "مشكلة واحدة (p)", "مشكلتان (p)", "%[1]d مشكلات (p)", "%[1]d مشكلة (p)")},
	{"+%d copies", counted(1, "", "+ نسخة واحدة", "+ نسختان", "+ %[1]d نسخ", "+ %[1]d نسخة")},
	{"%d new articles", counted(1, "لا مقالات جديدة", "مقالة جديدة واحدة", "مقالتان جديدتان", "%[1]d مقالات جديدة", "%[1]d مقالة جديدة")},
	{"%d duplicates left out", counted(1, "لا نسخ مكررة", "استُبعدت نسخة مكررة واحدة", "استُبعدت نسختان مكررتان", "استُبعدت %[1]d نسخ مكررة", "استُبعدت %[1]d نسخة مكررة")},
	{"%d s left", counted(1, "لم يبقَ وقت", "تبقّت ثانية واحدة", "تبقّت ثانيتان", "تبقّت %[1]d ثوانٍ", "تبقّت %[1]d ثانية")},
	{"%d art.", counted(1, "لا مقالات", "مقالة واحدة", "مقالتان", "%[1]d مقالات", "%[1]d مقالة")},
	{"%d/%d files", text("الملفات %d/%d")},
	{"%d/s", text("%d/ث")},
	{"%.1f/%.1f MB", text("%.1f/%.1f ميغابايت")},
	{"%d/%d MB", text("%d/%d ميغابايت")},
	{"%d–%d/%d %d%%", text("%[1]d–%[2]d من %[3]d · %[4]d٪")},
	{"¶ %d/%d %d%%…", text("¶ %[1]d من %[2]d · %[3]d٪…")},
	{"%d by %s · %d undated", text("%d حسب %s · %d بلا تاريخ")},

	// Titles.
	{"Sahifa", text("صحيفة")},
	{"Articles %d", text("المقالات %d")},
	{"Bookmarks %d", text("المحفوظات %d")},
	{"%s of %d", text("%s من %d")},
	{"Reader", text("المقالة")},
	{"Removed text", text("النص المحذوف")},
	{"Entities", text("الأسماء")},
	{"Dates", text("التواريخ")},
	{"Related", text("ذات صلة")},
	{"Related %d", text("ذات صلة %d")},
	{"People", text("الأشخاص")},
	{"Places", text("الأماكن")},
	{"Organisations", text("المنظمات")},
	{"Other names", text("أسماء أخرى")},
	{"Load problems (%d) — esc closes", text("مشكلات التحميل (%d) — esc للإغلاق")},

	// Messages of the panes.
	{"No articles.", text("لا مقالات.")},
	{"No bookmarks: m bookmarks an article.", text("لا مقالات محفوظة: اضغط m لحفظ مقالة.")},
	{"Nothing found.", text("لم يُعثر على شيء.")},
	{"Loading…", text("جارٍ التحميل…")},
	{"Select an article and press enter.", text("اختر مقالة واضغط enter.")},
	{"(untitled)", text("(بلا عنوان)")},
	{"The loader removed nothing from this article.", text("لم يحذف المحمِّل شيئًا من هذه المقالة.")},
	{"Removed by the loader as page furniture (%d):", text("ما حذفه المحمِّل من حواشي الصفحة (%d):")},
	{"Same text also in: %s", text("النص نفسه موجود أيضًا في: %s")},
	{", from ", text("، نقلًا عن ")},
	{", ", text("، ")},
	{"date unknown", text("التاريخ غير معروف")},
	{"from metadata", text("من البيانات الوصفية")},
	{"from the dateline", text("من سطر التاريخ")},
	{"RTL", text("من اليمين")},
	{"LTR", text("من اليسار")},
	{"Open an article to see the names in it.", text("افتح مقالة لترى الأسماء الواردة فيها.")},
	{"Finding names…", text("جارٍ استخراج الأسماء…")},
	{"No names found in this article.", text("لم يُعثر على أسماء في هذه المقالة.")},
	{"Most named in the collection", text("الأكثر ذكرًا في المجموعة")},
	{"Reading the rest…", text("جارٍ قراءة البقية…")},
	{"Open an article to see the articles on the same story.", text("افتح مقالة لترى المقالات التي تتناول الخبر نفسه.")},
	{"Finding related articles…", text("جارٍ البحث عن مقالات ذات صلة…")},
	{"No related articles found.", text("لم يُعثر على مقالات ذات صلة.")},
	{"related", text("ذات صلة")},
	{"same story", text("الخبر نفسه")},
	{"Reading dates…", text("جارٍ قراءة التواريخ…")},
	{"No dates named in this article.", text("لا تذكر هذه المقالة أي تاريخ.")},
	{"Written %s (%s)", text("كُتبت في %s (%s)")},
	{"Date unknown, not before %s", text("التاريخ غير معروف، وليس قبل %s")},
	{"Date unknown", text("التاريخ غير معروف")},
	{"metadata", text("البيانات الوصفية")},
	{"dateline", text("سطر التاريخ")},
	{"text", text("النص")},
	{"Counting dates…", text("جارٍ عدّ التواريخ…")},
	{"undated", text("بلا تاريخ")},
	{"week of %s", text("أسبوع %s")},
	{"day", text("اليوم")},
	{"week", text("الأسبوع")},
	{"month", text("الشهر")},
	{"year", text("السنة")},
	{"dates", text("التواريخ")},
	{"not a date: try 2018-03, مارس 2018, 1436, 2015..2016", text("ليس تاريخًا: جرّب 2018-03 أو مارس 2018 أو 1436 أو 2015..2016")},
	{"enter: filter · esc: cancel", text("enter: تصفية · esc: إلغاء")},
	{"esc clears", text("esc للمسح")},
	{"left out: %s", text("أُسقط من البحث: %s")},

	// The status line.
	{"Loading", text("التحميل")},
	{"Finding names", text("استخراج الأسماء")},
	{"Checking names across the collection", text("مراجعة الأسماء في المجموعة كلها")},
	{"the archive cannot be reached: trying again", text("تعذّر الوصول إلى الأرشيف: تُعاد المحاولة")},
	{"bookmarked", text("محفوظة")},
	{"bookmark removed", text("أُلغي الحفظ")},
	{"marks not saved: %v", text("لم تُحفظ العلامات: %v")},
	{"naming %s", text("تذكر %s")},
	{"from %s", text("من %s")},
	{"in %s", text("في %s")},
	{"dated %s", text("بتاريخ %s")},
	{"dated %s–%s", text("بتاريخ %s–%s")},
	{"file order", text("ترتيب الملفات")},
	{"newest first", text("الأحدث أولًا")},
	{"oldest first", text("الأقدم أولًا")},
	{"by source", text("حسب المصدر")},
	{"copied (OSC 52; if your terminal refuses, copy it from here): %s", text("نُسخ الرابط (OSC 52؛ إن رفضته الطرفية فانسخه من هنا): %s")},
	{"this article has no http or https link", text("ليس لهذه المقالة رابط http أو https")},
	{"opening %s", text("جارٍ فتح %s")},
	{"could not open the link with %s: %v", text("تعذّر فتح الرابط باستخدام %s: %v")},
	{"this terminal still reorders Arabic itself: run with --bidi=terminal", text("ما زالت هذه الطرفية تعيد ترتيب العربية بنفسها: شغّل البرنامج مع --bidi=terminal")},
	{"Konsole reorders Arabic again: untick Bi-Directional text rendering in the profile, or run with --bidi=terminal", text("يعيد Konsole ترتيب العربية مرة ثانية: ألغِ تحديد Bi-Directional text rendering في الملف الشخصي، أو شغّل البرنامج مع --bidi=terminal")},
	{"mlterm reorders Arabic again: run with --bidi=terminal", text("يعيد mlterm ترتيب العربية مرة ثانية: شغّل البرنامج مع --bidi=terminal")},
	{"kitty turns Arabic words around again: set force_ltr yes in kitty.conf", text("يقلب kitty الكلمات العربية مرة ثانية: اضبط force_ltr yes في kitty.conf")},
	{"Terminal.app reorders Arabic again: run with --bidi=terminal", text("يعيد Terminal.app ترتيب العربية مرة ثانية: شغّل البرنامج مع --bidi=terminal")},
	{"in tmux, set -g allow-passthrough on so that Sahifa can turn the terminal's own bidi off", text("في tmux اضبط set -g allow-passthrough on ليتمكن صحيفة من إيقاف ثنائية الاتجاه في الطرفية")},

	// Said by main before the screen opens.
	{"defaults used: %v", text("استُخدمت الإعدادات الافتراضية: %v")},
	{"marks kept for this run only: set XDG_STATE_HOME or HOME to keep them", text("تُحفظ العلامات لهذه الجلسة فقط: اضبط XDG_STATE_HOME أو HOME لحفظها")},
	{"marks kept for this run only: the state folder %s is inside %s", text("تُحفظ العلامات لهذه الجلسة فقط: مجلد الحالة %s يقع داخل %s")},

	// What keys do, in the help bar and the guide.
	{"space", text("مسافة")},
	{"up", text("صعودًا")},
	{"down", text("نزولًا")},
	{"page down", text("الصفحة التالية")},
	{"page up", text("الصفحة السابقة")},
	{"half page down", text("نصف صفحة تالية")},
	{"half page up", text("نصف صفحة سابقة")},
	{"top", text("الأعلى")},
	{"bottom", text("الأسفل")},
	{"next pane", text("اللوحة التالية")},
	{"previous pane", text("اللوحة السابقة")},
	{"open", text("فتح")},
	{"next article", text("المقالة التالية")},
	{"previous article", text("المقالة السابقة")},
	{"next article in history", text("المقالة التالية في السجل")},
	{"back", text("رجوع")},
	{"removed text", text("النص المحذوف")},
	{"load problems", text("مشكلات التحميل")},
	{"search", text("بحث")},
	{"date range", text("نطاق التواريخ")},
	{"next match", text("التطابق التالي")},
	{"previous match", text("التطابق السابق")},
	{"next mention", text("الذكر التالي")},
	{"previous mention", text("الذكر السابق")},
	{"open link", text("فتح الرابط")},
	{"copy link", text("نسخ الرابط")},
	{"bookmark", text("حفظ")},
	{"drop bookmark", text("إلغاء الحفظ")},
	{"bookmarks", text("المحفوظات")},
	{"all articles", text("كل المقالات")},
	{"same source", text("المصدر نفسه")},
	{"all sources", text("كل المصادر")},
	{"same category", text("الفئة نفسها")},
	{"all categories", text("كل الفئات")},
	{"help", text("مساعدة")},
	{"quit", text("خروج")},
	{"list", text("القائمة")},
	{"keep results", text("إبقاء النتائج")},
	{"clear search", text("مسح البحث")},
	{"leave filter", text("إلغاء التصفية")},
	{"cancel", text("إلغاء")},
	{"filter by dates", text("التصفية بالتواريخ")},
	{"next result", text("النتيجة التالية")},
	{"previous result", text("النتيجة السابقة")},
	{"timeline", text("الخط الزمني")},
	{"article's dates", text("تواريخ المقالة")},
	{"articles naming it", text("المقالات التي تذكره")},
	{"open related", text("فتح المقالة ذات الصلة")},
	{"undated articles", text("المقالات غير المؤرخة")},
	{"articles of that day", text("مقالات ذلك اليوم")},
	{"articles of that week", text("مقالات ذلك الأسبوع")},
	{"articles of that month", text("مقالات ذلك الشهر")},
	{"articles of that year", text("مقالات تلك السنة")},

	// The guide (?).
	{"Sahifa keys", text("مفاتيح صحيفة")},
	{"Moving", text("التنقل")},
	{"Panes and articles", text("اللوحات والمقالات")},
	{"Search, help, quitting", text("البحث والمساعدة والخروج")},
	{"While typing a search", text("أثناء كتابة البحث")},
	{"In the Entities panel", text("في لوحة الأسماء")},
	{"In the Related panel", text("في لوحة المقالات ذات الصلة")},
	{" (also %s)", text(" (وكذلك %s)")},
	{"Results change as you type; pasted text goes into the query. / in the list searches " +
		"the collection, / in the reader the open article, n and N stepping through its matches.",
		text("تتغير النتائج أثناء الكتابة، ويدخل النص الملصق في الاستعلام. يبحث / في القائمة داخل المجموعة كلها، " +
			"وفي القارئ داخل المقالة المفتوحة، وينتقل n وN بين مواضع التطابق فيها.")},
	{"Moving through the names highlights the chosen one in the open article; n and N step " +
		"through its mentions. enter lists the articles that name it, with their count, and esc leaves " +
		"that list. With no article open the panel shows the names found in the most articles.",
		text("يُبرز التنقل بين الأسماء الاسمَ المختار في المقالة المفتوحة، وينتقل n وN بين مواضع ذكره. " +
			"ويعرض enter المقالات التي تذكره مع عددها، ويغادر esc تلك القائمة. " +
			"وإن لم تكن هناك مقالة مفتوحة عرضت اللوحة الأسماء الواردة في أكبر عدد من المقالات.")},
	{"The articles on the same story as the open one come first, then those related by names and " +
		"words; each row gives the date, the source, the copies it stands for and why. enter opens one. " +
		"Every article opened is kept in a history, as in a browser: esc in the reader (once no highlight " +
		"is left), H or ctrl+o go back to the one before at the line you left it, with the list as it " +
		"was; L or ctrl+i go forward. q in the reader goes back to the list, and quits from the list.",
		text("تأتي أولًا المقالات التي تتناول خبر المقالة المفتوحة نفسه، ثم المقالات المرتبطة بها بالأسماء والكلمات؛ " +
			"ويذكر كل صف التاريخ والمصدر وعدد النسخ التي يمثلها وسبب الارتباط. ويفتح enter إحداها. " +
			"وتُحفظ كل مقالة تُفتح في سجل كما في المتصفح: يعود esc في القارئ (بعد زوال كل إبراز) وH وctrl+o " +
			"إلى المقالة السابقة عند السطر الذي تركتَه، والقائمةُ كما كانت؛ ويتقدم L وctrl+i إلى الأمام. " +
			"ويعود q في القارئ إلى القائمة، ويُنهي البرنامج إذا ضُغط في القائمة.")},
	{"On an Arabic keyboard layout the same physical keys work: ت and ن move, ل goes to the top, " +
		"ﻻ pages up, ض is q, أ is H.",
		text("في تخطيط لوحة المفاتيح العربي تعمل المفاتيح نفسها: ت أو ن للتنقل، ل للذهاب إلى الأعلى، " +
			"ﻻ للصفحة السابقة، ض بمثابة q، أ بمثابة H.")},
	{"Press esc or ? to close this screen.", text("اضغط esc أو ? لإغلاق هذه الشاشة.")},
}
