package dates

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// ref is the day of writing the cases are read against: a Monday.
var ref = time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC)

// describe writes a mention as the cases below expect it: its words, its
// value (and end), then the flags that are set.
func describe(m Mention) string {
	out := m.Text + " = " + m.Value()
	if m.Range {
		out += ".." + m.EndValue()
	}
	if m.Calendar == Hijri {
		out += " hijri " + m.Hijri
	}
	if m.Relative {
		out += " relative"
	}
	if m.Future {
		out += " future"
	}
	if m.Conflict {
		out += " conflict"
	}
	return out
}

func describeAll(text string, r time.Time) string {
	var out []string
	for _, m := range Extract(text, r) {
		out = append(out, describe(m))
	}
	return strings.Join(out, "; ")
}

// extractCases hold a text and every mention expected of it, against ref.
var extractCases = []struct {
	name, text, want string
}{
	// The three Gregorian systems, with and without hamza.
	{"egyptian", "وقع الحادث في 19 يوليو 2015 بالرياض", "19 يوليو 2015 = 2015-07-19"},
	{"egyptian months", "يناير 2014 فبراير 2014 أبريل 2014 ابريل 2014 إبريل 2014 مايو 2014 يونيو 2014 يونيه 2014 يوليه 2014 أغسطس 2014 اغسطس 2014 سبتمبر 2014 أكتوبر 2014 اكتوبر 2014 نوفمبر 2014 ديسمبر 2014",
		"يناير 2014 = 2014-01; فبراير 2014 = 2014-02; أبريل 2014 = 2014-04; ابريل 2014 = 2014-04; إبريل 2014 = 2014-04; مايو 2014 = 2014-05; يونيو 2014 = 2014-06; يونيه 2014 = 2014-06; يوليه 2014 = 2014-07; أغسطس 2014 = 2014-08; اغسطس 2014 = 2014-08; سبتمبر 2014 = 2014-09; أكتوبر 2014 = 2014-10; اكتوبر 2014 = 2014-10; نوفمبر 2014 = 2014-11; ديسمبر 2014 = 2014-12"},
	{"levantine months", "كانون الثاني 2014 شباط 2014 آذار 2014 اذار 2014 نيسان 2014 أيار 2014 ايار 2014 حزيران 2014 تموز 2014 آب 2014 اب 2014 أيلول 2014 ايلول 2014 تشرين الأول 2014 تشرين الاول 2014 تشرين الثاني 2014 كانون الأول 2014",
		"كانون الثاني 2014 = 2014-01; شباط 2014 = 2014-02; آذار 2014 = 2014-03; اذار 2014 = 2014-03; نيسان 2014 = 2014-04; أيار 2014 = 2014-05; ايار 2014 = 2014-05; حزيران 2014 = 2014-06; تموز 2014 = 2014-07; آب 2014 = 2014-08; اب 2014 = 2014-08; أيلول 2014 = 2014-09; ايلول 2014 = 2014-09; تشرين الأول 2014 = 2014-10; تشرين الاول 2014 = 2014-10; تشرين الثاني 2014 = 2014-11; كانون الأول 2014 = 2014-12"},
	{"maghrebi months", "جانفي 2015 فيفري 2015 أفريل 2015 افريل 2015 ماي 2015 جوان 2015 جويلية 2015 أوت 2015 اوت 2015 يوليوز 2015 غشت 2015 شتنبر 2015 نونبر 2015 دجنبر 2015",
		"جانفي 2015 = 2015-01; فيفري 2015 = 2015-02; أفريل 2015 = 2015-04; افريل 2015 = 2015-04; ماي 2015 = 2015-05; جوان 2015 = 2015-06; جويلية 2015 = 2015-07; أوت 2015 = 2015-08; اوت 2015 = 2015-08; يوليوز 2015 = 2015-07; غشت 2015 = 2015-08; شتنبر 2015 = 2015-09; نونبر 2015 = 2015-11; دجنبر 2015 = 2015-12"},
	{"tatweel and tashkeel", "في 3 يـنـايـر 2016 وفي مَارِس 2016", "3 يـنـايـر 2016 = 2016-01-03; مَارِس 2016 = 2016-03"},
	{"persian yeh", "تشرین الأول 2014", "تشرین الأول 2014 = 2014-10"},

	// Doubled names.
	{"slash", "بدأت الحملة في سبتمبر/أيلول 2015", "سبتمبر/أيلول 2015 = 2015-09"},
	{"slash levantine first", "في مارس/آذار 2018 و 30 أيلول/سبتمبر 2015", "مارس/آذار 2018 = 2018-03; 30 أيلول/سبتمبر 2015 = 2015-09-30"},
	{"brackets", "في 15 تموز (يوليو) 2014 وفي كانون الثاني (يناير) الماضي", "15 تموز (يوليو) 2014 = 2014-07-15; كانون الثاني (يناير) الماضي = 2015-01 relative"},
	{"bracket without year", "منذ 15 تموز (يوليو)", "15 تموز (يوليو) = 2015-07-15 relative"},
	{"juxtaposed", "في ديسمبر كانون الأول 2016", "ديسمبر كانون الأول 2016 = 2016-12"},
	{"two months are not one", "بين يناير ومارس 2015", "يناير = 2016-01 relative; ومارس 2015 = 2015-03"},

	// Hijri dates, by Umm al-Qura: 1 Shawwal 1436 was Friday 17 July 2015
	// (the arithmetic calendar says 18 July); Ramadan 1436 had 29 days,
	// Shawwal 30.
	{"hijri day", "عيد الفطر في 1 شوال 1436هـ", "1 شوال 1436هـ = 2015-07-17 hijri 1436-10-01"},
	{"hijri day spaced era", "5 شوال 1436 هـ الموافق 21 يوليو 2015", "5 شوال 1436 هـ = 2015-07-21 hijri 1436-10-05; 21 يوليو 2015 = 2015-07-21"},
	{"hijri months", "محرم 1437هـ صفر 1437هـ ربيع الأول 1437هـ ربيع الآخر 1437هـ ربيع الثاني 1437هـ جمادى الأولى 1437هـ جمادى الآخرة 1437هـ جمادى الثانية 1437هـ رجب 1437هـ شعبان 1437هـ رمضان 1437هـ ذو القعدة 1437هـ ذي الحجة 1437هـ",
		"محرم 1437هـ = 2015-10-14..2015-11-12 hijri 1437-01; صفر 1437هـ = 2015-11-13..2015-12-11 hijri 1437-02; ربيع الأول 1437هـ = 2015-12-12..2016-01-10 hijri 1437-03; ربيع الآخر 1437هـ = 2016-01-11..2016-02-09 hijri 1437-04; ربيع الثاني 1437هـ = 2016-01-11..2016-02-09 hijri 1437-04; جمادى الأولى 1437هـ = 2016-02-10..2016-03-09 hijri 1437-05; جمادى الآخرة 1437هـ = 2016-03-10..2016-04-07 hijri 1437-06; جمادى الثانية 1437هـ = 2016-03-10..2016-04-07 hijri 1437-06; رجب 1437هـ = 2016-04-08..2016-05-07 hijri 1437-07; شعبان 1437هـ = 2016-05-08..2016-06-05 hijri 1437-08; رمضان 1437هـ = 2016-06-06..2016-07-05 hijri 1437-09; ذو القعدة 1437هـ = 2016-08-04..2016-09-01 hijri 1437-11; ذي الحجة 1437هـ = 2016-09-02..2016-10-01 hijri 1437-12"},
	{"hijri year", "ميزانية العام 1436هـ", "العام 1436هـ = 2014-10-25..2015-10-13 hijri 1436"},
	{"hijri year range", "العام الدراسي 1436 - 1437هـ", "1436 - 1437هـ = 2014-10-25..2016-10-01 hijri 1436/1437"},
	{"hijri year range reversed, arabic-indic", "للعام ١٤٣٧/١٤٣٦هـ", "للعام ١٤٣٧/١٤٣٦هـ = 2014-10-25..2016-10-01 hijri 1436/1437"},
	{"hijri numeric with tatweel era", "بتاريخ 28 /02 /1437هــ", "28 /02 /1437هــ = 2015-12-10 hijri 1437-02-28"},
	{"hijri numeric by year", "صدر في ١٤٣٦/١٠/٥هـ", "١٤٣٦/١٠/٥هـ = 2015-07-21 hijri 1436-10-05"},
	{"hijri day 30 of a 29-day month", "30 رمضان 1436هـ و 30 شوال 1436هـ", "30 شوال 1436هـ = 2015-08-15 hijri 1436-10-30"},
	{"hijri month without year", "في شهر رمضان الماضي", "شهر رمضان الماضي = 2015-06-18..2015-07-16 hijri 1436-09 relative"},
	{"hijri ordinal day", "في الخامس عشر من شعبان 1436هـ", "الخامس عشر من شعبان 1436هـ = 2015-06-02 hijri 1436-08-15"},

	// Digits of three scripts.
	{"arabic-indic", "في ١٩ يوليو ٢٠١٥", "١٩ يوليو ٢٠١٥ = 2015-07-19"},
	{"persian digits", "در ۱۹ يوليو ۲۰۱۵", "۱۹ يوليو ۲۰۱۵ = 2015-07-19"},
	{"numeric gregorian", "بتاريخ 21/7/2015 و 2015-07-22", "21/7/2015 = 2015-07-21; 2015-07-22 = 2015-07-22"},
	{"numeric with RLM", "في 21\u200f/7\u200f/2015", "21\u200f/7\u200f/2015 = 2015-07-21"},

	// Ordinal day words.
	{"ordinals", "في الأول من يوليو 2015 والحادي والعشرين من مارس 2015 والعشرين من مايو 2015",
		"الأول من يوليو 2015 = 2015-07-01; والحادي والعشرين من مارس 2015 = 2015-03-21; والعشرين من مايو 2015 = 2015-05-20"},

	// Years and eras.
	{"year cues", "في عام 2011 و سنة 2010 و في 2016 و منذ 2013", "عام 2011 = 2011; سنة 2010 = 2010; 2016 = 2016; 2013 = 2013"},
	{"eras", "عام 2015م و ٢٠١٤م", "عام 2015م = 2015; ٢٠١٤م = 2014"},
	{"year range", "موسم 2015-2016", "موسم 2015-2016 = 2015..2016"},
	{"day range", "من 23-25 أكتوبر 2015", "23-25 أكتوبر 2015 = 2015-10-23..2015-10-25"},
	{"invalid day", "31 فبراير 2015 و 30 فبراير", ""},

	// Weekdays and relative words.
	{"deictics", "أمس وبالأمس واليوم وغداً وأمس الأول وأول أمس وبعد غد",
		"أمس = 2015-08-02 relative; وبالأمس = 2015-08-02 relative; واليوم = 2015-08-03 relative; وغداً = 2015-08-04 relative; وأمس الأول = 2015-08-01 relative; وأول أمس = 2015-08-01 relative; وبعد غد = 2015-08-05 relative"},
	{"weekdays", "الأحد والاثنين والإثنين والثلاثاء والأربعاء والاربعاء والخميس والجمعة والسبت",
		"الأحد = 2015-08-02 relative; والاثنين = 2015-08-03 relative; والإثنين = 2015-08-03 relative; والثلاثاء = 2015-07-28 relative; والأربعاء = 2015-07-29 relative; والاربعاء = 2015-07-29 relative; والخميس = 2015-07-30 relative; والجمعة = 2015-07-31 relative; والسبت = 2015-08-01 relative"},
	{"weekday modifiers", "الاثنين الماضي و الاثنين المقبل و يوم الأحد القادم",
		"الاثنين الماضي = 2015-07-27 relative; الاثنين المقبل = 2015-08-10 relative future; يوم الأحد القادم = 2015-08-09 relative future"},
	// A deictic word and a weekday that disagree: the weekday, the last
	// one on or before the day the deictic names, and a conflict.
	{"deictic with weekday", "أمس الأحد واليوم الخميس", "أمس الأحد = 2015-08-02 relative; واليوم الخميس = 2015-07-30 relative conflict"},
	{"units", "الأسبوع الماضي والشهر المقبل والعام الحالي والعام الجاري وهذا العام والسنة الماضية والعام المنصرم",
		"الأسبوع الماضي = 2015-07-26..2015-08-01 relative; والشهر المقبل = 2015-09 relative future; والعام الحالي = 2015 relative; والعام الجاري = 2015 relative; وهذا العام = 2015 relative; والسنة الماضية = 2014 relative; والعام المنصرم = 2014 relative"},
	{"month with relative year", "في مايو من العام الماضي", "مايو من العام الماضي = 2014-05 relative"},
	{"month modifiers", "يناير الماضي وأكتوبر المقبل ويوليو الجاري", "يناير الماضي = 2015-01 relative; وأكتوبر المقبل = 2015-10 relative future; ويوليو الجاري = 2015-07 relative"},

	// Year-less dates: the nearest year, or the tense's direction.
	{"yearless nearest", "في 20 يناير", "20 يناير = 2016-01-20 relative"},
	{"yearless past tense", "وكان قد زار الرياض في 20 ديسمبر", "20 ديسمبر = 2014-12-20 relative"},
	{"yearless future tense", "سيعقد المؤتمر في 20 يوليو", "20 يوليو = 2016-07-20 relative future"},
	{"yearless with weekday", "يوم الثلاثاء 15 آذار/مارس", "يوم الثلاثاء 15 آذار/مارس = 2016-03-15 relative"},
	{"contradicting weekday kept", "الأربعاء 22 يوليو 2015", "الأربعاء 22 يوليو 2015 = 2015-07-22"},
	{"contradicting weekday reported", "الخميس 22 يوليو 2015", "الخميس 22 يوليو 2015 = 2015-07-22 conflict"},
	// Tense cues: a perfect reporting verb right before a weekday, أن or
	// لن before an imperfect verb, and ان inside وكان, which is no cue.
	{"perfect reporting verb", "سيبدأ المشروع وفق بيان صدر الأحد", "الأحد = 2015-08-02 relative"},
	{"subjunctive", "وتقرر أن تكون مباراتا اليوم والخميس", "اليوم = 2015-08-03 relative future; والخميس = 2015-08-06 relative future"},
	{"subjunctive after a date", "قبل أن يختتم تجاربه الخميس المقبل قبل عودته الجمعة", "الخميس المقبل = 2015-08-06 relative future; الجمعة = 2015-08-07 relative future"},
	{"kan is no subjunctive", "وكان يعمل عند خطفه في 22 تموز", "22 تموز = 2015-07-22 relative"},
	{"bracketed weekday agreeing", "تعقد الجمعية يوم (الأحد) الموافق للأول من شهر ذي القعدة المقبل", "يوم (الأحد) الموافق للأول من شهر ذي القعدة المقبل = 2015-08-16 hijri 1436-11-01 relative future"},
	{"month of writing by tense", "سيعقد الاجتماع خلال شهر أغسطس", "شهر أغسطس = 2015-08 relative future"},
	{"month of writing not with المقبل", "سيعقد المؤتمر في أغسطس المقبل", "أغسطس المقبل = 2016-08 relative future"},
	{"weekday in guillemets", "وكان من المقرر عقده أمس «الأحد» بمقر الجامعة", "أمس «الأحد» = 2015-08-02 relative future"},
	{"weekday with modifier agreeing", "ستبدأ العروض يوم الخميس المقبل الموافق 21 من شهر شوال", "يوم الخميس المقبل الموافق 21 من شهر شوال = 2015-08-06 hijri 1436-10-21 relative future"},
	{"name after أن", "ويذكر أن نشيميريمانا لعب دورا في الفترة من أواخر إبريل حتى يونيو الماضيين", "إبريل = 2015-04 relative; يونيو الماضيين = 2015-06 relative"},
	{"almanac year", "1945 - الحرب العالمية الثانية: قنبلة نووية تدمر مدينة هيروشيما", "1945 = 1945"},
	{"almanac year only at the start", "قتل 1945 - شخصا", ""},
	{"attorney general", "بعد أن أقال الوزير النائب العام السابق الأسبوع الماضي", "الأسبوع الماضي = 2015-07-26..2015-08-01 relative"},
	{"weekday with comma", "الأربعاء، 22 يوليو 2015", "الأربعاء، 22 يوليو 2015 = 2015-07-22"},

	// Traps: words that look like dates and are not.
	{"the two", "الفرق بين الاثنين كبير، وانضم إلى الاثنين فيما بعد", ""},
	{"theresa may", "قالت تيريزا ماي إن", ""},
	{"may as a month", "في 5 ماي", "5 ماي = 2015-05-05 relative"},
	{"erdogan", "قال رجب طيب أردوغان", ""},
	{"rajab as a month", "في شهر رجب", "شهر رجب = 2015-04-20..2015-05-18 hijri 1436-07 relative"},
	{"zero", "بنسبة صفر في المئة", ""},
	{"the trading day", "لينهي اليوم تعاملاته عند 7000 نقطة", ""},
	{"national day", "احتفالات اليوم الوطني", ""},
	{"that day", "في ذلك اليوم", ""},
	{"index and tournament numbers", "أغلق مؤشر كاك 40 و خليجي 23 في", ""},
	{"tournament number before a month", "بطولة خليجي 23 ديسمبر", "ديسمبر = 2015-12 relative"},
	{"bracketed weekday", "مساء أمس (السبت) ويصل غداً (الإثنين)", "أمس (السبت) = 2015-08-01 relative conflict; غداً (الإثنين) = 2015-08-03 relative conflict"},
	{"he touched", "لامس أدنى مستوياته", ""},
	{"last night", "الليلة الماضية", "الليلة الماضية = 2015-08-02 relative"},
	{"first of the month", "غرة ذي القعدة 1436هـ وغرة أوت 2017", "غرة ذي القعدة 1436هـ = 2015-08-16 hijri 1436-11-01; وغرة أوت 2017 = 2017-08-01"},
	{"day range with the article", "من الـ10 وحتى الـ22 من أغسطس الحالي", "الـ10 وحتى الـ22 من أغسطس الحالي = 2015-08-10..2015-08-22 relative"},
	{"hijri range with two eras", "العام الدراسي 1436هـ / 1437هـ", "1436هـ / 1437هـ = 2014-10-25..2016-10-01 hijri 1436/1437"},
	{"this year with its number", "لهذا العام 1436 / 1437هـ", "العام 1436 / 1437هـ = 2014-10-25..2016-10-01 hijri 1436/1437"},
	{"by", "بحلول 2017", "2017 = 2017 future"},
	{"weekday and بتاريخ", "يوم الجمعة بتاريخ 22/ 10/ 1436هـ", "يوم الجمعة بتاريخ 22/ 10/ 1436هـ = 2015-08-07 hijri 1436-10-22"},
	{"tunisian past", "فيفري الفارط", "فيفري الفارط = 2015-02 relative"},
	{"nissan", "قررت نيسان أن توفر سيارتها نيسان باترول", ""},
	{"en dashes", "بتاريخ 4 – 9 – 1436هـ إلى 15- 9 – 1436هـ", "4 – 9 – 1436هـ = 2015-06-21 hijri 1436-09-04; 15- 9 – 1436هـ = 2015-07-02 hijri 1436-09-15"},
	{"day of this month", "في العاشرة من الشهر الجاري و 12 من الشهر المقبل", "العاشرة من الشهر الجاري = 2015-08-10 relative; 12 من الشهر المقبل = 2015-09-12 relative future"},
	{"today and a month", "الصادر اليوم لشهر أغسطس عام 2015", "اليوم = 2015-08-03 relative; لشهر أغسطس عام 2015 = 2015-08"},
	{"today and another day", "ما بين اليوم والخامس والعشرين من سبتمبر", "اليوم = 2015-08-03 relative; والخامس والعشرين من سبتمبر = 2015-09-25 relative"},
	{"every year", "قبل يوليو، وبعد سبتمبر من كل عام", "يوليو = 2015-07 relative"},
	// Day ranges whose first day shares the last one's month and year,
	// as the calendars of sports federations write them.
	{"range from an ordinal to a numeric hijri date", "خلال الفترة من العاشر إلى 29 - 11 -1436 على أن", "العاشر إلى 29 - 11 -1436 = 2015-08-25..2015-09-13 hijri 1436-11-10/1436-11-29"},
	{"range from الأول with وحتى", "اعتبارا من الأول وحتى 30 -12 -1436 وستكون", "الأول وحتى 30 -12 -1436 = 2015-09-14..2015-10-13 hijri 1436-12-01/1436-12-30 future"},
	{"range from a number, slashes and spaces", "خلال الفترة من 20 إلى 29 / 5 /1437، وبطولة", "20 إلى 29 / 5 /1437 = 2016-02-29..2016-03-09 hijri 1437-05-20/1437-05-29"},
	{"range across two months", "من 26-4 إلى 11-5 -1437، ثم", "26-4 إلى 11-5 -1437 = 2016-02-05..2016-02-20 hijri 1437-04-26/1437-05-11"},
	{"range of ordinals before a month", "خلال الفترة من الثامن إلى العاشر من شهر ذي القعدة المقبل.", "الثامن إلى العاشر من شهر ذي القعدة المقبل = 2015-08-23..2015-08-25 hijri 1436-11-08/1436-11-10 relative future"},
	{"range to the 30th of a 29-day month", "بدءاً من تاريخ 1 إلى 30/ 11/ 1436هـ خلال الدوام", "1 إلى 30/ 11/ 1436هـ = 2015-08-16..2015-09-14 hijri 1436-11-01/1436-11-30 future"},
	{"gregorian range from an ordinal", "من الأول وحتى 15/9/2015", "الأول وحتى 15/9/2015 = 2015-09-01..2015-09-15"},
	{"ordinals of a ranking", "انتقل من الثاني إلى الأول من حيث الترتيب", ""},
	{"an ordinal without من starts no range", "المركز الأول حتى 30/9/2015", "30/9/2015 = 2015-09-30"},
	{"a first day after the last", "من 25 إلى 10-9-2015 ومن 5-4 إلى 3-2-2015", "10-9-2015 = 2015-09-10; 3-2-2015 = 2015-02-03"},

	// Weeks of a month: days 1–7, 8–14…, the last seven days.
	{"second week of a hijri month", "وسيبدأ الدوري الممتاز من الأسبوع الثاني من شهر صفر 1437،", "الأسبوع الثاني من شهر صفر 1437 = 2015-11-20..2015-11-26 hijri 1437-02-08/1437-02-14 future"},
	{"last week of a hijri month", "في الأسبوع الأخير من شهر ذي الحجة 1436،", "الأسبوع الأخير من شهر ذي الحجة 1436 = 2015-10-07..2015-10-13 hijri 1436-12-24/1436-12-30"},
	{"first week of the coming المحرم", "ويبدأ دوري الدرجة الأولى في الأسبوع الأول من شهر المحرم المقبل", "الأسبوع الأول من شهر المحرم المقبل = 2015-10-14..2015-10-20 hijri 1437-01-01/1437-01-07 relative future"},
	{"last week of a gregorian month", "في الأسبوع الأخير من شهر أغسطس 2015", "الأسبوع الأخير من شهر أغسطس 2015 = 2015-08-25..2015-08-31"},
	{"first week of next month", "في الأسبوع الأول من الشهر المقبل", "الأسبوع الأول من الشهر المقبل = 2015-09-01..2015-09-07 relative future"},
	{"weeks of a tournament", "في الأسبوع الأول من البطولة والأسبوع الثاني من الدوري", ""},

	// Places named after a date.
	{"6th of October City in words", "في مدينة ستة أكتوبر المصرية", ""},
	{"a dated town in a list", "ومدينتي أبوحماد والعاشر من رمضان بالمحافظة", ""},
	{"10th of Ramadan City", "في مدينة العاشر من رمضان", ""},
	{"bridge, university, city", "على كوبري 6 أكتوبر وفي جامعة 6 أكتوبر وبمدينة السادس من أكتوبر", ""},
	{"the October war is a date", "في حرب 6 أكتوبر 1973", "6 أكتوبر 1973 = 1973-10-06"},
	{"a town, then a date", "في مدينة الرياض يوم 6 أكتوبر", "6 أكتوبر = 2015-10-06 relative"},
	{"10 Ramadan without a town", "في العاشر من رمضان", "العاشر من رمضان = 2015-06-27 hijri 1436-09-10 relative"},

	// A doubled month with the first name in brackets.
	{"first name in brackets", "في 28 (يونيو) حزيران", "28 (يونيو) حزيران = 2015-06-28 relative"},
	{"levantine first in brackets", "في 28 (حزيران) يونيو 2015", "28 (حزيران) يونيو 2015 = 2015-06-28"},
	{"a bracketed word that is no month", "صوت 28 (نائبا) في يونيو", "يونيو = 2015-06 relative"},
	// قبل أن: the main clause, not the subjunctive, gives the time.
	{"before أن", "ويظهر حجم الودائع مدى تدهور المصارف قبل أن تقرر أثينا إغلاقها بشكل مؤقت في 28 (يونيو) حزيران", "28 (يونيو) حزيران = 2015-06-28 relative"},
	{"أن alone points forward", "وتقرر أن تكون المباراة في 28 يونيو", "28 يونيو = 2016-06-28 relative future"},

	// A year written after العام and its modifier is the year's; a dual
	// cue joins two years; a plural modifier serves two days.
	{"last year written", "من العام السابق 2014م وفي العام الماضي 1435هـ", "العام السابق 2014م = 2014; العام الماضي 1435هـ = 2013-11-04..2014-10-24 hijri 1435"},
	{"last month and a number", "في الشهر الماضي 2014 نحو", "الشهر الماضي = 2015-07 relative"},
	{"the same day", "كما التقى لافروف في نفس اليوم أحمد", ""},
	{"two years", "بين عامي 1992 و1995 و بين عامي 1992 و.1995", "عامي 1992 و1995 = 1992..1995; عامي 1992 و.1995 = 1992..1995"},
	{"two years, one a count", "بين عامي 2010 و500 شخص", "عامي 2010 = 2010"},
	{"two coming days", "يومي الأربعاء والخميس القادمين، في", "الأربعاء = 2015-08-05 relative future; والخميس القادمين = 2015-08-06 relative future"},
	{"two past days", "يومي الأربعاء والخميس الماضيين", "الأربعاء = 2015-07-29 relative; والخميس الماضيين = 2015-07-30 relative"},
	{"a singular modifier is the second day's", "الأربعاء والخميس المقبل", "الأربعاء = 2015-07-29 relative; والخميس المقبل = 2015-08-06 relative future"},

	{"durations", "منذ عام و لمدة شهر وخلال أسبوع ومنذ سنوات", ""},
	{"ages", "يبلغ من العمر 25 عاما و2000 عام", ""},
	{"counts", "قتل 2015 شخصا و 1436 جنديا", ""},
	{"father", "قال أب الضحية", ""},
}

func TestExtract(t *testing.T) {
	for _, c := range extractCases {
		if got := describeAll(c.text, ref); got != c.want {
			t.Errorf("%s: %s\n got %s\nwant %s", c.name, c.text, got, c.want)
		}
	}
}

func TestExtractWithoutReference(t *testing.T) {
	text := "أمس الأحد 19 يوليو 2015 وفي 20 يناير والأسبوع الماضي وعام 2011"
	if got, want := describeAll(text, time.Time{}), "أمس الأحد 19 يوليو 2015 = 2015-07-19; وعام 2011 = 2011"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestSpans(t *testing.T) {
	text := "قال إن الاجتماع عقد في 5 شوال 1436هـ."
	ms := Extract(text, ref)
	if len(ms) != 1 {
		t.Fatalf("got %d mentions", len(ms))
	}
	m := ms[0]
	if text[m.Start:m.End] != m.Text || m.Text != "5 شوال 1436هـ" {
		t.Errorf("span [%d,%d) = %q, Text %q", m.Start, m.End, text[m.Start:m.End], m.Text)
	}
}

// TestUmmAlQura checks the conversion against dates of the Saudi official
// calendar where the Saudi Supreme Court's sighting agreed with it: the
// first of Ramadan and of Shawwal 1436 and of Ramadan 1445, and the first
// of Muharram 1446; Ramadan 1436 had 29 days.
func TestUmmAlQura(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    string
	}{
		{1436, 9, 1, "2015-06-18"},
		{1436, 10, 1, "2015-07-17"},
		{1445, 9, 1, "2024-03-11"},
		{1446, 1, 1, "2024-07-07"},
	} {
		got, ok := hijriDay(c.y, c.m, c.d)
		if !ok || got.Format("2006-01-02") != c.want {
			t.Errorf("%d-%d-%d: got %v %v, want %s", c.y, c.m, c.d, got, ok, c.want)
		}
	}
	for _, c := range [][3]int{{1355, 12, 1}, {1501, 1, 1}, {1436, 13, 1}, {1436, 9, 30}} {
		if _, ok := hijriDay(c[0], c[1], c[2]); ok {
			t.Errorf("%v: converted, want refused", c)
		}
	}
}

func TestKind(t *testing.T) {
	for _, c := range []struct {
		text string
		want Kind
	}{{"19 يوليو 2015", AbsoluteKind}, {"5 شوال 1436هـ", HijriKind}, {"أمس", RelativeKind}, {"شهر رمضان", RelativeKind}} {
		ms := Extract(c.text, ref)
		if len(ms) != 1 || ms[0].Kind() != c.want {
			t.Errorf("%s: got %v", c.text, ms)
		}
	}
}

func ExampleExtract() {
	text := "أعلنت الوزارة أمس الأحد 19 يوليو 2015 الموافق 3 شوال 1436هـ أن الدراسة تبدأ الأحد المقبل"
	for _, m := range Extract(text, time.Date(2015, 7, 20, 0, 0, 0, 0, time.UTC)) {
		fmt.Println(m.Text, m.Value(), m.Calendar, m.Relative)
	}
	// Output:
	// أمس الأحد 19 يوليو 2015 2015-07-19 gregorian false
	// 3 شوال 1436هـ 2015-07-19 hijri false
	// الأحد المقبل 2015-07-26 gregorian true
}
