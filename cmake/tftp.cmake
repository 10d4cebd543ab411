# TFTP: packet codec and client in netpoke_core, `netpoke-cli tftp`, and their tests.
# Included from the top CMakeLists.txt after the targets and netpoke_add_test() exist.

target_sources(netpoke_core PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp/tftppacket.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp/tftppacket.h
  ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp/tftpclient.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp/tftpclient.h
)
target_sources(netpoke-cli PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpcommand.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpcommand.h
)
target_include_directories(netpoke-cli PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp)

netpoke_add_test(tst_tftppacket SOURCES tests/unit/tst_tftppacket.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftpclient SOURCES tests/integration/tst_tftpclient.cpp LIBS netpoke_core)
set_tests_properties(tst_tftpclient PROPERTIES TIMEOUT 120)

netpoke_add_test(tst_tftpcli SOURCES tests/integration/tst_tftpcli.cpp LIBS netpoke_core)
add_dependencies(tst_tftpcli netpoke-cli)
set_tests_properties(tst_tftpcli PROPERTIES TIMEOUT 120)

# --- tftpd-hpa for the interoperability test -----------------------------------------------------
# Installing the Debian package would start a system daemon on port 69, so the test runs in.tftpd from
# the package unpacked into the build tree (apt-get download + dpkg -x). Its library (libwrap0) is an
# ordinary package in scripts/setup.sh. An in.tftpd already on the machine is used as it is.
set(NETPOKE_TFTPD_ROOT ${CMAKE_BINARY_DIR}/tftpd-hpa)
find_program(NETPOKE_IN_TFTPD in.tftpd PATHS /usr/sbin /sbin ${NETPOKE_TFTPD_ROOT}/root/usr/sbin NO_CACHE)
if(NOT NETPOKE_IN_TFTPD)
  find_program(NETPOKE_APT_GET apt-get)
  find_program(NETPOKE_DPKG dpkg)
  if(NETPOKE_APT_GET AND NETPOKE_DPKG)
    file(MAKE_DIRECTORY ${NETPOKE_TFTPD_ROOT})
    message(STATUS "Unpacking tftpd-hpa into ${NETPOKE_TFTPD_ROOT} for the interoperability test")
    execute_process(COMMAND ${NETPOKE_APT_GET} download tftpd-hpa
                    WORKING_DIRECTORY ${NETPOKE_TFTPD_ROOT} RESULT_VARIABLE _dl OUTPUT_QUIET ERROR_QUIET TIMEOUT 120)
    if(NOT _dl EQUAL 0)
      # Package lists may be missing on a fresh machine: refresh them once (as root only).
      execute_process(COMMAND id -u OUTPUT_VARIABLE _uid OUTPUT_STRIP_TRAILING_WHITESPACE)
      if(_uid STREQUAL "0")
        execute_process(COMMAND ${NETPOKE_APT_GET} update -qq OUTPUT_QUIET ERROR_QUIET TIMEOUT 300)
        execute_process(COMMAND ${NETPOKE_APT_GET} download tftpd-hpa
                        WORKING_DIRECTORY ${NETPOKE_TFTPD_ROOT} RESULT_VARIABLE _dl OUTPUT_QUIET ERROR_QUIET TIMEOUT 120)
      endif()
    endif()
    file(GLOB _debs ${NETPOKE_TFTPD_ROOT}/tftpd-hpa_*.deb)
    if(_debs)
      list(GET _debs 0 _deb)
      execute_process(COMMAND ${NETPOKE_DPKG} -x ${_deb} ${NETPOKE_TFTPD_ROOT}/root RESULT_VARIABLE _x)
    endif()
  endif()
  find_program(NETPOKE_IN_TFTPD in.tftpd PATHS ${NETPOKE_TFTPD_ROOT}/root/usr/sbin NO_DEFAULT_PATH NO_CACHE)
endif()
if(NETPOKE_IN_TFTPD)
  message(STATUS "tftpd-hpa for tst_tftpinterop: ${NETPOKE_IN_TFTPD}")
else()
  # The test is still registered: it fails and says what is missing rather than passing unseen.
  message(WARNING "in.tftpd (tftpd-hpa) not found and could not be unpacked: tst_tftpinterop will fail")
  set(NETPOKE_IN_TFTPD "")
endif()
netpoke_add_test(tst_tftpinterop SOURCES tests/integration/tst_tftpinterop.cpp LIBS netpoke_core)
target_compile_definitions(tst_tftpinterop PRIVATE NETPOKE_IN_TFTPD="${NETPOKE_IN_TFTPD}")
add_dependencies(tst_tftpinterop netpoke-cli)
set_tests_properties(tst_tftpinterop PROPERTIES TIMEOUT 120)

# --- fuzzing: a libFuzzer target for the packet parser --------------------------------------------
# Built with clang outside this build (the project compiler may be g++): scripts/fuzz.sh compiles
# tests/fuzz/fuzz_tftppacket.cpp + tftppacket.cpp with -fsanitize=fuzzer,address and runs it for 60 s.
find_program(NETPOKE_CLANGXX clang++)
if(NETPOKE_CLANGXX)
  add_custom_target(fuzz_tftppacket
    COMMAND ${CMAKE_COMMAND} -E env FUZZ_BUILD_DIR=${CMAKE_BINARY_DIR}/fuzz FUZZ_SECONDS=60
            ${CMAKE_CURRENT_SOURCE_DIR}/scripts/fuzz.sh
    USES_TERMINAL
    COMMENT "libFuzzer on the TFTP packet parser (60 s)")
endif()
