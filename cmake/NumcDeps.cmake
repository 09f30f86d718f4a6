# Third-party libraries of libnumc, found through pkg-config (Debian ships a .pc for each).
# Each becomes an imported target PkgConfig::NUMC_<NAME>; the ones libnumc links are
# NUMC_PRIVATE_DEPS. They are PRIVATE to libnumc: no public header includes them.
#
# BLAS, LAPACKE and FFTW are not linked: libnumc opens them with dlopen on the first call
# that needs them (core/array/lazylib.c), because loading them -- with libgfortran behind
# LAPACK -- cost every process ~12 ms before main. Only their headers are used at build
# time (NUMC_LAZY_INCLUDE_DIRS); their sonames, read here from the files pkg-config
# points at, become compile definitions (NUMC_LAZY_DEFS). NUMC_LAZY_LIBS links them for
# the benchmarks, which call cblas / FFTW directly to compare.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

# BLAS: prefer OpenBLAS's own .pc (its include dir holds cblas.h); fall back to the
# generic names other distributions use.
pkg_search_module(NUMC_BLAS REQUIRED IMPORTED_TARGET openblas cblas blas)
pkg_check_modules(NUMC_LAPACKE REQUIRED IMPORTED_TARGET lapacke)
pkg_check_modules(NUMC_FFTW3 REQUIRED IMPORTED_TARGET fftw3)
pkg_check_modules(NUMC_FFTW3F REQUIRED IMPORTED_TARGET fftw3f)
pkg_check_modules(NUMC_ZLIB REQUIRED IMPORTED_TARGET zlib)
# qhull's reentrant library (Debian libqhull-dev: libqhull_r.so, <libqhull_r/libqhull_r.h>),
# the Delaunay triangulator matplotlib uses. Only libnumc_plot links it (plot/CMakeLists.txt).
pkg_check_modules(NUMC_QHULL REQUIRED IMPORTED_TARGET qhull_r)

# dlopen / dlsym (libdl, part of libc since glibc 2.34).
set(NUMC_PRIVATE_DEPS PkgConfig::NUMC_ZLIB ${CMAKE_DL_LIBS})
# pkg-config module names, for Requires.private in numc.pc.
set(NUMC_PC_REQUIRES_PRIVATE "zlib")
set(NUMC_PC_LIBS_PRIVATE "")
if(CMAKE_DL_LIBS)
  set(NUMC_PC_LIBS_PRIVATE "-l${CMAKE_DL_LIBS}")
endif()

# The soname (DT_SONAME) of the shared library `name` in the directories `hints`: what
# dlopen must ask for, the name the linker would have recorded in DT_NEEDED. Read with
# objdump -p; else taken from the file's real name (libfftw3.so.3.6.10 -> libfftw3.so.3).
find_program(NUMC_OBJDUMP NAMES ${CMAKE_OBJDUMP} objdump)
function(numc_soname out name)
  find_library(NUMC_SONAME_FILE_${name} NAMES ${name} HINTS ${ARGN})
  set(lib ${NUMC_SONAME_FILE_${name}})
  if(NOT lib)
    message(FATAL_ERROR "numc: cannot find the shared library of ${name} (hints: ${ARGN})")
  endif()
  file(REAL_PATH ${lib} real)
  set(soname "")
  if(NUMC_OBJDUMP)
    execute_process(COMMAND ${NUMC_OBJDUMP} -p ${real} OUTPUT_VARIABLE dump ERROR_QUIET
      RESULT_VARIABLE rc)
    if(rc EQUAL 0 AND dump MATCHES "SONAME +([^ \t\r\n]+)")
      set(soname ${CMAKE_MATCH_1})
    endif()
  endif()
  if(NOT soname)
    get_filename_component(base ${real} NAME)
    if(base MATCHES "^(.*\\.so\\.[0-9]+)")
      set(soname ${CMAKE_MATCH_1})
    else()
      message(FATAL_ERROR "numc: cannot tell the soname of ${real} (no objdump, unversioned name)")
    endif()
  endif()
  set(${out} ${soname} PARENT_SCOPE)
endfunction()

# The BLAS library is the first -l of its .pc (openblas, cblas or blas).
list(GET NUMC_BLAS_LIBRARIES 0 _numc_blas_name)
numc_soname(NUMC_BLAS_SONAME ${_numc_blas_name} ${NUMC_BLAS_LIBRARY_DIRS})
numc_soname(NUMC_LAPACKE_SONAME lapacke ${NUMC_LAPACKE_LIBRARY_DIRS})
numc_soname(NUMC_FFTW3_SONAME fftw3 ${NUMC_FFTW3_LIBRARY_DIRS})
numc_soname(NUMC_FFTW3F_SONAME fftw3f ${NUMC_FFTW3F_LIBRARY_DIRS})
set(NUMC_LAZY_DEFS
  NUMC_BLAS_SONAME="${NUMC_BLAS_SONAME}" NUMC_LAPACKE_SONAME="${NUMC_LAPACKE_SONAME}"
  NUMC_FFTW3_SONAME="${NUMC_FFTW3_SONAME}" NUMC_FFTW3F_SONAME="${NUMC_FFTW3F_SONAME}")
set(NUMC_LAZY_INCLUDE_DIRS ${NUMC_BLAS_INCLUDE_DIRS} ${NUMC_LAPACKE_INCLUDE_DIRS}
  ${NUMC_FFTW3_INCLUDE_DIRS} ${NUMC_FFTW3F_INCLUDE_DIRS})
set(NUMC_LAZY_LIBS PkgConfig::NUMC_BLAS PkgConfig::NUMC_LAPACKE
  PkgConfig::NUMC_FFTW3 PkgConfig::NUMC_FFTW3F)

# FFTW's threaded planners live in separate libraries that have no .pc of their own.
find_library(NUMC_FFTW3_THREADS_LIB fftw3_threads HINTS ${NUMC_FFTW3_LIBRARY_DIRS})
find_library(NUMC_FFTW3F_THREADS_LIB fftw3f_threads HINTS ${NUMC_FFTW3F_LIBRARY_DIRS})
if(NUMC_FFTW3_THREADS_LIB AND NUMC_FFTW3F_THREADS_LIB)
  set(NUMC_HAVE_FFTW_THREADS ON)
  numc_soname(NUMC_FFTW3_THREADS_SONAME fftw3_threads ${NUMC_FFTW3_LIBRARY_DIRS})
  numc_soname(NUMC_FFTW3F_THREADS_SONAME fftw3f_threads ${NUMC_FFTW3F_LIBRARY_DIRS})
  list(APPEND NUMC_LAZY_DEFS NUMC_FFTW3_THREADS_SONAME="${NUMC_FFTW3_THREADS_SONAME}"
    NUMC_FFTW3F_THREADS_SONAME="${NUMC_FFTW3F_THREADS_SONAME}")
  list(APPEND NUMC_LAZY_LIBS ${NUMC_FFTW3_THREADS_LIB} ${NUMC_FFTW3F_THREADS_LIB})
else()
  set(NUMC_HAVE_FFTW_THREADS OFF)
endif()
message(STATUS "numc: loaded on first use: ${NUMC_BLAS_SONAME} ${NUMC_LAPACKE_SONAME} "
  "${NUMC_FFTW3_SONAME} ${NUMC_FFTW3F_SONAME} ${NUMC_FFTW3_THREADS_SONAME} ${NUMC_FFTW3F_THREADS_SONAME}")

# OpenMP for the kernels that split large operations across threads.
if(NUMC_OPENMP)
  find_package(OpenMP COMPONENTS C)
  if(OpenMP_C_FOUND)
    list(APPEND NUMC_PRIVATE_DEPS OpenMP::OpenMP_C)
    string(APPEND NUMC_PC_LIBS_PRIVATE " ${OpenMP_C_FLAGS}")
  else()
    set(NUMC_OPENMP OFF)
  endif()
endif()

# SLEEF (Debian libsleef-dev): 1-ULP vector transcendentals behind the float ufunc loops
# (core/ufunc/loops_vmath.c, vmath_sleef*.c). Optional: without it (or with
# -DNUMC_SLEEF=OFF) those loops use glibc's libmvec (4 ULP) as before. Found by its .pc,
# else by its header and library.
option(NUMC_SLEEF "Use SLEEF's 1-ULP vector math for the float transcendental loops" ON)
set(NUMC_HAVE_SLEEF OFF)
if(NUMC_SLEEF AND CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  pkg_check_modules(NUMC_SLEEF_PC QUIET IMPORTED_TARGET sleef)
  if(NUMC_SLEEF_PC_FOUND)
    set(NUMC_HAVE_SLEEF ON)
    list(APPEND NUMC_PRIVATE_DEPS PkgConfig::NUMC_SLEEF_PC)
    string(APPEND NUMC_PC_REQUIRES_PRIVATE " sleef")
  else()
    find_path(NUMC_SLEEF_INCLUDE_DIR sleef.h)
    find_library(NUMC_SLEEF_LIB sleef)
    if(NUMC_SLEEF_INCLUDE_DIR AND NUMC_SLEEF_LIB)
      set(NUMC_HAVE_SLEEF ON)
      add_library(numc_sleef INTERFACE IMPORTED)
      set_target_properties(numc_sleef PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES ${NUMC_SLEEF_INCLUDE_DIR}
        INTERFACE_LINK_LIBRARIES ${NUMC_SLEEF_LIB})
      list(APPEND NUMC_PRIVATE_DEPS numc_sleef)
      string(APPEND NUMC_PC_LIBS_PRIVATE " -lsleef")
    endif()
  endif()
endif()
message(STATUS "numc: SLEEF vector math: ${NUMC_HAVE_SLEEF}")

# Highway's vqsort (Debian libhwy-dev, what NumPy 2 sorts with on several platforms): the
# default-kind sort and the argsort of 16/32/64-bit integers and floats (core/sort/
# sort_simd.c). Optional: on when pkg-config finds libhwy-contrib. Highway is C++, so the
# CXX language is enabled only then, for one glue file (core/sort/vqsort_glue.cc) that
# uses no exceptions, RTTI or libstdc++: libnumc still links as C.
pkg_check_modules(NUMC_HWY_PC QUIET IMPORTED_TARGET libhwy-contrib)
if(NUMC_HWY_PC_FOUND)
  option(NUMC_HWY "Sort with Highway's vqsort (libhwy-contrib)" ON)
else()
  option(NUMC_HWY "Sort with Highway's vqsort (libhwy-contrib)" OFF)
  if(NUMC_HWY)
    message(FATAL_ERROR "numc: NUMC_HWY=ON but pkg-config finds no libhwy-contrib (Debian: libhwy-dev)")
  endif()
  message(STATUS "numc: libhwy-contrib (Debian libhwy-dev) not found: sorting without vqsort (NUMC_HWY=OFF)")
endif()
if(NUMC_HWY)
  # The C++ compiler of the C compiler's family (clang -> clang++), unless one was chosen.
  if(NOT CMAKE_CXX_COMPILER AND NOT DEFINED ENV{CXX} AND CMAKE_C_COMPILER_ID STREQUAL "Clang")
    get_filename_component(_numc_cc_dir ${CMAKE_C_COMPILER} DIRECTORY)
    find_program(_numc_clangxx NAMES clang++ HINTS ${_numc_cc_dir} NO_CACHE)
    if(_numc_clangxx)
      set(CMAKE_CXX_COMPILER ${_numc_clangxx})
    endif()
  endif()
  enable_language(CXX)
  # Headers only: libnumc loads libhwy_contrib on its first vectorised sort (dlopen), so
  # that libhwy's constructor (a timer calibration, ~3-5 ms) is not paid by every process
  # (core/sort/vqsort_glue.cc). The run-time name is the library's soname.
  set(NUMC_HWY_CONTRIB_SONAME "libhwy_contrib.so.1")
  find_library(_numc_hwy_contrib_lib hwy_contrib HINTS ${NUMC_HWY_PC_LIBRARY_DIRS} NO_CACHE)
  if(_numc_hwy_contrib_lib)
    file(REAL_PATH ${_numc_hwy_contrib_lib} _numc_hwy_real)
    get_filename_component(_numc_hwy_real ${_numc_hwy_real} NAME)
    if(_numc_hwy_real MATCHES "^(.*\\.so\\.[0-9]+)")
      set(NUMC_HWY_CONTRIB_SONAME ${CMAKE_MATCH_1})
    endif()
  endif()
endif()
message(STATUS "numc: Highway vqsort: ${NUMC_HWY}")
