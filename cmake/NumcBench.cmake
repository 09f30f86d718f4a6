# bench/: one harness executable (build/bench/numc_bench) made of bench_main.c and every
# bench/wl_*.c, each of which registers its workloads itself (see bench/bench.h).
# bench_chart (bench/bench_chart.c) draws out/bench.csv as out/bench.png with numc::plot.
file(GLOB NUMC_BENCH_SOURCES CONFIGURE_DEPENDS
  ${NUMC_SOURCE_DIR}/bench/bench_main.c ${NUMC_SOURCE_DIR}/bench/wl_*.c)
add_executable(numc_bench ${NUMC_BENCH_SOURCES})
set_target_properties(numc_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${NUMC_BINARY_DIR}/bench)
target_include_directories(numc_bench PRIVATE ${NUMC_SOURCE_DIR}/bench)
find_package(Threads REQUIRED)
target_link_libraries(numc_bench PRIVATE ${NUMC_ALL_LIBS} ${NUMC_LAZY_LIBS} Threads::Threads)
target_compile_options(numc_bench PRIVATE ${NUMC_WARN})
target_compile_definitions(numc_bench PRIVATE _GNU_SOURCE
  NUMC_SHARED_DATA="${NUMC_SHARED_DATA_DIR}")
# The *_vs_vqsort rows (bench/wl_sort.c): Highway's vqsort called directly (one C++ file).
if(NUMC_HWY)
  target_sources(numc_bench PRIVATE ${NUMC_SOURCE_DIR}/bench/vqsort_direct.cc)
  target_link_libraries(numc_bench PRIVATE PkgConfig::NUMC_HWY_PC) # libnumc loads it lazily
  target_compile_definitions(numc_bench PRIVATE NUMC_BENCH_HWY=1)
  target_compile_options(numc_bench PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions -fno-rtti>)
  set_target_properties(numc_bench PROPERTIES LINKER_LANGUAGE C)
endif()
if(TARGET nplot)
  # Command-line workloads run the nplot of this build.
  target_compile_definitions(numc_bench PRIVATE NUMC_NPLOT="$<TARGET_FILE:nplot>")
  add_dependencies(numc_bench nplot)
endif()
if(TARGET numc_plot)
  add_executable(bench_chart ${NUMC_SOURCE_DIR}/bench/bench_chart.c)
  set_target_properties(bench_chart PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${NUMC_BINARY_DIR}/bench)
  target_link_libraries(bench_chart PRIVATE ${NUMC_ALL_LIBS})
  target_compile_options(bench_chart PRIVATE ${NUMC_WARN})
  add_dependencies(numc_bench bench_chart) # peer.py calls it after every run
endif()
if(NUMC_BUILD_TESTS)
  # Registration smoke test: every workload file links and registers unique names.
  add_test(NAME bench_list COMMAND numc_bench --list)
  if(NUMC_SANITIZE_ENV)
    set_tests_properties(bench_list PROPERTIES ENVIRONMENT "${NUMC_SANITIZE_ENV}")
  endif()
endif()
