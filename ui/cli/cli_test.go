package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestFlagsOfEveryCommand: -h prints the command's usage and succeeds, an
// unknown flag fails with status 2 and the usage, whatever the command.
func TestFlagsOfEveryCommand(t *testing.T) {
	for _, c := range Commands {
		for _, tc := range []struct {
			arg  string
			want int
		}{{"-h", 0}, {"--no-such-flag", 2}} {
			var out, errOut bytes.Buffer
			got := c.Run([]string{tc.arg}, strings.NewReader(""), &out, &errOut)
			if got != tc.want {
				t.Errorf("sahifa %s %s: status %d, want %d", c.Name, tc.arg, got, tc.want)
			}
			if !strings.Contains(errOut.String(), "usage: sahifa "+c.Name) {
				t.Errorf("sahifa %s %s: no usage on stderr:\n%s", c.Name, tc.arg, errOut.String())
			}
			if out.Len() != 0 {
				t.Errorf("sahifa %s %s: wrote %q to stdout", c.Name, tc.arg, out.String())
			}
		}
	}
}

// runOK runs a command with args, no standard input, and returns what it
// printed, failing the test when it exits with another status than 0.
func runOK(t *testing.T, run func(args []string, stdin io.Reader, stdout, stderr io.Writer) int, args []string) *bytes.Buffer {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(args, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	return &out
}
