//go:build js && wasm

package main

import (
	"database/sql"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/d1"

	"sayso/internal/handin"
	"sayso/internal/site"
)

// Bindings of wrangler.jsonc.
const (
	d1Binding = "HANDIN_DB"
	r2Binding = "HANDIN_FILES"
)

func main() {
	// Every file of the site is a static asset that Cloudflare serves
	// before the worker runs: what reaches this handler is the hand-in
	// API, or not a file of the site and gets the site's 404/405/400
	// with its headers.
	workers.Serve(handin.Routes(handInAPI(), site.Handler(noFiles{})))
}

// handInAPI is the hand-in box on the Worker's D1 database and R2 bucket,
// or a 503 when the site's owner has not bound them.
func handInAPI() http.Handler {
	connector, err := d1.OpenConnector(d1Binding)
	if err != nil {
		return handin.Unavailable(fmt.Errorf("D1 database %s: %w", d1Binding, err))
	}
	files, err := handin.NewR2Files(r2Binding)
	if err != nil {
		return handin.Unavailable(err)
	}
	return handin.New(handin.Config{
		Records: handin.NewSQLRecords(sql.OpenDB(connector)),
		Files:   files,
		Limits: handin.Limits{
			PerAddress:   envInt("HANDIN_PER_ADDRESS"),
			PerBox:       envInt("HANDIN_PER_BOX"),
			OpensPerHour: envInt("HANDIN_OPENS_PER_HOUR"),
		},
	})
}

// envInt reads a numeric var of wrangler.jsonc (or `wrangler dev --var`);
// 0, the default limit, when unset or not a number.
func envInt(name string) int64 {
	n, err := strconv.ParseInt(cloudflare.Getenv(name), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// noFiles is the empty file system.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
