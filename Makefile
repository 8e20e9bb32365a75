# Swift Experiments: `make run` sets up, builds, installs the kernel and executes the notebooks;
# `make test` proves it works. Both are idempotent.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
JUPYTER := $(VENV)/bin/jupyter
RELEASE_BINARY := .build/release/swift-experiments
# The CPU the Swift code is compiled for: `native` lets the vector loops (SIMD8, Adam, exp, im2col) use the
# build machine's AVX2/AVX-512; `make TARGET_CPU=x86-64` builds a binary any x86-64 machine can run.
TARGET_CPU ?= native
# One optimised build serves the kernel and the tests (the tests use @testable), so nothing is compiled twice.
SWIFT_FLAGS := -c release -Xswiftc -enable-testing -Xswiftc -target-cpu -Xswiftc $(TARGET_CPU)
APT_PACKAGES := libzmq3-dev libopenblas-dev libpng-dev libcairo2-dev zlib1g-dev fonts-dejavu-core pkg-config
KERNEL_NAME := swift-experiments
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter
export JUPYTER_DATA_DIR := $(CURDIR)/$(VENV)/share/jupyter
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: run test lab system-packages venv build kernelspec data notebooks swift-test python-test bench clean generate

run: system-packages venv build kernelspec data notebooks

## Debian packages: installed only when one is missing.
system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages: $$missing"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

## Python Jupyter tools in .venv (pinned in requirements-dev.txt), and this repository's papermill translator for
## Swift (python/papermill-swift), reinstalled whenever it changes.
PAPERMILL_SWIFT := $(wildcard python/papermill-swift/pyproject.toml python/papermill-swift/papermill_swift/*.py)
venv: $(VENV)/.installed
$(VENV)/.installed: requirements-dev.txt $(PAPERMILL_SWIFT)
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	$(VENV)/bin/pip install -q --no-deps --force-reinstall ./python/papermill-swift
	touch $@

## The kernel and the test bundle in one build plan (building them apart would recompile every module).
build: system-packages
	swift build $(SWIFT_FLAGS) --build-tests

## What is generated from other sources, checked in: the cell bindings from the library's public declarations
## (Sources/LibraryBindings/Generated) and the notebooks' Swift programs (Examples/). Tests fail when they are
## stale. Run after changing the library's public API or a notebook.
generate:
	swift build $(SWIFT_FLAGS) --product generate
	.build/release/generate

kernelspec: build venv
	$(RELEASE_BINARY) install --prefix $(CURDIR)/$(VENV)

data: venv
	$(PYTHON) scripts/fetch_data.py

$(RELEASE_BINARY): | build

## Each report is remade when its notebook or the kernel binary changed.
REPORTS := $(patsubst notebooks/%.ipynb,reports/%.html,$(wildcard notebooks/*.ipynb))
notebooks: reports/index.html
reports/%.html: notebooks/%.ipynb $(RELEASE_BINARY) | kernelspec data
	$(PYTHON) scripts/execute_notebooks.py --output reports $<
## The reports' index: each report's title, one-line summary and run date (a static site as it is).
reports/index.html: $(REPORTS) scripts/report_index.py
	$(PYTHON) scripts/report_index.py reports

## `make swift-test SWIFT_TEST_ARGS="--filter AutogradTests"` runs some of them (same build, nothing recompiled).
swift-test: build
	swift test $(SWIFT_FLAGS) --skip-build $(SWIFT_TEST_ARGS)

python-test: kernelspec data
	$(VENV)/bin/pytest -q tests

test: swift-test python-test

## As root (a container), JupyterLab needs --allow-root.
lab: kernelspec data
	$(JUPYTER) lab --notebook-dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

## Benchmarks: ours and the reference back to back in one run, ratios printed (never asserted).
## The references live in .venv-bench (CPU torch, numpy, matplotlib), apart from the kernel's tools.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed:
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q torch numpy matplotlib
	touch $@

bench: kernelspec data $(BENCH_VENV)/.installed
	$(PYTHON) bench/run.py --torch-python $(BENCH_VENV)/bin/python --target-cpu $(TARGET_CPU)
	$(PYTHON) bench/plots_bench.py --venv $(BENCH_VENV)
	$(PYTHON) bench/kernel_bench.py
	$(PYTHON) -u bench/cell_bench.py

clean:
	rm -rf .build reports
