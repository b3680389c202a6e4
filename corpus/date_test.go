package corpus

import (
	"testing"
	"time"
)

func TestParseMetadataDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 in UTC; "" for no date
	}{
		{"2015-07-21 02:51:32", "2015-07-21T02:51:32Z"}, // SaudiNewsNet date_extracted
		{"2015-07-21T02:51:32Z", "2015-07-21T02:51:32Z"},
		{"2015-07-21T05:51:32+03:00", "2015-07-21T02:51:32Z"},
		{"2015-07-21T02:51:32.123Z", "2015-07-21T02:51:32Z"},
		{"2015-07-21", "2015-07-21T00:00:00Z"},
		{"2015/07/21", "2015-07-21T00:00:00Z"},
		{"Tue, 21 Jul 2015 02:51:32 GMT", "2015-07-21T02:51:32Z"}, // RSS pubDate
		{"Tue, 21 Jul 2015 05:51:32 +0300", "2015-07-21T02:51:32Z"},
		{"21-07-2015", "2015-07-21T00:00:00Z"},
		{"July 21, 2015", "2015-07-21T00:00:00Z"},
		{"٢٠١٥-٠٧-٢١", "2015-07-21T00:00:00Z"},    // Arabic-Indic digits
		{"1437446400", "2015-07-21T02:40:00Z"},    // Unix seconds
		{"1437446400000", "2015-07-21T02:40:00Z"}, // Unix milliseconds
		{"yesterday", ""},
		{"2015-13-45", ""},
		{"0001-01-01", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := parseMetadataDate(tt.in)
		s := ""
		if ok {
			s = got.UTC().Truncate(time.Second).Format(time.RFC3339)
		}
		if s != tt.want {
			t.Errorf("parseMetadataDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in   string
		want string // "2006-01-02 15:04"; "" for no dateline
	}{
		{"26-05-2017 02:52 AM بتوقيت القدس المحتلة", "2017-05-26 02:52"}, // seed 002
		{"26-05-2017 02:52 PM", "2017-05-26 14:52"},
		{"12-05-2017 12:10 ص", "2017-05-12 00:10"},
		{"2017-05-26 14:52", "2017-05-26 14:52"},
		{"05/26/2017", "2017-05-26 00:00"}, // month first, as the day cannot be 26th month
		{"٢٦-٠٥-٢٠١٧ آخر تحديث", "2017-05-26 00:00"},
		{"31-02-2017", ""},
		{"26-05-2017 قال الرئيس إن الاتفاق الذي وقع اليوم سيغير وجه المنطقة كلها", ""}, // a sentence, not a dateline
		{"في 26-05-2017", ""},
		{"2017", ""},
	}
	for _, tt := range tests {
		got, ok := parseDateline(tt.in)
		s := ""
		if ok {
			s = got.Format("2006-01-02 15:04")
		}
		if s != tt.want {
			t.Errorf("parseDateline(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}
