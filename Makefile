# Backroll: `make run` opens the app, `make test` checks everything. Both install the Debian packages
# they need first, only when missing.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

GO ?= go
GOBIN := $(shell $(GO) env GOPATH)/bin
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(GOBIN)/staticcheck
export LANG := en_US.UTF-8
export LC_ALL := en_US.UTF-8

.PHONY: run build debug test deps test-deps fmt-check vet lint unit clean

run: deps
	$(GO) run -tags migrated_fynedo .

# The shipped build opts in to Fyne's fyne.Do migration (FyneApp.toml); the debug build leaves the tag
# off so that Fyne's thread checks stay on while you develop.
build: deps
	$(GO) build -tags migrated_fynedo -o backroll .

debug: deps
	$(GO) build -o backroll-debug .

deps:
	@.ci/deps build

test-deps:
	@.ci/deps test

test: test-deps fmt-check vet lint unit

fmt-check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	@echo "gofmt: clean"

vet:
	$(GO) vet ./...

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

lint: $(STATICCHECK)
	$(STATICCHECK) ./...

# -race everywhere; the window and sound tests start their own Xvfb and PulseAudio. -p 1 runs one
# package at a time: the real sound path records in real time and must not share the two cores.
unit:
	$(GO) test -race -count=1 -p 1 -timeout 30m ./...

clean:
	rm -rf backroll backroll-debug dist
