package dates

import (
	"strings"

	"sahifa/corpus/arabic"
)

// role is what a word or phrase of the lexicon can be in a date.
type role uint8

const (
	roleNone        role = iota
	roleMonth            // a Gregorian month name; val 1–12
	roleHMonth           // a Hijri month name; val 1–12
	roleWeekday          // a day of the week; val is time.Weekday
	roleOrdinal          // an ordinal day word (الخامس); val 1–10, or 20/30 for العشرين/الثلاثين
	roleTeen             // عشر after an ordinal: adds 10
	roleTens             // والعشرين after an ordinal: adds val
	roleEra              // an era marker after a year; val is the Calendar
	roleDeictic          // اليوم, أمس, غدا: val days from the day of writing
	roleUnit             // يوم, الأسبوع, الشهر, العام: val is a unit
	roleModifier         // الماضي, المقبل, الحالي: val -1, +1 or 0
	roleYearCue          // a word after which a bare number is a year (عام, سنة)
	rolePrep             // a preposition after which a number or month is a date (في, منذ)
	roleMonthWord        // شهر, before a month name
	roleFuture           // a word that points what follows to the future (سوف, المقرر)
	roleAgreeing         // الموافق, joining a Hijri date to its Gregorian one
	roleNotDay           // a word after which a number is not a day (كاك, خليجي)
	roleNotDeictic       // a word before اليوم that makes it "the day" (لينهي, ذلك)
	roleDayNoun          // an adjective after اليوم that makes it "the day" (الوطني)
	roleNotTwo           // a word before الاثنين that makes it "the two" (بين, كلا)
	roleThis             // هذا, هذه: this week, month, year
	roleFirstDay         // غرة: the first day of the month that follows
	roleNegPast          // لم, which puts the imperfect verb after it in the past
	roleSubjunctive      // أن, لن, which put the imperfect verb after them to come
	roleSaid             // a perfect verb of reporting, which puts a date right after it in the past
	roleGeneral          // a noun after which العام is "general" (النائب العام), not a year
	roleUntil            // a word that makes a date the end of a term (حتى, بحلول)
	rolePast             // a word that points what follows to the past (كان, منذ)
	roleWeekOrdinal      // الأول… الأخير after الأسبوع: which week of a month; val 1–4, -1 the last
	roleRangeTo          // إلى, حتى between the first and last day of a range
	rolePlaceNoun        // مدينة, جسر: a noun whose name may look like a date (مدينة 6 أكتوبر)
	roleTimeConj         // قبل, بعد before أن: the verb after takes the main clause's time
	roleShared           // القادمين, الماضيين: a plural modifier, shared by two days joined by و
	roleCount            // the number of roles: a token has a bit for each (token.roles)
)

// Units of roleUnit entries.
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
)

// monthSystem is the set of Gregorian month names a month name belongs to.
type monthSystem uint8

const (
	noSystem  monthSystem = iota
	egyptian              // يناير فبراير مارس… (Egypt, the Gulf, most of the Arab press)
	levantine             // كانون الثاني شباط آذار… (Syria, Lebanon, Jordan, Iraq, Palestine)
	maghrebi              // جانفي فيفري أفريل ماي جوان… (Tunisia, Algeria) and Morocco's يوليوز غشت
)

// entry is one word or phrase of the lexicon, as written in its source;
// the lexicon holds it folded.
type entry struct {
	words string
	role  role
	val   int
	sys   monthSystem
}

// gregorianMonths are the Gregorian month names in the three systems.
// Source: CLDR 48.2.0 gregorian calendar, wide format names, locales ar
// (Egyptian), ar-SY/LB/JO/IQ/PS (Levantine), ar-TN/DZ and ar-MA/MR
// (Maghrebi); spellings that CLDR lacks but news writes are from Python
// dateparser's ar.yaml supplement (يونيه يونية يوليه يولية) and
// ../shared/notes/arabic.md §5.1 (إبريل, افريل, اوت, تشرین with a Persian
// yeh). Hamza-less forms (ابريل, اغسطس, اكتوبر, اذار, ايار, اب, ايلول)
// need no entry: folding drops hamza and madda before lookup.
var gregorianMonths = []entry{
	{"يناير", roleMonth, 1, egyptian}, {"فبراير", roleMonth, 2, egyptian}, {"مارس", roleMonth, 3, egyptian},
	{"أبريل", roleMonth, 4, egyptian}, {"إبريل", roleMonth, 4, egyptian}, {"مايو", roleMonth, 5, egyptian},
	{"يونيو", roleMonth, 6, egyptian}, {"يونيه", roleMonth, 6, egyptian}, {"يونية", roleMonth, 6, egyptian},
	{"يوليو", roleMonth, 7, egyptian}, {"يوليه", roleMonth, 7, egyptian}, {"يولية", roleMonth, 7, egyptian},
	{"أغسطس", roleMonth, 8, egyptian}, {"سبتمبر", roleMonth, 9, egyptian}, {"أكتوبر", roleMonth, 10, egyptian},
	{"نوفمبر", roleMonth, 11, egyptian}, {"ديسمبر", roleMonth, 12, egyptian},

	{"كانون الثاني", roleMonth, 1, levantine}, {"شباط", roleMonth, 2, levantine}, {"آذار", roleMonth, 3, levantine},
	{"نيسان", roleMonth, 4, levantine}, {"أيار", roleMonth, 5, levantine}, {"حزيران", roleMonth, 6, levantine},
	{"تموز", roleMonth, 7, levantine}, {"آب", roleMonth, 8, levantine}, {"أيلول", roleMonth, 9, levantine},
	{"تشرين الأول", roleMonth, 10, levantine}, {"تشرين الثاني", roleMonth, 11, levantine},
	{"كانون الأول", roleMonth, 12, levantine},
	{"تشرین الأول", roleMonth, 10, levantine}, {"تشرین الثاني", roleMonth, 11, levantine},

	{"جانفي", roleMonth, 1, maghrebi}, {"فيفري", roleMonth, 2, maghrebi}, {"أفريل", roleMonth, 4, maghrebi},
	{"ماي", roleMonth, 5, maghrebi}, {"جوان", roleMonth, 6, maghrebi}, {"جويلية", roleMonth, 7, maghrebi},
	{"أوت", roleMonth, 8, maghrebi}, {"يوليوز", roleMonth, 7, maghrebi}, {"غشت", roleMonth, 8, maghrebi},
	{"شتنبر", roleMonth, 9, maghrebi}, {"نونبر", roleMonth, 11, maghrebi}, {"دجنبر", roleMonth, 12, maghrebi},
}

// hijriMonths are the months of the Islamic calendar. Source: CLDR 48.2.0
// islamic calendar, locale ar (the same in every ar-* locale), with the
// variants news uses (ربيع الثاني, جمادى الثانية, ذي in the genitive) from
// ../shared/notes/arabic.md §5.1, and المحرم with the article, as Saudi
// copy writes it (شهر المحرم المقبل, 2015-08-06.json#1917).
var hijriMonths = []entry{
	{"محرم", roleHMonth, 1, 0}, {"المحرم", roleHMonth, 1, 0}, {"صفر", roleHMonth, 2, 0},
	{"ربيع الأول", roleHMonth, 3, 0}, {"ربيع الآخر", roleHMonth, 4, 0}, {"ربيع الثاني", roleHMonth, 4, 0},
	{"جمادى الأولى", roleHMonth, 5, 0}, {"جمادى الأول", roleHMonth, 5, 0},
	{"جمادى الآخرة", roleHMonth, 6, 0}, {"جمادى الثانية", roleHMonth, 6, 0}, {"جمادى الآخر", roleHMonth, 6, 0},
	{"رجب", roleHMonth, 7, 0}, {"شعبان", roleHMonth, 8, 0}, {"رمضان", roleHMonth, 9, 0}, {"شوال", roleHMonth, 10, 0},
	{"ذو القعدة", roleHMonth, 11, 0}, {"ذي القعدة", roleHMonth, 11, 0},
	{"ذو الحجة", roleHMonth, 12, 0}, {"ذي الحجة", roleHMonth, 12, 0},
}

// ambiguousMonths are month names that are more often something else in
// news: Theresa May, Recep Erdoğan, zero, father, "he practised", a man's
// name, the carmaker Nissan, "forbidden". They are read as months only next to a day, a year, شهر or a
// modifier. Source: the counts in ../shared/notes/arabic.md §5.2.
var ambiguousMonths = []string{"ماي", "رجب", "صفر", "آب", "مارس", "شعبان", "رمضان", "أيار", "نيسان", "محرم"}

// weekdays are the days of the week, val a time.Weekday. Source: CLDR
// 48.2.0 gregorian days, wide format, locale ar, and the variants
// الإثنين and الجمعه of dateparser's ar.yaml.
var weekdays = []entry{
	{"الأحد", roleWeekday, 0, 0}, {"الاثنين", roleWeekday, 1, 0}, {"الإثنين", roleWeekday, 1, 0},
	{"الثلاثاء", roleWeekday, 2, 0}, {"الأربعاء", roleWeekday, 3, 0}, {"الخميس", roleWeekday, 4, 0},
	{"الجمعة", roleWeekday, 5, 0}, {"السبت", roleWeekday, 6, 0},
}

// ordinals are the ordinal words that name a day of the month, as in
// الخامس عشر من or الحادي والعشرين من. Source: the masculine ordinals of
// Arabic grammar (Wright, A Grammar of the Arabic Language, §330),
// which is how news writes days in words.
var ordinals = []entry{
	{"الأول", roleOrdinal, 1, 0}, {"الحادي", roleOrdinal, 1, 0}, {"الثاني", roleOrdinal, 2, 0},
	{"الثالث", roleOrdinal, 3, 0}, {"الرابع", roleOrdinal, 4, 0}, {"الخامس", roleOrdinal, 5, 0},
	{"السادس", roleOrdinal, 6, 0}, {"السابع", roleOrdinal, 7, 0}, {"الثامن", roleOrdinal, 8, 0},
	{"التاسع", roleOrdinal, 9, 0}, {"العاشر", roleOrdinal, 10, 0},
	{"العشرين", roleOrdinal, 20, 0}, {"الثلاثين", roleOrdinal, 30, 0},
	// The feminine, agreeing with an unwritten ليلة or ساعة, as news
	// also writes days: في العاشرة من الشهر الجاري.
	{"الثالثة", roleOrdinal, 3, 0}, {"الرابعة", roleOrdinal, 4, 0}, {"الخامسة", roleOrdinal, 5, 0},
	{"السادسة", roleOrdinal, 6, 0}, {"السابعة", roleOrdinal, 7, 0}, {"الثامنة", roleOrdinal, 8, 0},
	{"التاسعة", roleOrdinal, 9, 0}, {"العاشرة", roleOrdinal, 10, 0},
	{"عشر", roleTeen, 10, 0},
	{"غرة", roleFirstDay, 1, 0}, // the new moon's day: غرة ذي القعدة, غرة أوت (Lane, Lexicon, غُرَّة)
	{"والعشرين", roleTens, 20, 0}, {"والعشرون", roleTens, 20, 0}, {"والثلاثين", roleTens, 30, 0},
}

// eras are the markers written after a year. Source: CLDR 48.2.0 eras
// (islamic: هـ; gregorian abbreviated: م), with هــ and ه as written in
// SaudiNewsNet (folding drops the tatweel).
var eras = []entry{
	{"هـ", roleEra, int(Hijri), 0}, {"هجري", roleEra, int(Hijri), 0}, {"هجرية", roleEra, int(Hijri), 0},
	{"م", roleEra, int(Gregorian), 0}, {"ميلادي", roleEra, int(Gregorian), 0}, {"ميلادية", roleEra, int(Gregorian), 0},
}

// relatives are the words that name a day, week, month or year from the
// day of writing. Source: CLDR 48.2.0 dateFields, locale ar (أمس، اليوم،
// غدًا، بعد الغد، أول أمس، الأسبوع الماضي…), dateparser's ar.yaml (الأمس),
// and the phrases counted in ../shared/notes/arabic.md §5.2 (أمس الأول,
// العام الجاري, العام المنصرم).
var relatives = []entry{
	{"اليوم", roleDeictic, 0, 0}, {"أمس", roleDeictic, -1, 0}, {"الأمس", roleDeictic, -1, 0},
	{"غدا", roleDeictic, 1, 0}, {"يوم غد", roleDeictic, 1, 0},
	{"أمس الأول", roleDeictic, -2, 0}, {"أول أمس", roleDeictic, -2, 0}, {"أول من أمس", roleDeictic, -2, 0},
	{"بعد غد", roleDeictic, 2, 0}, {"بعد الغد", roleDeictic, 2, 0},
	{"الليلة", roleDeictic, 0, 0}, {"الليلة الماضية", roleDeictic, -1, 0}, {"البارحة", roleDeictic, -1, 0},

	{"يوم", roleUnit, unitDay, 0},
	{"الأسبوع", roleUnit, unitWeek, 0}, {"الاسبوع", roleUnit, unitWeek, 0},
	{"الشهر", roleUnit, unitMonth, 0},
	{"العام", roleUnit, unitYear, 0}, {"السنة", roleUnit, unitYear, 0},

	{"الماضي", roleModifier, -1, 0}, {"الماضية", roleModifier, -1, 0}, {"المنصرم", roleModifier, -1, 0},
	{"المنصرمة", roleModifier, -1, 0}, {"الفائت", roleModifier, -1, 0}, {"السابق", roleModifier, -1, 0},
	{"المقبل", roleModifier, 1, 0}, {"المقبلة", roleModifier, 1, 0}, {"القادم", roleModifier, 1, 0},
	{"القادمة", roleModifier, 1, 0},
	{"الفارط", roleModifier, -1, 0}, {"الفارطة", roleModifier, -1, 0}, // Tunisian press
	{"الحالي", roleModifier, 0, 0}, {"الحالية", roleModifier, 0, 0}, {"الجاري", roleModifier, 0, 0},
	{"الجارية", roleModifier, 0, 0},
	// The plural (dual) of the oblique case, after two days or months
	// joined by و, which it qualifies both: يومي الأربعاء والخميس
	// القادمين (Wright, A Grammar of the Arabic Language, §135 on the
	// adjective of two nouns).
	{"القادمين", roleModifier, 1, 0}, {"المقبلين", roleModifier, 1, 0}, {"الماضيين", roleModifier, -1, 0},
	{"القادمين", roleShared, 1, 0}, {"المقبلين", roleShared, 1, 0}, {"الماضيين", roleShared, -1, 0},
	{"هذا", roleThis, 0, 0}, {"هذه", roleThis, 0, 0},
}

// cues are the words before a bare number that make it a year, or before a
// number or month that make it a date. Source: the contexts of four-digit
// years in the seeds and SaudiNewsNet (عام 2018، في 2016، منذ 2013).
var cues = []entry{
	{"عام", roleYearCue, 0, 0}, {"العام", roleYearCue, 0, 0}, {"سنة", roleYearCue, 0, 0},
	// The dual, before two years joined by و: بين عامي 1992 و1995.
	{"عامي", roleYearCue, 2, 0}, {"العامين", roleYearCue, 2, 0}, {"سنتي", roleYearCue, 2, 0},
	{"السنة", roleYearCue, 0, 0}, {"موسم", roleYearCue, 0, 0}, {"الموسم", roleYearCue, 0, 0},
	{"في", rolePrep, 0, 0}, {"منذ", rolePrep, 0, 0}, {"حتى", rolePrep, 0, 0}, {"خلال", rolePrep, 0, 0},
	{"مطلع", rolePrep, 0, 0}, {"أوائل", rolePrep, 0, 0}, {"أواخر", rolePrep, 0, 0}, {"أواسط", rolePrep, 0, 0},
	{"منتصف", rolePrep, 0, 0}, {"بداية", rolePrep, 0, 0}, {"نهاية", rolePrep, 0, 0}, {"مطلع", rolePrep, 0, 0},
	{"قبل", rolePrep, 0, 0}, {"بعد", rolePrep, 0, 0}, {"إلى", rolePrep, 0, 0}, {"من", rolePrep, 0, 0},
	{"شهر", roleMonthWord, 0, 0}, {"الموافق", roleAgreeing, 0, 0}, {"الموافقة", roleAgreeing, 0, 0}, {"بتاريخ", roleAgreeing, 0, 0},
}

// futureCues point a date that follows them forward in time. Source: the
// future particle سوف and the planning words of news (Badawi, Carter &
// Gully, Modern Written Arabic, §4.2 on the future); verbs with the
// prefix سـ are found by rule (see futureVerb).
var futureCues = []entry{
	{"سوف", roleFuture, 0, 0}, {"المقرر", roleFuture, 0, 0}, {"يعتزم", roleFuture, 0, 0},
	{"تعتزم", roleFuture, 0, 0}, {"المزمع", roleFuture, 0, 0}, {"المرتقب", roleFuture, 0, 0},
	{"المرتقبة", roleFuture, 0, 0}, {"المنتظر", roleFuture, 0, 0}, {"بحلول", roleFuture, 0, 0},
	{"رؤية", roleFuture, 0, 0}, {"الرؤية", roleFuture, 0, 0}, {"لغاية", roleFuture, 0, 0},
	{"المتوقع", roleFuture, 0, 0}, {"متوقع", roleFuture, 0, 0}, {"المتوقعة", roleFuture, 0, 0},
	{"يتوقع", roleFuture, 0, 0}, {"تتوقع", roleFuture, 0, 0}, {"توقعات", roleFuture, 0, 0},
	{"تقديرات", roleFuture, 0, 0}, {"تنبؤات", roleFuture, 0, 0}, {"خطة", roleFuture, 0, 0},
	{"الخطة", roleFuture, 0, 0}, {"استراتيجية", roleFuture, 0, 0}, {"الاستراتيجية", roleFuture, 0, 0},
	{"تستهدف", roleFuture, 0, 0}, {"يستهدف", roleFuture, 0, 0}, {"المستهدف", roleFuture, 0, 0},
	{"اعتبارا", roleFuture, 0, 0}, {"ابتداء", roleFuture, 0, 0}, {"بدءا", roleFuture, 0, 0},
	{"مقرر", roleFuture, 0, 0}, {"المقررة", roleFuture, 0, 0}, {"مقررة", roleFuture, 0, 0},
	{"يمتد", roleFuture, 0, 0}, {"تمتد", roleFuture, 0, 0}, {"المستقبل", roleFuture, 0, 0},
	{"لاستضافة", roleFuture, 0, 0}, {"استضافة", roleFuture, 0, 0}, {"موعد", roleFuture, 0, 0},
}

// untilWords make the date after them (with a preposition between at most)
// the end of a term: حتى 2019, إلى نهاية 2020, بحلول عام 2030. Source: the
// contracts, plans and forecasts of SaudiNewsNet checked for the
// hand-made set (testdata/README.md).
var untilWords = []entry{
	{"حتى", roleUntil, 0, 0}, {"إلى", roleUntil, 0, 0}, {"لغاية", roleUntil, 0, 0},
	{"غاية", roleUntil, 0, 0}, {"بحلول", roleUntil, 0, 0},
}

// pastCues point a date that follows them back in time: the auxiliary
// كان of the pluperfect, the particle قد before a perfect verb, and منذ
// "since". Source: Badawi, Carter & Gully, Modern Written Arabic, §4.1.
var pastCues = []entry{
	{"كان", rolePast, 0, 0}, {"كانت", rolePast, 0, 0}, {"قد", rolePast, 0, 0}, {"لقد", rolePast, 0, 0},
	{"منذ", rolePast, 0, 0}, {"سبق", rolePast, 0, 0}, {"سبقت", rolePast, 0, 0},
	{"لم", roleNegPast, 0, 0}, {"ولم", roleNegPast, 0, 0},
	// The perfect reporting verbs of news copy, which put a date right
	// after them in the past (في بيان صدر الاثنين, أعلن الأحد) but say
	// nothing of a date further on (قال إن الافتتاح في 19 يوليو).
	{"صدر", roleSaid, 0, 0}, {"صدرت", roleSaid, 0, 0}, {"أعلن", roleSaid, 0, 0},
	{"أعلنت", roleSaid, 0, 0}, {"قال", roleSaid, 0, 0}, {"قالت", roleSaid, 0, 0},
	{"أكد", roleSaid, 0, 0}, {"أكدت", roleSaid, 0, 0}, {"ذكر", roleSaid, 0, 0},
	{"ذكرت", roleSaid, 0, 0},
	// أن and لن before an imperfect verb point it forward: تقرر أن تكون
	// مباراتا اليوم والخميس, قبل أن يختتم تجاربه الخميس.
	{"أن", roleSubjunctive, 0, 0}, {"لن", roleSubjunctive, 0, 0},
	// قبل أن and بعد أن make a clause of time, whose verb is in the
	// subjunctive whatever the time (قبل أن تقرر أثينا إغلاقها في 28
	// (يونيو) حزيران, of a past decision): the main clause decides.
	{"قبل", roleTimeConj, 0, 0}, {"بعد", roleTimeConj, 0, 0},
}

// traps are the words that make a date word something else: a number
// after an index or tournament name (كاك 40، خليجي 23), اليوم as "the
// day" (لينهي اليوم تعاملاته، اليوم الوطني), الاثنين as "the two" (بين
// الاثنين). Source: the traps of ../shared/notes/arabic.md §5.2 and the
// SaudiNewsNet contexts checked for the hand-made set (testdata/README.md).
var traps = []entry{
	{"كاك", roleNotDay, 0, 0}, {"خليجي", roleNotDay, 0, 0}, {"داكس", roleNotDay, 0, 0},
	{"فوتسي", roleNotDay, 0, 0}, {"نيكاي", roleNotDay, 0, 0}, {"مؤشر", roleNotDay, 0, 0},
	{"كأس", roleNotDay, 0, 0}, {"رقم", roleNotDay, 0, 0}, {"المادة", roleNotDay, 0, 0},
	{"فيفا", roleNotDay, 0, 0}, {"جي", roleNotDay, 0, 0}, {"إف", roleNotDay, 0, 0},

	{"ينهي", roleNotDeictic, 0, 0}, {"أنهى", roleNotDeictic, 0, 0}, {"تنهي", roleNotDeictic, 0, 0},
	{"أنهت", roleNotDeictic, 0, 0}, {"ذلك", roleNotDeictic, 0, 0}, {"طوال", roleNotDeictic, 0, 0},
	{"طيلة", roleNotDeictic, 0, 0}, {"نهاية", roleNotDeictic, 0, 0}, {"ختام", roleNotDeictic, 0, 0},
	{"تعاملات", roleNotDeictic, 0, 0}, {"مطلع", roleNotDeictic, 0, 0}, {"بداية", roleNotDeictic, 0, 0},
	{"منتصف", roleNotDeictic, 0, 0}, {"مدار", roleNotDeictic, 0, 0},
	{"نفس", roleNotDeictic, 0, 0}, {"ذات", roleNotDeictic, 0, 0}, // في نفس اليوم: the same day as the one named
	{"عين", roleNotDeictic, 0, 0}, {"شباب", roleNotDeictic, 0, 0}, // عين اليوم, a newspaper; شباب اليوم

	{"الوطني", roleDayNoun, 0, 0}, {"العالمي", roleDayNoun, 0, 0}, {"التالي", roleDayNoun, 0, 0},
	{"الدراسي", roleDayNoun, 0, 0}, {"المفتوح", roleDayNoun, 0, 0}, {"الواحد", roleDayNoun, 0, 0},
	{"الختامي", roleDayNoun, 0, 0}, {"الافتتاحي", roleDayNoun, 0, 0}, {"الأخير", roleDayNoun, 0, 0},
	{"الأول", roleDayNoun, 0, 0}, {"الثاني", roleDayNoun, 0, 0}, {"الثالث", roleDayNoun, 0, 0},
	{"الرابع", roleDayNoun, 0, 0}, {"الخامس", roleDayNoun, 0, 0}, {"السابق", roleDayNoun, 0, 0},
	{"الموعود", roleDayNoun, 0, 0}, {"العربي", roleDayNoun, 0, 0}, {"الرياضي", roleDayNoun, 0, 0},

	// العام after these nouns is "general" or "public": النائب العام
	// السابق is the former attorney general, not last year. Source: the
	// titles and set phrases of news copy with العام (Badawi, Carter &
	// Gully, Modern Written Arabic, on the adjective عامّ).
	{"النائب", roleGeneral, 0, 0}, {"المدعي", roleGeneral, 0, 0}, {"الأمين", roleGeneral, 0, 0},
	{"المدير", roleGeneral, 0, 0}, {"المراقب", roleGeneral, 0, 0}, {"المفتش", roleGeneral, 0, 0},
	{"المحامي", roleGeneral, 0, 0}, {"المشرف", roleGeneral, 0, 0}, {"المنسق", roleGeneral, 0, 0},
	{"القائد", roleGeneral, 0, 0}, {"القطاع", roleGeneral, 0, 0}, {"الرأي", roleGeneral, 0, 0},
	{"الصالح", roleGeneral, 0, 0}, {"المال", roleGeneral, 0, 0}, {"النفع", roleGeneral, 0, 0},
	{"المؤتمر", roleGeneral, 0, 0}, {"الإضراب", roleGeneral, 0, 0},

	{"بين", roleNotTwo, 0, 0}, {"كلا", roleNotTwo, 0, 0}, {"هذين", roleNotTwo, 0, 0},
	{"إلى", roleNotTwo, 0, 0}, {"مع", roleNotTwo, 0, 0}, {"على", roleNotTwo, 0, 0},
	{"من", roleNotTwo, 0, 0}, {"عن", roleNotTwo, 0, 0},
}

// weekOrdinals say which week of a month الأسبوع names in الأسبوع الثاني
// من شهر صفر 1437: the first seven days, the next seven, and so on, and
// the last seven days of the month for الأخير. Source: the calendars of
// SaudiNewsNet's sports federations checked for the hand-made set
// (testdata/README.md, 2015-08-06.json#1917), read the way Wright, A
// Grammar of the Arabic Language, §330, gives the ordinals.
var weekOrdinals = []entry{
	{"الأول", roleWeekOrdinal, 1, 0}, {"الثاني", roleWeekOrdinal, 2, 0}, {"الثالث", roleWeekOrdinal, 3, 0},
	{"الرابع", roleWeekOrdinal, 4, 0}, {"الأخير", roleWeekOrdinal, -1, 0},
}

// rangeWords join the first and last days of a range: من العاشر إلى 29 -
// 11 -1436, اعتبارا من الأول وحتى 30 -12 -1436. Source: the day ranges of
// SaudiNewsNet checked for the hand-made set (testdata/README.md).
var rangeWords = []entry{
	{"إلى", roleRangeTo, 0, 0}, {"حتى", roleRangeTo, 0, 0}, {"لغاية", roleRangeTo, 0, 0},
}

// placeNouns head names that hold a date: مدينة السادس من أكتوبر (6th of
// October City), مدينة العاشر من رمضان (10th of Ramadan City), كوبري 6
// أكتوبر (the 6th October Bridge), محور 26 يوليو (the 26th of July
// Corridor), جامعة 6 أكتوبر. Source: the Arabic Wikipedia articles on those
// places, and the towns SaudiNewsNet names (testdata/README.md).
var placeNouns = []entry{
	{"مدينة", rolePlaceNoun, 0, 0}, {"مدينتي", rolePlaceNoun, 0, 0}, {"مدن", rolePlaceNoun, 0, 0},
	{"جسر", rolePlaceNoun, 0, 0}, {"كوبري", rolePlaceNoun, 0, 0}, {"محور", rolePlaceNoun, 0, 0},
	{"جامعة", rolePlaceNoun, 0, 0}, {"محافظة", rolePlaceNoun, 0, 0}, {"حي", rolePlaceNoun, 0, 0},
	{"ميدان", rolePlaceNoun, 0, 0}, {"شارع", rolePlaceNoun, 0, 0}, {"نفق", rolePlaceNoun, 0, 0},
}

// datedPlaces are the names, each a day and a month, that follow a place
// noun as a place's name and not a date. Source: as for placeNouns; the
// number words (ستة) as the places' names are written in SaudiNewsNet
// (مدينة ستة أكتوبر, 2015-08-01.json#699).
var datedPlaces = [][]string{
	placeName("6 أكتوبر"), placeName("ستة أكتوبر"), placeName("السادس من أكتوبر"),
	placeName("العاشر من رمضان"), placeName("10 رمضان"), placeName("15 مايو"),
	placeName("الخامس عشر من مايو"), placeName("26 يوليو"), placeName("23 يوليو"),
	placeName("السادس والعشرين من يوليو"), placeName("واحد حزيران"),
}

func placeName(name string) []string { return strings.Fields(arabic.Fold(name)) }

// phrase is a lexicon entry after its first word, folded.
type phrase struct {
	rest      []string // the words after the first, folded
	role      role
	val       int
	sys       monthSystem
	ambiguous bool
}

// lexicon maps a folded first word to the phrases it starts. A word can
// start several (الأول: an ordinal and "the first" day; أمس: أمس and أمس
// الأول), and one phrase can play several roles, so lookups return all.
var lexicon = func() map[string][]phrase {
	amb := map[string]bool{}
	for _, w := range ambiguousMonths {
		amb[arabic.Fold(w)] = true
	}
	m := map[string][]phrase{}
	for _, table := range [][]entry{gregorianMonths, hijriMonths, weekdays, ordinals, eras, relatives, cues, futureCues, pastCues, untilWords, traps, weekOrdinals, rangeWords, placeNouns} {
		for _, e := range table {
			words := strings.Fields(arabic.Fold(e.words))
			p := phrase{rest: words[1:], role: e.role, val: e.val, sys: e.sys}
			p.ambiguous = len(words) == 1 && amb[words[0]] && (e.role == roleMonth || e.role == roleHMonth)
			m[words[0]] = append(m[words[0]], p)
		}
	}
	return m
}()
