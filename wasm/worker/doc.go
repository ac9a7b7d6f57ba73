// Command worker serves Sayso's built site, in two ways from one main:
//
//   - Built natively it is the local server behind `make run`:
//
//     go run ./wasm/worker -site build/site
//
//     serves internal/site.Handler over build/site on 127.0.0.1, port 8080
//     or $PORT, and prints the address. The folder is opened again for
//     every request, so `make site` or `make dist` may rebuild it while
//     this serves. The hand-in API (internal/handin) answers under
//     /api/boxes, on boxes kept in memory until the server stops.
//
//   - Built with GOOS=js GOARCH=wasm it is the Cloudflare Worker
//     (github.com/syumai/workers; `make worker-build`, `make worker-dev`,
//     `make deploy`). The site's files are Workers static assets (see
//     wrangler.jsonc): Cloudflare serves them itself, with the headers of
//     internal/site that sitebuild wrote into build/site/_headers, and
//     compresses them at its edge. The Go handler runs only for requests
//     no asset answers — missing files, other methods, malformed paths —
//     and answers them with the same handler over an empty file system,
//     so that those responses carry the same CSP and headers too. Under
//     /api/boxes it is the hand-in API (internal/handin) on the D1
//     database and R2 bucket bound in wrangler.jsonc (503 when they are
//     not bound).
//
// Why static assets rather than embedding the site in the worker: see
// README.md ("Delivery") for the measured sizes against the 3 MB limit.
package main
