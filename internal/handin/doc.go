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
// Answers (times are RFC 3339 UTC with milliseconds; paths are relative
// to the site's origin):
//
//	POST /api/boxes → 201
//	  {"id": "<24 hex>", "handInCode": "<32 hex>", "ownerSecret": "<32 hex>",
//	   "exercise": {"id": "ex-…", "title": "…"}, "created": "…",
//	   "box": "/api/boxes/<id>", "handIns": "/api/boxes/<id>/hand-ins"}
//	GET or PATCH /api/boxes/{box} → 200
//	  {"id", "exercise": {"id", "title"}, "created", "closed": false,
//	   "closedAt" (when closed), "handIns": <count>, "bytes": <total>,
//	   "limits": {"handInBytes", "boxBytes", "boxHandIns"}}
//	DELETE /api/boxes/{box} → 204
//	POST /api/boxes/{box}/hand-ins → 201 a receipt; 200 the same receipt
//	  with "replayed": true when the Idempotency-Key was seen before
//	  {"id": "<32 hex>", "box", "exercise": {"id", "title"}, "student",
//	   "received", "size", "sha256": "<64 hex of the file>", "replayed"}
//	GET /api/boxes/{box}/hand-ins → 200
//	  {"box", "handIns": [{"id", "student", "received", "size", "sha256",
//	   "latest": true for each student's last one}]} in order of arrival
//	GET /api/boxes/{box}/hand-ins/{id} → 200 the file, application/json,
//	  Content-Disposition: attachment
//
// The hand-in request carries "Content-Type: application/json", the
// hand-in code and an "Idempotency-Key" of 16 to 128 characters
// [A-Za-z0-9_-], new for each hand-in and the same when retrying it: a
// retry never stores twice, and the same key with another file is refused.
//
// Errors, by "code" (the status in brackets): not_found (404: no such
// endpoint, box or hand-in; a deleted box), method_not_allowed (405),
// unauthorized (401: code or secret missing or malformed), forbidden (403:
// wrong code or secret), origin_not_allowed (403), bad_request (400: no
// or a malformed Idempotency-Key, an empty body, a malformed PATCH or
// query), unsupported_media_type (415: not application/json), too_large
// (413: over 10 MB), invalid_exercise (422: not an exercise file),
// invalid_file (422: not a Sayso export; the message names the problem as
// the page would), refused (422: not this exercise, a changed or missing
// document, the answer key, no student's name; "problems" lists each),
// closed (409), idempotency_conflict (409), box_full (507), rate_limited
// (429, with Retry-After), internal (500: nothing was stored, try again),
// unavailable (503: no D1/R2 bound on this site).
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
