# Sayso — every build and test step. `make run` and `make test` are the two
# commands a new machine needs; each installs what it is missing.

GO      ?= go
SITE    := build/site
WASM    := build/app.wasm
PORT    ?= 8080
WORKER_DIR   := wasm/worker
WORKER_BUILD := build/worker
WORKER_PORT  ?= 8787
export GOTOOLCHAIN := local

.PHONY: all run test site wasm dist vet unit browser-deps worker-deps worker-build worker-dev worker-test deploy fuzz bench clean

all: site

## wasm: the browser app compiled to WebAssembly.
wasm:
	@mkdir -p build
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WASM) ./wasm/app

## site: the built static site (hashed asset names, precompressed) in build/site,
## with the offline file as sayso.html (the template the app embeds exercises into).
site: wasm
	$(GO) run ./internal/tools/sitebuild -web web -wasm $(WASM) -out $(SITE)

## run: build the site and serve it on http://localhost:$(PORT) (needs only Go).
run: site
	PORT=$(PORT) $(GO) run ./wasm/worker -site $(SITE)

## dist: the single self-contained offline file dist/sayso.html.
dist: site
	$(GO) run ./internal/tools/distbuild -site $(SITE) -out dist/sayso.html

## worker-deps: wrangler (pinned in wasm/worker/package-lock.json), when missing.
worker-deps:
	@test -x $(WORKER_DIR)/node_modules/.bin/wrangler || { \
	  echo "installing wrangler with npm ci in $(WORKER_DIR)"; \
	  cd $(WORKER_DIR) && npm ci --no-audit --no-fund; }

## worker-build: the Cloudflare Worker (wasm/worker for js/wasm plus its JS glue) in build/worker.
worker-build:
	$(GO) run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o $(WORKER_BUILD)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WORKER_BUILD)/app.wasm ./wasm/worker

## worker-dev: the worker and the site in the real Workers runtime (workerd) on http://127.0.0.1:$(WORKER_PORT).
worker-dev: site worker-build worker-deps
	cd $(WORKER_DIR) && npx --no-install wrangler dev --ip 127.0.0.1 --port $(WORKER_PORT)

## deploy: publish the worker and the site to Cloudflare (needs `npx wrangler login` once).
deploy: site worker-build worker-deps
	cd $(WORKER_DIR) && npx --no-install wrangler deploy

## vet: go vet natively and for js/wasm, and gofmt.
vet:
	@fmt=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$fmt" ]; then echo "gofmt needed: $$fmt"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

## browser-deps: Debian's Chromium (and emoji fonts for readable screenshots).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium with apt-get"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-color-emoji; }

## test: everything — unit tests, fuzz seeds, vet, the wasm build, browser
## tests, the worker under workerd, and a short smoke run of the benchmark.
test: browser-deps worker-deps vet site dist worker-build
	$(GO) test -count=1 ./...
	$(GO) run ./internal/bench/cmd/bench -smoke -site $(SITE) -out build/bench-smoke/results.json

## fuzz: run every fuzz target for FUZZTIME each.
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./internal/...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test $$pkg -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) || exit 1; \
	  done; \
	done

## bench-deps: the peers the benchmark measures Sayso beside (issue 13:
## Recogito text-annotator, pinned in internal/bench/peers/package-lock.json), when missing.
PEERS_DIR := internal/bench/peers
bench-deps:
	@test -f $(PEERS_DIR)/node_modules/@recogito/text-annotator/dist/text-annotator.umd.js || { \
	  echo "installing the benchmark's peers with npm ci in $(PEERS_DIR)"; \
	  cd $(PEERS_DIR) && npm ci --no-audit --no-fund; }

## bench: the browser benchmark of issues 5 and 13: prints one table and a
## side-by-side table of Sayso, its baselines and its peer, and writes
## dist/bench/results.json and .md (BENCHFLAGS adds flags: -runs, -adds, …;
## `go run ./internal/bench/cmd/bench -h` lists them).
.PHONY: bench bench-smoke bench-deps
BENCHFLAGS ?=
bench: browser-deps bench-deps site
	$(GO) run ./internal/bench/cmd/bench -site $(SITE) -out dist/bench/results.json -markdown dist/bench/results.md -peers $(PEERS_DIR) -gobench $(BENCHFLAGS)

## bench-smoke: one short run of the benchmark on small documents (about
## 40 s); fails only when the benchmark itself breaks.
bench-smoke: browser-deps site
	$(GO) run ./internal/bench/cmd/bench -smoke -site $(SITE) -out build/bench-smoke/results.json

clean:
	rm -rf build dist
