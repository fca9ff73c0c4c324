# privy-edge: the two commands a fresh Debian machine needs are `make run` and `make test`.

SWIFT ?= swift
DATA_DIR ?= ./privy-edge-data
SCRATCH ?= .build
RELEASE_BIN := $(SCRATCH)/release/privy-edge
# A release build with Swift's runtime linked statically. Every release product is built with
# these same flags, so building one never invalidates the objects of another.
RELEASE_BUILD = $(SWIFT) build -c release --static-swift-stdlib --scratch-path $(SCRATCH) -Xlinker -L$(abspath $(STATIC_LIBS))
# Static C libraries the linker must prefer over shared ones (zlib, used by the HTTP client's
# decompression): a directory holding only the .a files, searched before the system's.
STATIC_LIBS := $(SCRATCH)/static-libs

.PHONY: run test deps test-deps build release check-release deb hardening browser-test bench bench-scale

## Install what running needs and a fresh Debian machine lacks (liblmdb-dev, zlib1g-dev), build
## the release binary and serve on the default data directory (./privy-edge-data) at 127.0.0.1:8080.
run: release
	$(RELEASE_BIN) serve --data-dir $(DATA_DIR)

## Install what is missing (test-deps; schemathesis on first use by hardening), run every test,
## then build the static release binary and check that it links nothing but glibc, libstdc++ and
## libgcc. CI runs exactly this.
test: test-deps
	$(SWIFT) test
	$(MAKE) check-release
	$(MAKE) browser-test
	$(MAKE) hardening

## Debian packages building and running need: liblmdb-dev, zlib1g-dev.
deps:
	@scripts/install-deps.sh run

## Those, and what the tests drive: chromium, curl, openssl.
test-deps:
	@scripts/install-deps.sh test

## A debug build.
build: deps
	$(SWIFT) build

## The single binary: Swift's runtime and Foundation linked statically, liblmdb.a inside.
release: deps
	mkdir -p $(STATIC_LIBS) && ln -sf /usr/lib/$$(uname -m)-linux-gnu/libz.a $(STATIC_LIBS)/libz.a
	$(RELEASE_BUILD) --product privy-edge

## Fails unless the release binary is self-contained.
check-release: release
	scripts/check-static-binary.sh $(RELEASE_BIN)

## Property-based API testing of the release binary: schemathesis (installed into a cache
## venv on first use) runs openapi.yaml against a live server; no 5xx, no response off the spec.
## The other hardening suites (hostile input, a full map, SIGKILL under load) run in `swift test`.
hardening: release
	scripts/schemathesis.sh $(RELEASE_BIN)

## The status page in headless chromium (installed by deps): the release binary with a few
## contacts, the figures the page renders checked, its DOM and a screenshot kept in out/.
browser-test: release test-deps
	scripts/browser-test.sh $(RELEASE_BIN)

## Throughput in one run on this machine: the JSON-echo ceiling of our HTTP stack, then
## POST /v1/orders/placed (durable) in three workloads with the same load generator and
## settings: the ratios, CPU per request, the writer thread's CPU and commit wait per operation,
## bytes on disk per request; the import rate against mdb_load; PostgreSQL's upsert as the peer
## when it is installed. Reports: out/bench/.
bench: release
	@scripts/install-deps.sh bench
	$(RELEASE_BUILD) --product privy-echo
	PRIVY_EDGE_BINARY=$(RELEASE_BIN) PRIVY_ECHO_BINARY=$(SCRATCH)/release/privy-echo scripts/bench.sh

## New-buyer upserts as the store grows (0 to 10M orders stored): req/s, p99, bytes on disk per
## request, data file size and RSS per size, and the curve in out/bench/scale.svg.
bench-scale: release
	@scripts/install-deps.sh bench
	PRIVY_EDGE_BINARY=$(RELEASE_BIN) scripts/bench-scale.sh

## The Debian package, dist/privy-edge_<version>_<arch>.deb, from the release binary and
## packaging/ (unit, env file as conffile); then checks what it installs.
deb: release
	scripts/check-deb.sh $$(scripts/build-deb.sh $(RELEASE_BIN) dist)

## The micro-benchmarks (Benchmarks/, ordo-one/benchmark, a package of their own): prints
## throughput, wall clock and mallocs per call, then fails if any benchmark's malloc count rises
## more than its tolerance (2 %; 5 % for concurrent contact creates) above its committed
## threshold in Benchmarks/Thresholds/. Wall clock is printed, never gated.
.PHONY: benchmarks benchmark-thresholds
benchmarks: deps
	SWIFT=$(SWIFT) scripts/benchmarks.sh check

## Records Benchmarks/Thresholds/ from a fresh run; commit them with the change that moved them.
benchmark-thresholds: deps
	SWIFT=$(SWIFT) scripts/benchmarks.sh update
