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

.PHONY: run build debug test deps test-deps fmt-check vet lint unit clean package install uninstall bench soak wine-smoke

run: deps
	$(GO) run -tags migrated_fynedo,no_emoji .

# The shipped build opts in to Fyne's fyne.Do migration (FyneApp.toml); the debug build leaves the tag
# off so that Fyne's thread checks stay on while you develop. no_emoji leaves out Fyne's 4 MB colour
# emoji font, which every text style would otherwise load: Backroll draws no emoji (ui/glyphs_test.go
# holds every text to the bundled Noto Sans), and the font cost ~19 MiB of memory (issue 15).
build: deps
	$(GO) build -tags migrated_fynedo,no_emoji -o backroll .

debug: deps
	$(GO) build -tags no_emoji -o backroll-debug .

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

# --- Shipping and measuring (issue 8) ---------------------------------------------------------------
# The Fyne packaging tool, pinned; installed into GOBIN when missing or at another version.
FYNE_TOOLS_VERSION := v1.7.4
FYNE := $(GOBIN)/fyne
PREFIX ?= $(HOME)/.local

ENSURE_FYNE = v=$$("$(FYNE)" version 2>/dev/null || true); \
	if ! grep -qx 'fyne cli version: $(FYNE_TOOLS_VERSION)' <<<"$$v"; then \
		echo "Installing fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION) into $(GOBIN)"; \
		GOBIN="$(GOBIN)" $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION); \
	fi

# dist/backroll-linux-amd64.tar.xz (binary, icon, .desktop) and dist/backroll.exe (MinGW-w64, PE32+).
package:
	@.ci/deps package
	@$(ENSURE_FYNE)
	FYNE="$(FYNE)" .ci/package linux windows

# dist/backroll.exe run for real under Wine 10 on its own Xvfb: the safety page first, settings saved in
# Wine's %LOCALAPPDATA%\backroll. Wine comes from Debian 13 in a root of its own (.ci/wine-root, made
# once with debootstrap, reused from ~/.cache); needs root. Not part of .ci/run (see README, Measuring);
# run it before each release.
wine-smoke:
	@.ci/deps wine
	@[ -f dist/backroll.exe ] || $(MAKE) package
	.ci/wine-smoke dist/backroll.exe

# A fresh Linux build under $(PREFIX): bin/backroll, share/applications/<ID>.desktop and
# share/icons/hicolor/512x512/apps/<ID>.png. `make uninstall` removes exactly those three files.
install:
	@.ci/deps install
	@$(ENSURE_FYNE)
	FYNE="$(FYNE)" PREFIX="$(PREFIX)" .ci/package linux install

uninstall:
	PREFIX="$(PREFIX)" .ci/package uninstall

# Backroll against bench/floor under its own Xvfb and PulseAudio: a table, then `name value` lines.
bench:
	@.ci/deps bench
	bench/run.sh
	bench/voice.sh

# 100 routines on a fake clock in one process, then the real window for BACKROLL_SOAK_MINUTES (15).
soak:
	@.ci/deps bench
	bench/soak.sh
