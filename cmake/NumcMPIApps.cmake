# The MPI example as a test (included by NumcMPI.cmake): mpi_heat at a small size under
# mpirun -np 1 and -np 2, each checking that its field equals the single-process run bit
# for bit (--check).
if(TARGET example_mpi_heat)
  file(MAKE_DIRECTORY ${NUMC_BINARY_DIR}/examples-out)
  foreach(np 1 2)
    add_test(NAME example_mpi_heat_np${np}
      COMMAND ${NUMC_MPIEXEC} --oversubscribe --allow-run-as-root -np ${np} $<TARGET_FILE:example_mpi_heat>
              61 150 --check --out mpi_heat_test_np${np}
      WORKING_DIRECTORY ${NUMC_BINARY_DIR}/examples-out)
    set_tests_properties(example_mpi_heat_np${np} PROPERTIES TIMEOUT 300 LABELS "mpi;example"
      ENVIRONMENT "${NUMC_MPI_ENV};${NUMC_MPI_SANITIZE_ENV}")
  endforeach()
endif()
