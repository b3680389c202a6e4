package lang

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"
)

// englishCommands holds the commands' English texts that have plural
// forms (CLDR: one and other).
var englishCommands = []entry{
	{"%d collections", plural.Selectf(1, "%d", plural.One, "%[1]d collection", plural.Other, "%[1]d collections")},
	{"%d articles read and analysed in %v", plural.Selectf(1, "%d",
		plural.One, "%[1]d article read and analysed in %[2]v", plural.Other, "%[1]d articles read and analysed in %[2]v")},
	{"removed %d files from %s", plural.Selectf(1, "%d", plural.One, "removed %[1]d file from %[2]s", plural.Other, "removed %[1]d files from %[2]s")},
	{"%d new or changed files", plural.Selectf(1, "%d", plural.One, "%[1]d new or changed file", plural.Other, "%[1]d new or changed files")},
}

// arabicCommands holds the Arabic texts of the commands: sahifa -h and
// sahifa COMMAND -h, and what they say on standard error. Flag names and
// the values they take (ar, auto, file, date, rtl…), placeholders (PATH,
// FILE, URL, K), command names and the words a command prints as data
// (metadata, not before…) stay in Latin letters, as they are typed and
// printed. A line of several counts labels them ("المقالات: ٣") rather
// than agreeing a noun with each.
var arabicCommands = []entry{
	// sahifa -h.
	{"usage:", text("الاستعمال:")},
	{"read articles (the built-in seeds without PATH)", text("اقرأ المقالات (المقالات المدمجة إن لم يُذكر PATH)")},
	{"flags (they override the settings file, %s):", text("الخيارات (تتقدّم على ملف الإعدادات %s):")},
	{"commands:", text("الأوامر:")},
	{" (default %q)", text(" (الافتراضي %q)")},
	{" (default %v)", text(" (الافتراضي %v)")},
	{"`side` of the article list: rtl (right), ltr (left), auto (right when most articles are Arabic)",
		text("جانب (`side`) قائمة المقالات: rtl (اليمين)، أو ltr (اليسار)، أو auto (اليمين إن كانت أغلب المقالات عربية)")},
	{"who orders right-to-left text: app (Sahifa, the default) or terminal (for terminals that do bidi themselves)",
		text("مَن يرتّب النص المكتوب من اليمين إلى اليسار: app (صحيفة، وهو الافتراضي) أو terminal (للطرفيات التي ترتّبه بنفسها)")},
	{"join Arabic letters (on) or leave them to the terminal (off)", text("صِل الحروف العربية (on) أو اترك وصلها للطرفية (off)")},
	{"colours for a light or dark background, or auto (as the terminal says)", text("ألوان لخلفية فاتحة (light) أو داكنة (dark)، أو auto (كما تخبر الطرفية)")},
	{"interface `language`: ar (Arabic, laid out right to left), en, or auto (as LC_ALL, LC_MESSAGES or LANG say)",
		text("لغة (`language`) الواجهة: ar (العربية، من اليمين إلى اليسار)، أو en، أو auto (كما تحدد LC_ALL أو LC_MESSAGES أو LANG)")},
	{"digits of numbers: arabic (٠١٢…), western (012…), or auto (Arabic-Indic in Arabic)",
		text("أرقام الأعداد: arabic (٠١٢…)، أو western (012…)، أو auto (الأرقام الهندية مع العربية)")},
	{"read every file again, neither using nor writing the cache (see sahifa cache)",
		text("أعد قراءة كل ملف دون استعمال الذاكرة المؤقتة ولا الكتابة فيها (انظر sahifa cache)")},
	{"read the PostgreSQL archive at `URL` (see sahifa import) instead of files; $SAHIFA_DB when no PATH is given",
		text("اقرأ أرشيف PostgreSQL الذي عنوانه `URL` (انظر sahifa import) بدل الملفات؛ و$SAHIFA_DB إن لم يُذكر PATH")},
	{"unknown command %q (commands: %s; a file or folder of that name does not exist either)",
		text("أمر غير معروف %q (الأوامر: %s؛ ولا يوجد ملف أو مجلد بهذا الاسم أيضًا)")},
	{"%s: no such file or folder", text("%s: لا يوجد ملف أو مجلد بهذا الاسم")},
	{"no such file or folder", text("لا يوجد ملف أو مجلد بهذا الاسم")},
	{"permission denied", text("لا إذن بقراءته")},
	{"is a folder", text("هذا مجلد لا ملف")},
	{"a part of the path is no folder", text("جزء من المسار ليس مجلدًا")},
	{"--db reads an archive: give no PATH with it", text("الخيار --db يقرأ أرشيفًا: لا تذكر معه أي PATH")},
	{"no cache: %v", text("بلا ذاكرة مؤقتة: %v")},

	// The commands' lines in sahifa -h.
	{"print text as terminal lines: Arabic reordered, joined and wrapped", text("يطبع النص أسطرًا للطرفية: العربية مرتّبة وموصولة الحروف وملفوفة")},
	{"list the articles of files and folders: id, date, source, title", text("يسرد مقالات الملفات والمجلدات: المعرّف والتاريخ والمصدر والعنوان")},
	{"search files and folders: words, \"phrases\", prefix*, -excluded; ranked", text("يبحث في الملفات والمجلدات: كلمات، و\"عبارات\"، وبادئة*، و-مستبعدة؛ مرتّبةً حسب الصلة")},
	{"list the articles on the same story as an article, then related ones, with why", text("يسرد المقالات التي تتناول خبر مقالة ما، ثم المقالات ذات الصلة بها، مع السبب")},
	{"list each article's people, places and organisations; --conll tags CoNLL text", text("يسرد الأشخاص والأماكن والمنظمات في كل مقالة؛ ومع --conll يوسم نص CoNLL")},
	{"where the caches of opened collections are, how large; cache clear removes them", text("يبيّن مكان الذاكرة المؤقتة للمجموعات المفتوحة وحجمها؛ والأمر cache clear يحذفها")},
	{"list each article's own date and the dates its text names (Gregorian, Hijri, relative)", text("يسرد تاريخ كل مقالة والتواريخ التي يذكرها نصها (ميلادية وهجرية ونسبية)")},
	{"store articles, with their names and dates, in a PostgreSQL archive (--db URL)", text("يخزّن المقالات، مع أسمائها وتواريخها، في أرشيف PostgreSQL (--db URL)")},

	// Flags every command shares.
	{"language of messages: ar, en, or auto (as LC_ALL, LC_MESSAGES or LANG say)", text("لغة الرسائل: ar أو en أو auto (كما تحدد LC_ALL أو LC_MESSAGES أو LANG)")},
	{"read every file again, neither using nor writing the cache", text("أعد قراءة كل ملف دون استعمال الذاكرة المؤقتة ولا الكتابة فيها")},
	{"print one JSON object per article and line", text("اطبع كائن JSON واحدًا لكل مقالة في سطر")},
	{"print one JSON object per result and line", text("اطبع كائن JSON واحدًا لكل نتيجة في سطر")},

	// The flag package's faults.
	{"unknown flag %s", text("خيار غير معروف: %s")},
	{"the flag %s needs a value", text("الخيار %s يحتاج إلى قيمة")},
	{"bad flag syntax: %s", text("صيغة خيار خاطئة: %s")},
	{"%[2]s: %[1]s is neither true nor false (%[3]s)", text("%[2]s: القيمة %[1]s ليست true ولا false (%[3]s)")},
	{"%[1]s: no true or false value (%[2]s)", text("%[1]s: لا قيمة true أو false له (%[2]s)")},
	{"%[2]s: %[1]s is no valid value (%[3]s)", text("%[2]s: القيمة %[1]s غير صالحة (%[3]s)")},
	{"parse error", text("تعذّرت قراءتها")},
	{"value out of range", text("خارج النطاق")},
	{"want one of %s", text("القيم الممكنة: %s")},
	{"--lang: %q is neither ar, en nor auto", text("--lang: القيمة %q ليست ar ولا en ولا auto")},

	// sahifa list and dates.
	{"Lists the articles in the files and folders (the seeds without PATH): id, date, source, title.",
		text("يسرد مقالات الملفات والمجلدات (المقالات المدمجة إن لم يُذكر PATH): المعرّف والتاريخ والمصدر والعنوان.")},
	{"only articles whose own date is on or after `DATE` (2018, 2018-03, 2018-03-15, مارس 2018, 1436)",
		text("المقالات التي تاريخها `DATE` أو بعده فقط (2018، 2018-03، 2018-03-15، مارس 2018، 1436)")},
	{"only articles whose own date is on or before `DATE` (2018, 2018-03, 2018-03-15, مارس 2018, 1436)",
		text("المقالات التي تاريخها `DATE` أو قبله فقط (2018، 2018-03، 2018-03-15، مارس 2018، 1436)")},
	{"order: file (as read) or date (newest first, undated last)", text("الترتيب: file (كما قُرئت) أو date (الأحدث أولًا، وغير المؤرّخة أخيرًا)")},
	{"--sort: %q is neither file nor date", text("--sort: القيمة %q ليست file ولا date")},
	{"the range ends before it starts", text("المدى ينتهي قبل أن يبدأ")},
	{`not a date: write 2018, 2018-03, 2018-03-15, مارس 2018, رمضان 1436 or 1436, or two joined by ".."`,
		text(`ليس تاريخًا: اكتب 2018 أو 2018-03 أو 2018-03-15 أو مارس 2018 أو رمضان 1436 أو 1436، أو تاريخين بينهما ".."`)},
	{"Lists each article's own date and where it comes from (metadata, dateline or text), or the\n" +
		"date it cannot be older than (not before), then the dates its text names: paragraph:start-end\n" +
		"byte offsets, value (a range as FIRST..LAST), calendar, and the words as written.",
		text("يسرد تاريخ كل مقالة ومن أين عُرف (metadata أو dateline أو text)، أو التاريخ الذي لا يمكن\n" +
			"أن تكون أقدم منه (not before)، ثم التواريخ التي يذكرها نصها: مواضعها paragraph:start-end\n" +
			"بالبايت، وقيمتها (والمدى بصيغة FIRST..LAST)، وتقويمها، وكلماتها كما كُتبت.")},

	// sahifa search and related.
	{"Searches the articles in the files and folders (the seeds without PATH).\n" +
		"QUERY: words (all required), \"exact phrase\", prefix*, -excluded;\n" +
		"a QUERY that starts with - goes after --.",
		text("يبحث في مقالات الملفات والمجلدات (المقالات المدمجة إن لم يُذكر PATH).\n" +
			"QUERY: كلمات (كلها مطلوبة)، و\"عبارة بعينها\"، وبادئة*، و-مستبعدة؛\n" +
			"والاستعلام QUERY الذي يبدأ بـ - يُكتب بعد --.")},
	{"print one JSON object per result and line, with the matched ranges", text("اطبع كائن JSON واحدًا لكل نتيجة في سطر، مع مواضع التطابق")},
	{"print at most `K` results per query (0: all)", text("اطبع `K` نتيجة على الأكثر لكل استعلام (0: الكل)")},
	{"run each line of `FILE` as a query (- for standard input)", text("نفّذ كل سطر من `FILE` استعلامًا (- للدخل القياسي)")},
	{"left out of the query, as no word to search by: %s", text("استُبعد من الاستعلام لأنه لا كلمة فيه يُبحث بها: %s")},
	{"line %d: left out of the query, as no word to search by: %s", text("السطر %d: استُبعد من الاستعلام لأنه لا كلمة فيه يُبحث بها: %s")},
	{"%d articles loaded and indexed in %v; %d queries, %d with results; latency p50 %v, p99 %v, max %v",
		text("المقالات المحمّلة والمفهرسة: %d في %v؛ الاستعلامات: %d، منها %d بنتائج؛ زمن الاستجابة: p50 %v، p99 %v، الأقصى %v")},
	{"Lists the articles on the same story as ARTICLE, then those related to it, with why\n" +
		"(the seeds without PATH). ARTICLE is an id (as `sahifa list` prints it), a URL or a title.\n" +
		"Columns: rank, id, date, source, score, S (same story) or R (related), title, reasons, copies.",
		text("يسرد المقالات التي تتناول خبر ARTICLE نفسه، ثم المقالات ذات الصلة به، مع السبب\n" +
			"(المقالات المدمجة إن لم يُذكر PATH). ARTICLE معرّف (كما يطبعه `sahifa list`) أو رابط أو عنوان.\n" +
			"الأعمدة: الترتيب، المعرّف، التاريخ، المصدر، الدرجة، S (الخبر نفسه) أو R (ذات صلة)، العنوان، الأسباب، النسخ.")},
	{"print at most `K` rows per article", text("اطبع `K` صفًا على الأكثر لكل مقالة")},
	{"read one ARTICLE a line from `FILE` (- for standard input)", text("اقرأ مقالة (ARTICLE) من كل سطر في `FILE` (- للدخل القياسي)")},
	{"line %d: no article %q", text("السطر %d: لا توجد مقالة %q")},
	{"%d articles loaded and indexed in %v; %d articles asked, all answered in %v; latency p50 %v, p99 %v, max %v",
		text("المقالات المحمّلة والمفهرسة: %d في %v؛ المقالات المطلوبة: %d، أُجيب عنها كلها في %v؛ زمن الاستجابة: p50 %v، p99 %v، الأقصى %v")},

	// sahifa entities.
	{"Lists each article's named entities (the seeds without PATH): kind, label, mentions as\n" +
		"paragraph:start-end byte offsets, paragraph -1 being the title. With --conll, reads one\n" +
		"token per line (extra columns ignored, a blank line between sentences) from FILE or\n" +
		"standard input and writes each token with its B-/I- PERS, LOC, ORG or MISC tag.",
		text("يسرد أسماء الأعلام في كل مقالة (المقالات المدمجة إن لم يُذكر PATH): النوع والتسمية ومواضع الذكر\n" +
			"بصيغة paragraph:start-end بالبايت، والفقرة -1 هي العنوان. ومع --conll يقرأ كلمة في كل سطر\n" +
			"(وتُهمل الأعمدة الزائدة، وبين الجمل سطر فارغ) من FILE أو من الدخل القياسي، ويكتب كل كلمة\n" +
			"مع وسمها B-/I- من PERS أو LOC أو ORG أو MISC.")},
	{"tag CoNLL input instead of reading articles", text("يوسم دخلًا بصيغة CoNLL بدل قراءة المقالات")},
	{"with --conll: a name found in a sentence is also tagged where it recurs within the same block\n" +
		"of this many sentences (blocks never cross a -DOCSTART- line); 1 tags each sentence alone",
		text("مع --conll: يوسم الاسمَ الموجود في جملة حيث يتكرر أيضًا داخل كتلة واحدة\n" +
			"من هذا العدد من الجمل (ولا تتخطى الكتلة سطر -DOCSTART-)؛ والقيمة 1 توسم كل جملة وحدها")},
	{"--conll: one FILE at most", text("--conll: ملف FILE واحد على الأكثر")},

	// sahifa render.
	{"Prints each line of the files (standard input without files) as terminal lines in visual order.",
		text("يطبع كل سطر من الملفات (أو من الدخل القياسي إن لم تُذكر ملفات) أسطرًا للطرفية بالترتيب المرئي.")},
	{"wrap to `N` cells (0: no wrapping)", text("لُفّ الأسطر عند `N` خانة (0: بلا لفّ)")},
	{"paragraph direction: auto (first strong letter), rtl or ltr", text("اتجاه الفقرة: auto (حسب أول حرف قوي الاتجاه)، أو rtl، أو ltr")},
	{"right-align right-to-left lines to the width", text("املأ الأسطر المكتوبة من اليمين إلى اليسار حتى العرض لتُحاذى يمينًا")},
	{"do not join Arabic letters", text("لا تصل الحروف العربية")},
	{"drop harakat", text("احذف الحركات")},
	{"app: reorder and shape here; terminal: keep logical order for a terminal that reorders",
		text("app: الترتيب ووصل الحروف هنا؛ terminal: إبقاء الترتيب المنطقي لطرفية ترتّب بنفسها")},
	{"--dir must be auto, rtl or ltr, not %q", text("يجب أن تكون قيمة --dir إحدى auto أو rtl أو ltr، لا %q")},
	{"--bidi must be app or terminal, not %q", text("يجب أن تكون قيمة --bidi إما app أو terminal، لا %q")},
	{"-w must not be negative", text("لا يجوز أن تكون قيمة -w سالبة")},
	{"standard input", text("الدخل القياسي")},
	{"%s: line %d is longer than %d KiB: laid out in pieces", text("%s: السطر %d أطول من %d كيلوبايت، فرُتّب أجزاءً")},

	// sahifa cache.
	{"Says where the caches of opened collections are kept and their size; clear removes them.\n" +
		"They are rebuilt the next time a collection is opened.",
		text("يبيّن أين تُحفظ الذاكرة المؤقتة للمجموعات المفتوحة وحجمها؛ والأمر clear يحذفها.\n" +
			"وتُبنى من جديد عند فتح المجموعة في المرة التالية.")},
	{"%d collections", counted(1, "لا مجموعات", "مجموعة واحدة", "مجموعتان", "%[1]d مجموعات", "%[1]d مجموعة")},
	{"%.1f MB", text("%.1f ميغابايت")},
	{"removed %d files from %s", removedFiles},

	// sahifa import.
	{"Stores the articles of the files and folders (the seeds without PATH), with their names and dates,\n" +
		"in a PostgreSQL archive; articles it holds already are skipped. Progress goes to standard error.",
		text("يخزّن مقالات الملفات والمجلدات (المقالات المدمجة إن لم يُذكر PATH)، مع أسمائها وتواريخها،\n" +
			"في أرشيف PostgreSQL، ويتخطى المقالات المخزّنة فيه من قبل. ويُكتب التقدّم في الخطأ القياسي.")},
	{"the archive's PostgreSQL `URL` (postgres://user@host/db); $SAHIFA_DB by default",
		text("عنوان (`URL`) أرشيف PostgreSQL (postgres://user@host/db)؛ وافتراضيًا $SAHIFA_DB")},
	{"articles stored per transaction", text("عدد المقالات المخزّنة في كل معاملة")},
	{"after the import, keep looking for new and changed files in PATH and import them, until interrupted",
		text("بعد الاستيراد، واصل البحث عن الملفات الجديدة والمعدّلة في PATH واستوردها، حتى يُوقف")},
	{"how often --watch looks", text("كم مرة يبحث --watch")},
	{"--watch looks in files and folders: give a PATH", text("--watch يبحث في الملفات والمجلدات: اذكر PATH")},
	{"watching for new and changed files every %v; ctrl+c stops",
		text("مراقبة الملفات الجديدة والمعدّلة كل %v؛ ctrl+c يوقفها")},
	{"%d new or changed files", counted(1, "لا ملفات جديدة أو معدّلة", "ملف واحد جديد أو معدّل", "ملفان جديدان أو معدّلان",
		"%[1]d ملفات جديدة أو معدّلة", "%[1]d ملفًا جديدًا أو معدّلًا")},
	{"%d articles read and analysed in %v", counted(1, "لم تُقرأ أي مقالة (%[2]v)", "قُرئت مقالة واحدة وحُلّلت في %[2]v",
		"قُرئت مقالتان وحُلّلتا في %[2]v", "قُرئت %[1]d مقالات وحُلّلت في %[2]v", "قُرئت %[1]d مقالة وحُلّلت في %[2]v")},
	{"%d of %d articles stored before this error; run the import again to go on",
		text("المقالات المخزّنة قبل هذا الخطأ: %d من %d؛ أعد تشغيل الاستيراد لإكماله")},
	{"%d/%d articles, %d new, %.0f articles/s", text("المقالات: %d/%d، الجديدة منها: %d، %.0f مقالة/ث")},
	{"done: %d new, %d already there, in %v", text("اكتمل: الجديدة %d، والموجودة من قبل %d، في %v")},
}

// removedFiles counts files as Arabic does, with the tamyiz of 11–99 in
// the accusative (ملفًا) and of 100 and above in the genitive (ملف),
// which the feminine nouns counted elsewhere write alike.
var removedFiles catalog.Message = plural.Selectf(1, "%d",
	plural.Zero, "لم يُحذف أي ملف من %[2]s",
	plural.One, "حُذف ملف واحد من %[2]s",
	plural.Two, "حُذف ملفان من %[2]s",
	plural.Few, "حُذفت %[1]d ملفات من %[2]s",
	plural.Many, "حُذف %[1]d ملفًا من %[2]s",
	plural.Other, "حُذف %[1]d ملف من %[2]s")
