// Sorts Go module versions (one per line on stdin, with or without the v that OSV drops) with
// golang.org/x/mod/semver.Compare and prints them ascending, one line per group of equal versions.
// GOPATH=/usr/share/gocode GO111MODULE=off go run main.go < versions
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"

	"golang.org/x/mod/semver"
)

func canonical(v string) string {
	if strings.HasPrefix(v, "v") {
		return v
	}
	return "v" + v
}

func main() {
	var versions []string
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		if line := strings.TrimSpace(scanner.Text()); line != "" {
			if !semver.IsValid(canonical(line)) {
				fmt.Fprintln(os.Stderr, "not a valid Go version:", line)
				os.Exit(1)
			}
			versions = append(versions, line)
		}
	}
	compare := func(a, b string) int { return semver.Compare(canonical(a), canonical(b)) }
	sort.SliceStable(versions, func(i, j int) bool { return compare(versions[i], versions[j]) < 0 })
	// The sort is only a reference if the order is total on these versions: check every pair.
	rank := make([]int, len(versions))
	for i := range versions {
		if i > 0 && compare(versions[i-1], versions[i]) == 0 {
			rank[i] = rank[i-1]
		} else {
			rank[i] = i
		}
	}
	for i, a := range versions {
		for j, b := range versions {
			want := 0
			if rank[i] < rank[j] {
				want = -1
			} else if rank[i] > rank[j] {
				want = 1
			}
			if compare(a, b) != want {
				fmt.Fprintln(os.Stderr, "semver orders inconsistently:", a, b)
				os.Exit(1)
			}
		}
	}
	var group []string
	for i, v := range versions {
		if i > 0 && compare(versions[i-1], v) != 0 {
			fmt.Println(strings.Join(group, " "))
			group = nil
		}
		group = append(group, v)
	}
	if len(group) > 0 {
		fmt.Println(strings.Join(group, " "))
	}
}
