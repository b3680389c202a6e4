package pgtest

import (
	"os/exec"
	"os/user"
	"strconv"
	"syscall"
)

// asServer makes cmd run as the user runAs ("" for the current one) and
// get SIGQUIT, PostgreSQL's immediate shutdown, when the test process
// dies, so that no server outlives a killed fuzz worker or a panicking
// test.
func asServer(cmd *exec.Cmd, runAs string) error {
	attr := &syscall.SysProcAttr{Pdeathsig: syscall.SIGQUIT, Setpgid: true}
	if runAs != "" {
		u, err := user.Lookup(runAs)
		if err != nil {
			return err
		}
		uid, _ := strconv.ParseUint(u.Uid, 10, 32)
		gid, _ := strconv.ParseUint(u.Gid, 10, 32)
		attr.Credential = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	cmd.SysProcAttr = attr
	return nil
}
