# The MPI test programs (tests/test_mpi_*.c, when libnumc_mpi is built): each runs under
# `mpirun --oversubscribe --allow-run-as-root -np N` for N = 1, 2, 3, 4, one ctest entry
# per N (test_mpi_<name>_np<N>). Included by NumcTests.cmake, which leaves these files out
# of the plain one-program-per-file registration.
# FindMPI's imported targets are local to the directory that found them (mpi/).
find_package(MPI COMPONENTS C QUIET REQUIRED)
pkg_check_modules(NUMC_SCALAPACK QUIET REQUIRED IMPORTED_TARGET scalapack-openmpi)
set(NUMC_MPI_NPROCS 1 2 3 4 CACHE STRING "Rank counts every MPI test runs with")
# Open MPI on a loopback-only machine: shared memory and TCP over lo, no hwloc binding
# (oversubscribed), quiet about the missing high-speed networks.
set(NUMC_MPI_ENV
  OMPI_MCA_btl=self,vader,tcp
  OMPI_MCA_btl_tcp_if_include=lo
  OMPI_MCA_oob_tcp_if_include=lo
  OMPI_MCA_pml=ob1
  OMPI_MCA_hwloc_base_binding_policy=none
  OMPI_MCA_rmaps_base_oversubscribe=1
  OMPI_MCA_btl_vader_single_copy_mechanism=none
  OMPI_MCA_mpi_yield_when_idle=1
  OMPI_MCA_mca_base_component_disable_dlclose=1
  OMPI_ALLOW_RUN_AS_ROOT=1
  OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1)
# Under ASan, Open MPI's libraries have no frame pointers: full unwinding lets the
# suppressions of tests/lsan.supp (MPI_Init / MPI_Finalize state) see whose memory it is.
set(NUMC_MPI_SANITIZE_ENV ${NUMC_SANITIZE_ENV})
list(TRANSFORM NUMC_MPI_SANITIZE_ENV REPLACE "^ASAN_OPTIONS=(.*)$" "ASAN_OPTIONS=\\1:fast_unwind_on_malloc=0")
file(GLOB NUMC_MPI_TESTS CONFIGURE_DEPENDS ${NUMC_SOURCE_DIR}/tests/test_mpi_*.c)
foreach(src ${NUMC_MPI_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  # test_mpi_wb_*: white-box suites, on the static archive of the module's objects.
  if(name MATCHES "^test_mpi_wb_")
    target_link_libraries(${name} PRIVATE numc_mpi_whitebox ${NUMC_ALL_LIBS} MPI::MPI_C PkgConfig::CUNIT)
  else()
    target_link_libraries(${name} PRIVATE numc_mpi ${NUMC_ALL_LIBS} MPI::MPI_C PkgConfig::CUNIT)
  endif()
  target_compile_options(${name} PRIVATE ${NUMC_WARN})
  target_compile_definitions(${name} PRIVATE NUMC_TEST_DATA="${NUMC_SOURCE_DIR}/tests/data")
  foreach(np ${NUMC_MPI_NPROCS})
    add_test(NAME ${name}_np${np}
      COMMAND ${NUMC_MPIEXEC} --oversubscribe --allow-run-as-root -np ${np} $<TARGET_FILE:${name}>
      WORKING_DIRECTORY ${NUMC_BINARY_DIR})
    set_tests_properties(${name}_np${np} PROPERTIES TIMEOUT 300 LABELS mpi
      ENVIRONMENT "${NUMC_MPI_ENV};${NUMC_MPI_SANITIZE_ENV}")
  endforeach()
endforeach()
include(NumcMPIApps)
