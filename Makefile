# privy-edge: the two commands a fresh Debian machine needs are `make run` and `make test`.

SWIFT ?= swift
DATA_DIR ?= ./privy-edge-data
RELEASE_BIN := .build/release/privy-edge

.PHONY: run test deps build release check-release clean-data

## Install what a fresh Debian machine lacks (liblmdb-dev), build the release binary and serve
## on the default data directory (./privy-edge-data) at 127.0.0.1:8080.
run: release
	$(RELEASE_BIN) serve --data-dir $(DATA_DIR)

## Install what is missing, run every test, then build the static release binary and check
## that it links nothing but glibc, libstdc++ and libgcc. CI runs exactly this.
test: deps
	$(SWIFT) test
	$(MAKE) check-release

## Debian packages the build needs.
deps:
	@scripts/install-deps.sh

## A debug build.
build: deps
	$(SWIFT) build

## The single binary: Swift's runtime and Foundation linked statically, liblmdb.a inside.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product privy-edge

## Fails unless the release binary is self-contained.
check-release: release
	scripts/check-static-binary.sh $(RELEASE_BIN)
