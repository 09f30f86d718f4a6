# numc — the two commands of the README, plus bench / install / clean.
# CMake does the real build; this file only installs what is missing and runs it.
#
#   make demo      set up, build (Release, build/), run every example into out/
#   make test      set up, build + ctest in build/, then again with ASan+UBSan in build-asan/
#   make bench     set up (+ NumPy, matplotlib), build, run numc vs NumPy/matplotlib
#   make install PREFIX=/usr/local
#   make clean

BUILD      ?= build
ASAN_BUILD ?= build-asan
OUT        ?= out
PREFIX     ?= /usr/local
JOBS       ?= 2
# Debian's interpreter: the one that has python3-numpy (a pyenv python3 may come first).
PYTHON     ?= /usr/bin/python3
# Seconds each libFuzzer target runs under `make fuzz`.
FUZZ_SECONDS ?= 60
# Extra arguments for the benchmark driver. Both sides run without OPENBLAS_CORETYPE /
# OPENBLAS_L2_SIZE: Debian's NumPy links the same system OpenBLAS as numc, and those
# variables pin it to slower Haswell kernels on this CPU (BENCH_ARGS= keeps them for numc).
# More arguments: BENCH_ARGS="--same-blas-env --filter matmul".
BENCH_ARGS ?= --same-blas-env

DEB_PACKAGES := cmake pkg-config gcc libc6-dev libopenblas-dev liblapacke-dev libfftw3-dev \
	libcairo2-dev libpango1.0-dev libpng-dev zlib1g-dev libcunit1-dev \
	fonts-dejavu-core fonts-wqy-microhei clang libclang-rt-14-dev
BENCH_PACKAGES := python3-numpy python3-matplotlib

MAKEFLAGS += --no-print-directory
CMAKE_GEN := cmake -S . -Wno-dev
export ASAN_OPTIONS  := detect_leaks=1
export UBSAN_OPTIONS := halt_on_error=1:print_stacktrace=1

# One step at a time: the set-up may run apt-get, and the two builds share 2 cores.
.NOTPARALLEL:

.PHONY: all setup setup-bench configure build demo test test-release test-asan bench \
	fuzz install clean

all: build

setup:
	@bash scripts/setup.sh $(DEB_PACKAGES)

setup-bench:
	@bash scripts/setup.sh $(DEB_PACKAGES) $(BENCH_PACKAGES)

configure: setup
	@mkdir -p $(BUILD) && $(CMAKE_GEN) -B $(BUILD) -DCMAKE_BUILD_TYPE=Release \
	  >$(BUILD)/configure.log 2>&1 || { cat $(BUILD)/configure.log; exit 1; }

build: configure
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@bash scripts/demo.sh $(BUILD) $(OUT)

test: test-release test-asan

test-release: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure

test-asan: setup
	@mkdir -p $(ASAN_BUILD) && $(CMAKE_GEN) -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug \
	  -DNUMC_SANITIZE=ON >$(ASAN_BUILD)/configure.log 2>&1 \
	  || { cat $(ASAN_BUILD)/configure.log; exit 1; }
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ctest -j$(JOBS) --output-on-failure

bench: setup-bench build
	@mkdir -p $(OUT)
	$(PYTHON) bench/peer.py --numc $(BUILD)/bench/numc_bench --csv $(OUT)/bench.csv $(BENCH_ARGS)

# libFuzzer targets (CSV reader, .npy header, .npz reader) under ASan+UBSan, built with clang.
fuzz: setup
	FUZZ_BUILD=$(CURDIR)/build-fuzz bash fuzz/run.sh $(FUZZ_SECONDS)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz $(OUT)
