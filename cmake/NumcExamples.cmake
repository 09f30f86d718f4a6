# examples/*.c: one executable each (build/examples/<name>). Each is also a ctest test
# run in build/examples-out/ so that examples stay correct and sanitizer-clean; `make
# demo` runs them again with out/ as the working directory.
file(GLOB NUMC_EXAMPLES CONFIGURE_DEPENDS ${NUMC_SOURCE_DIR}/examples/*.c)
set(_numc_example_files "")
file(MAKE_DIRECTORY ${NUMC_BINARY_DIR}/examples-out)
foreach(src ${NUMC_EXAMPLES})
  get_filename_component(name ${src} NAME_WE)
  set(tgt example_${name})
  add_executable(${tgt} ${src})
  set_target_properties(${tgt} PROPERTIES OUTPUT_NAME ${name}
    RUNTIME_OUTPUT_DIRECTORY ${NUMC_BINARY_DIR}/examples)
  target_link_libraries(${tgt} PRIVATE ${NUMC_ALL_LIBS})
  target_compile_options(${tgt} PRIVATE ${NUMC_WARN})
  target_compile_definitions(${tgt} PRIVATE NUMC_SHARED_DATA="${NUMC_SHARED_DATA_DIR}")
  string(APPEND _numc_example_files "$<TARGET_FILE:${tgt}>\n")
  if(NUMC_BUILD_TESTS)
    add_test(NAME ${tgt} COMMAND ${tgt}
      WORKING_DIRECTORY ${NUMC_BINARY_DIR}/examples-out)
    set_tests_properties(${tgt} PROPERTIES LABELS example TIMEOUT 300)
    if(NUMC_SANITIZE_ENV)
      set_tests_properties(${tgt} PROPERTIES ENVIRONMENT "${NUMC_SANITIZE_ENV}")
    endif()
  endif()
endforeach()
# The list `make demo` runs (one path per line).
file(GENERATE OUTPUT ${NUMC_BINARY_DIR}/examples.txt CONTENT "${_numc_example_files}")
