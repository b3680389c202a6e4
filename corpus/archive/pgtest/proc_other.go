//go:build !linux

package pgtest

import (
	"errors"
	"os/exec"
)

// asServer makes cmd run as the user runAs; only the current user is
// possible here, and the server may outlive a killed test process.
func asServer(cmd *exec.Cmd, runAs string) error {
	if runAs != "" {
		return errors.New("cannot run the server as " + runAs + " here")
	}
	return nil
}
