# Sayso — every build and test step. `make run` and `make test` are the two
# commands a new machine needs; each installs what it is missing.

GO      ?= go
SITE    := build/site
WASM    := build/app.wasm
PORT    ?= 8080
WORKER_DIR   := wasm/worker
WORKER_BUILD := build/worker
WORKER_PORT  ?= 8787
# Local D1 and R2 state of `make worker-dev` (the hand-in box).
WORKER_STATE := build/wrangler-state
export GOTOOLCHAIN := local

.PHONY: all run test site wasm dist vet unit browser-deps axe-deps worker-deps worker-build worker-dev worker-test worker-size deploy fuzz bench clean mutate mutate-summary

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

## axe-deps: axe-core (pinned in tools/axe/package-lock.json), when missing;
## the accessibility browser test (internal/e2e/axe_test.go) injects it.
AXE_DIR := tools/axe
axe-deps:
	@test -f $(AXE_DIR)/node_modules/axe-core/axe.min.js || { \
	  echo "installing axe-core with npm ci in $(AXE_DIR)"; \
	  cd $(AXE_DIR) && npm ci --no-audit --no-fund; }

## worker-build: the Cloudflare Worker (wasm/worker for js/wasm plus its JS glue) in build/worker.
worker-build:
	$(GO) run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o $(WORKER_BUILD)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WORKER_BUILD)/app.wasm ./wasm/worker

## worker-dev: the worker and the site in the real Workers runtime (workerd) on
## http://127.0.0.1:$(WORKER_PORT), with the hand-in box's D1 and R2 as local
## state in $(WORKER_STATE) (migrations applied first).
worker-dev: site worker-build worker-deps
	cd $(WORKER_DIR) && npx --no-install wrangler d1 migrations apply HANDIN_DB --local --persist-to ../../$(WORKER_STATE)
	cd $(WORKER_DIR) && npx --no-install wrangler dev --ip 127.0.0.1 --port $(WORKER_PORT) --persist-to ../../$(WORKER_STATE)

## deploy: publish the worker and the site to Cloudflare (needs `npx wrangler login`
## once, and for the hand-in box the one-time `wrangler d1 create` and
## `wrangler r2 bucket create` of README "Collect hand-ins online"); applies
## new D1 migrations to the remote database first.
deploy: site worker-build worker-deps
	cd $(WORKER_DIR) && npx --no-install wrangler d1 migrations apply HANDIN_DB --remote
	cd $(WORKER_DIR) && npx --no-install wrangler deploy

## worker-size: what `wrangler deploy` would upload (a dry run into
## build/worker-dry-run), with its size against the 3 MB (free) limit.
worker-size: site worker-build worker-deps
	cd $(WORKER_DIR) && npx --no-install wrangler deploy --dry-run --outdir ../../build/worker-dry-run

## vet: go vet natively and for js/wasm, and gofmt.
vet:
	@fmt=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$fmt" ]; then echo "gofmt needed: $$fmt"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

## browser-deps: Debian's Chromium (and emoji fonts for readable screenshots),
## and Debian's python3 with pandas, which the JSONL and CSV tests read
## the exports with (/usr/bin/python3: a python3 earlier on PATH may lack it).
browser-deps:
	@{ command -v chromium >/dev/null 2>&1 && /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 && test -f /usr/share/unicode/auxiliary/GraphemeBreakTest.txt; } || { \
	  echo "installing chromium, python3-pandas and unicode-data with apt-get"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-color-emoji python3-pandas unicode-data; }

## test: everything — unit tests, fuzz seeds, vet, the wasm build, browser
## tests, the worker under workerd, and a short smoke run of the benchmark.
test: browser-deps axe-deps worker-deps vet site dist worker-build
	$(GO) test -count=1 -timeout 20m ./...
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
## Its last step is the hand-in box's load test (bench-handin).
.PHONY: bench bench-smoke bench-deps bench-handin
BENCHFLAGS ?=
bench: browser-deps bench-deps site worker-build worker-deps
	$(GO) run ./internal/bench/cmd/bench -site $(SITE) -out dist/bench/results.json -markdown dist/bench/results.md -peers $(PEERS_DIR) -gobench $(BENCHFLAGS)
	$(GO) run ./internal/bench/cmd/handinbench -out dist/bench/handin.json

## bench-handin: the hand-in box under wrangler dev on loopback: 20 concurrent
## clients, 400 hand-ins; lost and duplicated hand-ins, p50/p95 latency
## (dist/bench/handin.json).
bench-handin: site worker-build worker-deps
	$(GO) run ./internal/bench/cmd/handinbench -out dist/bench/handin.json

## bench-smoke: one short run of the benchmark on small documents (about
## 40 s); fails only when the benchmark itself breaks.
bench-smoke: browser-deps site
	$(GO) run ./internal/bench/cmd/bench -smoke -site $(SITE) -out build/bench-smoke/results.json

## mutate: mutation testing of the plain-Go core with gremlins (pinned,
## installed into build/ when missing; not in go.mod). One package at a
## time; prints every surviving (LIVED) mutant and, at the end, one table of
## each package's test efficacy, killed ÷ (killed + lived). Slow (minutes per
## package), so `make test` does not run it. MUTATE_PKGS picks packages,
## MUTATE_FLAGS passes flags (`build/gremlins-v0.5.0/gremlins unleash -h`).
GREMLINS_VERSION := v0.5.0
GREMLINS := build/gremlins-$(GREMLINS_VERSION)/gremlins
MUTATE_PKGS ?= internal/text internal/anchor internal/annotation internal/format/native internal/merge internal/agreement internal/app internal/exchange
# A mutant times out after 20 times the unmutated run (gremlins gauges
# that once, at the start): on a loaded machine 3 or 6 times left mutants
# that panic at once "timed out".
MUTATE_FLAGS ?= --workers 2 --timeout-coefficient 20
# Each mutant costs a compile and a link of the package's test binary: no
# vet (it judges no behaviour), no DWARF (-s), and -trimpath so that every
# gremlins work copy of the module shares the build cache for the
# unchanged packages.
MUTATE_GOFLAGS ?= -vet=off -trimpath -ldflags=-s
$(GREMLINS):
	GOBIN=$(abspath $(dir $(GREMLINS))) $(GO) install github.com/go-gremlins/gremlins/cmd/gremlins@$(GREMLINS_VERSION)
mutate: $(GREMLINS)
	@mkdir -p build/mutate
	@for p in $(MUTATE_PKGS); do \
	  out=build/mutate/$$(echo $$p | tr / _); \
	  echo "== $$p"; \
	  CI= GOFLAGS='$(MUTATE_GOFLAGS)' nice -n 10 $(GREMLINS) unleash $(MUTATE_FLAGS) -o $$out.json ./$$p > $$out.txt 2>&1 || { cat $$out.txt; exit 1; }; \
	  grep -E 'LIVED|TIMED OUT' $$out.txt || true; \
	done
	@$(MAKE) --no-print-directory mutate-summary

## mutate-summary: the table of the last `make mutate` run of each package
## (build/mutate/*.txt): killed, lived, timed out, not covered, and the test
## efficacy killed ÷ (killed + lived); timed-out mutants count in neither.
mutate-summary:
	@printf '\n%-24s %6s %5s %9s %11s %9s\n' package killed lived timed-out not-covered efficacy
	@for p in $(MUTATE_PKGS); do \
	  f=build/mutate/$$(echo $$p | tr / _).txt; \
	  if [ ! -f $$f ]; then printf '%-24s not run\n' $$p; continue; fi; \
	  awk -v p=$$p ' \
	    /(Killed|Timed out): / { gsub(/\033\[[0-9;]*m|,/, ""); \
	      for (i = 1; i < NF; i++) { \
	        if ($$i == "Killed:") k = $$(i+1); if ($$i == "Lived:") l = $$(i+1); \
	        if ($$i == "covered:") nc = $$(i+1); if ($$i == "out:") to = $$(i+1) } } \
	    END { if (k == "") { printf "%-24s unfinished\n", p; exit } \
	          printf "%-24s %6d %5d %9d %11d %8.1f%%\n", p, k, l, to, nc, (k+l) ? 100*k/(k+l) : 100 }' $$f; \
	done

clean:
	rm -rf build dist
