# Every tests/test_*.c is one CUnit executable registered with ctest; every
# tests/test_*.sh is a script test run with bash. Both run in the build directory.
pkg_check_modules(CUNIT REQUIRED IMPORTED_TARGET cunit)

set(NUMC_TEST_TIMEOUT 900 CACHE STRING "Seconds before ctest kills one test")

# White-box suites call internal functions (number parser, thread pool, vector-math
# levels, scalar load/store): they link the static archive of the module objects.
set(NUMC_WHITEBOX_TESTS test_dtype test_io_numparse test_parallel test_ufunc_accuracy)
# test_ulp_f64 caps the vector-math level to test each instruction set's kernels.
list(APPEND NUMC_WHITEBOX_TESTS test_ulp_f64)
# The number parser against strtod, and the CSV reader's parallel pass against its serial one.
list(APPEND NUMC_WHITEBOX_TESTS test_fastfloat test_csv_chunks)
# BLAS / LAPACKE / FFTW loaded on first use, and a missing one (core/array/lazylib.c).
list(APPEND NUMC_WHITEBOX_TESTS test_lazylib)

file(GLOB NUMC_TESTS CONFIGURE_DEPENDS ${NUMC_SOURCE_DIR}/tests/test_*.c)
# MPI programs run under mpirun (cmake/NumcMPI.cmake), only when libnumc_mpi is built.
list(FILTER NUMC_TESTS EXCLUDE REGEX "/test_mpi_[^/]*\\.c$")
if(TARGET numc_mpi)
  include(NumcMPI)
endif()
foreach(src ${NUMC_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  if(name IN_LIST NUMC_WHITEBOX_TESTS)
    target_link_libraries(${name} PRIVATE numc_whitebox PkgConfig::CUNIT)
  elseif(name STREQUAL "test_plot_mathtext" OR name STREQUAL "test_plot_bars_more"
         OR name STREQUAL "test_plot_annot2" OR name STREQUAL "test_plot_wrong_today"
         OR name STREQUAL "test_plot_axesmore"
         OR name STREQUAL "test_plot_imgcol")
    target_link_libraries(${name} PRIVATE numc_plot_whitebox PkgConfig::CUNIT)
  elseif(name MATCHES "^test_nplot_")
    target_link_libraries(${name} PRIVATE nplot_cli ${NUMC_ALL_LIBS} PkgConfig::CUNIT)
  else()
    target_link_libraries(${name} PRIVATE ${NUMC_ALL_LIBS} PkgConfig::CUNIT)
  endif()
  target_compile_options(${name} PRIVATE ${NUMC_WARN})
  target_compile_definitions(${name} PRIVATE
    NUMC_TEST_DATA="${NUMC_SOURCE_DIR}/tests/data"
    NUMC_SHARED_DATA="${NUMC_SHARED_DATA_DIR}")
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${NUMC_BINARY_DIR})
  set_tests_properties(${name} PROPERTIES TIMEOUT ${NUMC_TEST_TIMEOUT})
  if(NUMC_SANITIZE_ENV)
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${NUMC_SANITIZE_ENV}")
  endif()
endforeach()
# test_sort_simd checks that a sort loads Highway's vqsort (libnumc loads it on first use).
if(NUMC_HWY AND TARGET test_sort_simd)
  target_compile_definitions(test_sort_simd PRIVATE NUMC_TEST_HWY_SONAME="${NUMC_HWY_CONTRIB_SONAME}")
endif()
# test_plot_savefig decodes the JPEGs savefig writes with libjpeg (as libnumc_plot links it).
if(TARGET test_plot_savefig)
  pkg_check_modules(NUMC_TEST_JPEG REQUIRED IMPORTED_TARGET libjpeg)
  target_link_libraries(test_plot_savefig PRIVATE PkgConfig::NUMC_TEST_JPEG)
endif()
# The sanitizer build checks the accuracy suite's code paths, not its statistics: a quarter
# of the 2M random inputs per function (the Release and clang builds run them all).
if(NUMC_SANITIZE_ENV)
  set_property(TEST test_ulp_f64 APPEND PROPERTY ENVIRONMENT "NUMC_ULP_N=524288")
endif()

# Script tests get the layout through the environment:
#   NUMC_SOURCE_DIR, NUMC_BUILD_DIR, NUMC_SHARED_DATA, NUMC_SANITIZE_FLAGS (compiler flags
#   a test must add to programs it builds against this tree), NPLOT (when built).
string(REPLACE ";" " " _numc_san_flags "${NUMC_SANITIZE_FLAGS}")
set(_numc_script_env
  NUMC_SOURCE_DIR=${NUMC_SOURCE_DIR}
  NUMC_BUILD_DIR=${NUMC_BINARY_DIR}
  NUMC_SHARED_DATA=${NUMC_SHARED_DATA_DIR}
  "NUMC_SANITIZE_FLAGS=${_numc_san_flags}"
  NUMC_C_COMPILER=${CMAKE_C_COMPILER}
  ${NUMC_SANITIZE_ENV})
if(TARGET nplot)
  list(APPEND _numc_script_env NPLOT=$<TARGET_FILE:nplot>)
endif()
file(GLOB NUMC_SCRIPT_TESTS CONFIGURE_DEPENDS ${NUMC_SOURCE_DIR}/tests/test_*.sh)
foreach(script ${NUMC_SCRIPT_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME ${name}
    COMMAND ${CMAKE_COMMAND} -E env ${_numc_script_env} bash ${script}
    WORKING_DIRECTORY ${NUMC_BINARY_DIR})
  # Exit status 77: the script does not apply to this build (it says why).
  set_tests_properties(${name} PROPERTIES TIMEOUT ${NUMC_TEST_TIMEOUT} SKIP_RETURN_CODE 77)
endforeach()

# Must-not-compile tests (tests/compile_fail): each fail_*.c is a keyword-macro trap
# that must be a hard compile error with the message its "expect:" line names; each
# ok_*.c a positive control that must compile with -Wall -Wextra -Wpedantic -Werror.
# Run with the project's C compiler and with gcc and clang when they are installed.
set(_numc_cf_compilers ${CMAKE_C_COMPILER})
find_program(NUMC_GCC_FOR_TESTS gcc)
find_program(NUMC_CLANG_FOR_TESTS clang)
foreach(cc ${NUMC_GCC_FOR_TESTS} ${NUMC_CLANG_FOR_TESTS})
  if(cc)
    list(APPEND _numc_cf_compilers ${cc})
  endif()
endforeach()
list(REMOVE_DUPLICATES _numc_cf_compilers)
file(GLOB NUMC_COMPILE_FAIL_SOURCES CONFIGURE_DEPENDS ${NUMC_SOURCE_DIR}/tests/compile_fail/*.c)
foreach(cc ${_numc_cf_compilers})
  get_filename_component(ccname ${cc} NAME)
  foreach(src ${NUMC_COMPILE_FAIL_SOURCES})
    get_filename_component(name ${src} NAME_WE)
    add_test(NAME compile_fail_${name}_${ccname}
      COMMAND bash ${NUMC_SOURCE_DIR}/tests/compile_fail/check.sh ${cc} ${src}
              ${NUMC_SOURCE_DIR}/include)
    set_tests_properties(compile_fail_${name}_${ccname} PROPERTIES LABELS compile_fail)
  endforeach()
endforeach()
