// Sahifa is a terminal reader for collections of Arabic news articles.
//
// Usage:
//
//	sahifa [flags] [PATH...]   open the reader on files and folders (the seeds without PATH)
//	sahifa COMMAND [args]      run a command: render, list, search, entities
package main

import (
	"fmt"
	"os"

	"sahifa/ui/cli"
)

func main() {
	if len(os.Args) > 1 {
		if c, ok := cli.Lookup(os.Args[1]); ok {
			os.Exit(c.Run(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
		}
	}
	fmt.Fprintln(os.Stderr, "sahifa: the reader is being built; commands:")
	for _, c := range cli.Commands {
		fmt.Fprintf(os.Stderr, "  %-10s %s\n", c.Name, c.Summary)
	}
	os.Exit(2)
}
