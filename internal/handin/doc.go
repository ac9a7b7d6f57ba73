// Package handin is the hand-in box of issue 17: a JSON API under
// /api/boxes through which a teacher (or team lead) collects finished
// exports, served by the site's Cloudflare Worker on the owner's own D1
// database (records) and R2 bucket (files). Annotating never needs it.
//
// The API is one http.Handler (New) on two interfaces, Records and Files.
// The Worker (wasm/worker, js/wasm) runs it on SQLRecords over D1 and on
// the R2 files of r2_js.go; the native server of `make run` and the unit
// tests run the same handler on MemoryRecords and MemoryFiles.
//
// # Endpoints
//
//	POST   /api/boxes                          open a box; body: the .sayso-exercise.json
//	GET    /api/boxes/{box}                    the box's state           (owner secret)
//	PATCH  /api/boxes/{box}                    {"closed": true|false}    (owner secret)
//	DELETE /api/boxes/{box}                    files and records gone    (owner secret)
//	POST   /api/boxes/{box}/hand-ins           hand in; body: the .sayso.json (hand-in code,
//	                                           Idempotency-Key)
//	GET    /api/boxes/{box}/hand-ins[?latest=true]  every version, or the latest per student
//	                                                (owner secret)
//	GET    /api/boxes/{box}/hand-ins/{id}      one handed-in file, as a download (owner secret)
//
// Secrets travel as "Authorization: Bearer <32 hex digits>". Every error
// is JSON: {"error": "<a sentence for the person>", "code": "<stable
// code>"} plus "problems" (a list of sentences) when a file was refused
// because it does not match the exercise.
//
// # Security
//
// Box ids are 96-bit random, hand-in codes and owner secrets 128-bit; only
// SHA-256 hashes of the code and secret are stored, compared in constant
// time. The hand-in code only hands in; the owner secret is needed for
// everything else. A hand-in is checked as the page checks a file it
// opens (native.Decode), then against the box's exercise (exercise.Check:
// this exercise's id, every document present with the exercise's text):
// what does not match is refused, saying why. Nothing of a handed-in file
// is ever put into a page: answers are JSON or a download, with a CSP of
// default-src 'none' and sandbox.
//
// CORS: the site's own pages may call everything; the offline page opened
// from file:// (origin "null") may only hand in; every other origin is
// refused. Rate limits per client address (hashed) and per box are
// counters in Records, per minute (per hour for opening boxes).
package handin
