# numc — the two commands of the README, plus bench / install / clean.
# CMake does the real build; this file only installs what is missing and runs it.
#
#   make demo      set up, build (Release, build/), run every example into out/
#   make test      set up, build + ctest in build/ (gcc, Release), again with ASan+UBSan in
#                  build-asan/, with clang (Release) in build-clang/, the thread suites
#                  with ThreadSanitizer in build-tsan/, and a few suites under valgrind
#   make tsan      only the ThreadSanitizer part (build-tsan/)
#   make valgrind  only the valgrind part (suites of build/)
#   make bench     set up (+ NumPy, matplotlib), build, run numc vs NumPy/matplotlib
#   make install PREFIX=/usr/local
#   make clean

BUILD      ?= build
ASAN_BUILD ?= build-asan
CLANG_BUILD ?= build-clang
TSAN_BUILD ?= build-tsan
VALGRIND_BUILD ?= build-valgrind
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
# The suites that start threads (numc's pool, nd_set_num_threads, threads of their own,
# FFTW's planner): what `make tsan` runs, as a ctest -R pattern.
TSAN_TESTS ?= ^test_(parallel|scope|reduce|ufunc|fft|io_numparse|print|ufunc_methods|ufunc_user|bigcache)$$
# The suites `make valgrind` runs: the LAPACK/BLAS and FFTW paths, sorting and selection
# (under a minute in all). Not the ufunc suites: valgrind does not model the SSE exception
# flags, so the floating-point error tests (nd_seterr) cannot pass under it.
VALGRIND_TESTS ?= test_linalg_products test_linalg_decomp test_fft test_sort test_stats_quantile
VALGRIND := valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
	--suppressions=$(CURDIR)/tests/valgrind.supp

# Each command installs only what it uses: the library and the demo need DEB_PACKAGES;
# the tests add CUnit and clang (the second compiler); fuzzing adds clang's libFuzzer
# runtime, whose package name carries clang's major version (libclang-rt-14-dev on
# Debian 12, libclang-rt-19-dev on Debian 13), read from `clang --version` once clang is in.
DEB_PACKAGES := cmake pkg-config gcc libc6-dev libopenblas-dev liblapacke-dev libfftw3-dev libsleef-dev \
	libcairo2-dev libpango1.0-dev libpng-dev libjpeg-dev libqhull-dev zlib1g-dev fonts-dejavu-core fonts-wqy-microhei
TEST_PACKAGES := libcunit1-dev clang libomp-dev python3-dev python3-numpy python3-pytest python3-venv python3-matplotlib
# libnumc_mpi (mpi/): Open MPI, ScaLAPACK and FFTW-MPI, for the library, its tests and the demo.
DEB_PACKAGES += libopenmpi-dev openmpi-bin libscalapack-openmpi-dev libfftw3-mpi-dev
# Highway's vqsort (core/sort/sort_simd.c) and the C++ compiler of its one glue file.
DEB_PACKAGES += libhwy-dev g++
BENCH_PACKAGES := python3-numpy python3-matplotlib gnuplot-nox

MAKEFLAGS += --no-print-directory
CMAKE_GEN := cmake -S . -Wno-dev
export ASAN_OPTIONS  := detect_leaks=1
export UBSAN_OPTIONS := halt_on_error=1:print_stacktrace=1

# One step at a time: the set-up may run apt-get, and the two builds share 2 cores.
.NOTPARALLEL:

.PHONY: all setup setup-test setup-bench setup-fuzz setup-valgrind configure build demo test bench-mpi \
	test-release test-asan test-clang test-tsan test-valgrind tsan valgrind bench fuzz install clean

all: build

setup:
	@bash scripts/setup.sh $(DEB_PACKAGES)

setup-test:
	@bash scripts/setup.sh $(DEB_PACKAGES) $(TEST_PACKAGES)

setup-valgrind:
	@bash scripts/setup.sh valgrind

setup-bench:
	@bash scripts/setup.sh $(DEB_PACKAGES) $(BENCH_PACKAGES)

setup-fuzz:
	@bash scripts/setup.sh $(DEB_PACKAGES) clang
	@v=$$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n1); \
	  [ -n "$$v" ] || { echo "setup: cannot read clang's version" >&2; exit 1; }; \
	  bash scripts/setup.sh libclang-rt-$$v-dev

# configure BUILD_DIR [extra cmake arguments]: quiet unless it fails.
define configure
	@mkdir -p $(1) && $(CMAKE_GEN) -B $(1) $(2) >$(1)/configure.log 2>&1 \
	  || { cat $(1)/configure.log; exit 1; }
endef

configure: setup-test
	$(call configure,$(BUILD),-DCMAKE_BUILD_TYPE=Release -DNUMC_BUILD_TESTS=ON -DNUMC_BUILD_BENCH=ON)

build: configure
	cmake --build $(BUILD) -j$(JOBS)

# The demo builds the libraries, nplot and the examples only (no CUnit, no clang).
demo: setup
	$(call configure,$(BUILD),-DCMAKE_BUILD_TYPE=Release -DNUMC_BUILD_TESTS=OFF -DNUMC_BUILD_BENCH=OFF)
	cmake --build $(BUILD) -j$(JOBS)
	@bash scripts/demo.sh $(BUILD) $(OUT)

test: test-release test-asan test-clang test-tsan test-valgrind

test-release: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure

test-asan: setup-test
	$(call configure,$(ASAN_BUILD),-DCMAKE_BUILD_TYPE=Debug -DNUMC_SANITIZE=ON -DNUMC_BUILD_BENCH=OFF)
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ctest -j$(JOBS) --output-on-failure

# The second compiler: clang, Release, the same suites (no benchmark harness).
test-clang: setup-test
	$(call configure,$(CLANG_BUILD),-DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Release -DNUMC_BUILD_BENCH=OFF)
	cmake --build $(CLANG_BUILD) -j$(JOBS)
	cd $(CLANG_BUILD) && ctest -j$(JOBS) --output-on-failure

# ThreadSanitizer (Debug, no target_clones) over the suites that start threads; the
# suppressions for third-party thread pools are in tests/tsan.supp (CMake passes them).
test-tsan tsan: setup-test
	$(call configure,$(TSAN_BUILD),-DCMAKE_BUILD_TYPE=Debug -DNUMC_TSAN=ON -DNUMC_BUILD_BENCH=OFF -DNUMC_BUILD_EXAMPLES=OFF)
	cmake --build $(TSAN_BUILD) -j$(JOBS)
	cd $(TSAN_BUILD) && ctest -j$(JOBS) --output-on-failure -R '$(TSAN_TESTS)'

# Valgrind's memcheck over the Release build's suites: any invalid read or write, use of
# an uninitialised value or definite leak fails (third-party suppressions: tests/valgrind.supp).
# Valgrind 3.19 stops with SIGILL at libhwy's start-up on CPUs where its decoder lacks
# RDTSCP although the guest CPUID reports it (seen on AMD EPYC Zen 4/5): there the suites
# run from $(VALGRIND_BUILD), the same sources built without Highway (NUMC_HWY=OFF). The
# probe is an empty program linked with libhwy: numc itself loads Highway only at its first
# large sort, so no numc program shows the failure before a sorting suite does.
test-valgrind valgrind: setup-valgrind build
	@vb=$(BUILD); mkdir -p $(VALGRIND_BUILD); \
	printf 'int main(void) { return 0; }\n' > $(VALGRIND_BUILD)/hwy-probe.c; \
	if $(CC) $(VALGRIND_BUILD)/hwy-probe.c -o $(VALGRIND_BUILD)/hwy-probe -Wl,--no-as-needed -lhwy 2>/dev/null \
	  && ! valgrind -q $(VALGRIND_BUILD)/hwy-probe >/dev/null 2>&1; then \
	  echo "valgrind cannot start a program linked with libhwy on this CPU: the valgrind suites use $(VALGRIND_BUILD) (NUMC_HWY=OFF)"; \
	  mkdir -p $(VALGRIND_BUILD) && $(CMAKE_GEN) -B $(VALGRIND_BUILD) -DCMAKE_BUILD_TYPE=Release -DNUMC_HWY=OFF \
	    -DNUMC_BUILD_BENCH=OFF -DNUMC_BUILD_EXAMPLES=OFF -DNUMC_PYTHON=OFF >$(VALGRIND_BUILD)/configure.log 2>&1 \
	    || { cat $(VALGRIND_BUILD)/configure.log; exit 1; }; \
	  cmake --build $(VALGRIND_BUILD) -j$(JOBS) --target $(VALGRIND_TESTS) || exit 1; \
	  vb=$(VALGRIND_BUILD); \
	fi; \
	for t in $(VALGRIND_TESTS); do \
	  echo "valgrind $$t"; \
	  (cd $$vb && $(VALGRIND) ./$$t >valgrind-$$t.log 2>&1) \
	    || { cat $$vb/valgrind-$$t.log; echo "valgrind: $$t failed" >&2; exit 1; }; \
	done

bench: setup-bench setup-test build
	@mkdir -p $(OUT)
	$(PYTHON) bench/peer.py --numc $(BUILD)/bench/numc_bench --csv $(OUT)/bench.csv $(BENCH_ARGS)

# libnumc_mpi's strong and weak scaling for 1 -> 2 ranks (add, sum, matmul 4000, fft2 4096^2,
# sort 100M, .npy write/read 1 GiB): the table goes to $(OUT)/bench-mpi.md. BENCH_MPI_ARGS
# passes --scale / --reps / --only to mpi/bench/run.py.
bench-mpi: setup
	$(call configure,$(BUILD),-DCMAKE_BUILD_TYPE=Release -DNUMC_BUILD_MPI_BENCH=ON)
	cmake --build $(BUILD) -j$(JOBS) --target mpi_bench
	$(PYTHON) mpi/bench/run.py $(BUILD) $(OUT) $(BENCH_MPI_ARGS)

# libFuzzer targets (CSV reader, .npy header, .npz reader) under ASan+UBSan, built with clang.
fuzz: setup-fuzz
	FUZZ_BUILD=$(CURDIR)/build-fuzz bash fuzz/run.sh $(FUZZ_SECONDS)

install: setup
	$(call configure,$(BUILD),-DCMAKE_BUILD_TYPE=Release -DNUMC_BUILD_TESTS=OFF -DNUMC_BUILD_BENCH=OFF)
	cmake --build $(BUILD) -j$(JOBS)
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(CLANG_BUILD) $(TSAN_BUILD) $(VALGRIND_BUILD) build-fuzz $(OUT)
