# TFTP: packet codec, client and server in netpoke_core, `netpoke-cli tftp` (get, serve), and their tests.
# Included from the top CMakeLists.txt after the targets and netpoke_add_test() exist.

# The client is built from pieces a server reuses: options (negotiation, limits), the RTT estimator, the
# sink (QSaveFile, or in place for a device or FIFO; netascii, write-back), the window logic and the trace;
# tftpsocket is the client's thin layer over the shared datagram engine (src/core/net/), which alone talks to
# the kernel.
set(NETPOKE_TFTP_DIR ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp)
target_sources(netpoke_core PRIVATE
  ${NETPOKE_TFTP_DIR}/tftppacket.cpp ${NETPOKE_TFTP_DIR}/tftppacket.h
  ${NETPOKE_TFTP_DIR}/tftpoptions.cpp ${NETPOKE_TFTP_DIR}/tftpoptions.h
  ${NETPOKE_TFTP_DIR}/rttestimator.cpp ${NETPOKE_TFTP_DIR}/rttestimator.h
  ${NETPOKE_TFTP_DIR}/tftpsink.cpp ${NETPOKE_TFTP_DIR}/tftpsink.h
  ${NETPOKE_TFTP_DIR}/tftpsource.cpp ${NETPOKE_TFTP_DIR}/tftpsource.h
  ${NETPOKE_TFTP_DIR}/tftpwindow.cpp ${NETPOKE_TFTP_DIR}/tftpwindow.h
  ${NETPOKE_TFTP_DIR}/tftptrace.cpp ${NETPOKE_TFTP_DIR}/tftptrace.h
  ${NETPOKE_TFTP_DIR}/tftpsocket.cpp ${NETPOKE_TFTP_DIR}/tftpsocket.h
  ${NETPOKE_TFTP_DIR}/tftpclient.cpp ${NETPOKE_TFTP_DIR}/tftpclientreceive.cpp
  ${NETPOKE_TFTP_DIR}/tftpclientsend.cpp ${NETPOKE_TFTP_DIR}/tftpclient_p.h
  ${NETPOKE_TFTP_DIR}/tftpclient.h
  ${NETPOKE_TFTP_DIR}/tftprequest.cpp ${NETPOKE_TFTP_DIR}/tftprequest.h
  ${NETPOKE_TFTP_DIR}/tftproot.cpp ${NETPOKE_TFTP_DIR}/tftproot.h
  ${NETPOKE_TFTP_DIR}/tftpserver.cpp ${NETPOKE_TFTP_DIR}/tftpservertransfer.cpp ${NETPOKE_TFTP_DIR}/tftpserver_p.h
  ${NETPOKE_TFTP_DIR}/tftpserver.h
)
target_sources(netpoke-cli PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpcommand.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpcommand.h
  ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpputcommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftptransfer.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftptransfer.h
  ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpservecommand.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpservecommand.h
)
target_include_directories(netpoke-cli PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp)

netpoke_add_test(tst_tftppacket SOURCES tests/unit/tst_tftppacket.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftpoptions SOURCES tests/unit/tst_tftpoptions.cpp LIBS netpoke_core)
netpoke_add_test(tst_rttestimator SOURCES tests/unit/tst_rttestimator.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftpwindow SOURCES tests/unit/tst_tftpwindow.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftpsink SOURCES tests/unit/tst_tftpsink.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftpsource SOURCES tests/unit/tst_tftpsource.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftptrace SOURCES tests/unit/tst_tftptrace.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftprequest SOURCES tests/unit/tst_tftprequest.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftproot SOURCES tests/unit/tst_tftproot.cpp LIBS netpoke_core)
netpoke_add_test(tst_tftpclient SOURCES tests/integration/tst_tftpclient.cpp LIBS netpoke_core)
set_tests_properties(tst_tftpclient PROPERTIES TIMEOUT 120)
netpoke_add_test(tst_tftpput SOURCES tests/integration/tst_tftpput.cpp LIBS netpoke_core)
set_tests_properties(tst_tftpput PROPERTIES TIMEOUT 120)
# A full disk: the test's own 256 KiB tmpfs in a private mount namespace (unshare -rm works for root and,
# where user namespaces are allowed, for anyone); the mount point is a folder of the build tree.
if(UNSHARE_EXECUTABLE)
  set(NETPOKE_SMALL_FS_DIR ${CMAKE_CURRENT_BINARY_DIR}/smallfs)
  file(MAKE_DIRECTORY ${NETPOKE_SMALL_FS_DIR})
  add_test(NAME tst_tftpclient_diskfull
           COMMAND ${UNSHARE_EXECUTABLE} -rm sh -c "mount -t tmpfs -o size=256k tmpfs \"$1\" && NETPOKE_SMALL_FS=\"$1\" exec \"$0\" diskFullSaysSo"
                   $<TARGET_FILE:tst_tftpclient> ${NETPOKE_SMALL_FS_DIR})
  set_tests_properties(tst_tftpclient_diskfull PROPERTIES TIMEOUT 60 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endif()
netpoke_add_test(tst_tftpserver SOURCES tests/integration/tst_tftpserver.cpp LIBS netpoke_core)
set_tests_properties(tst_tftpserver PROPERTIES TIMEOUT 180)
netpoke_add_test(tst_tftpserverupload SOURCES tests/integration/tst_tftpserverupload.cpp LIBS netpoke_core)
set_tests_properties(tst_tftpserverupload PROPERTIES TIMEOUT 180)
netpoke_add_test(tst_tftpserverload SOURCES tests/integration/tst_tftpserverload.cpp LIBS netpoke_core)
set_tests_properties(tst_tftpserverload PROPERTIES TIMEOUT 300)

netpoke_add_test(tst_tftpcli SOURCES tests/integration/tst_tftpcli.cpp LIBS netpoke_core)
add_dependencies(tst_tftpcli netpoke-cli)
set_tests_properties(tst_tftpcli PROPERTIES TIMEOUT 120)
netpoke_add_test(tst_tftpserve SOURCES tests/integration/tst_tftpserve.cpp LIBS netpoke_core)
add_dependencies(tst_tftpserve netpoke-cli)
set_tests_properties(tst_tftpserve PROPERTIES TIMEOUT 120)

# --- tftpd-hpa for the interoperability test -----------------------------------------------------
# Installing the Debian package would start a system daemon on port 69, so scripts/setup.sh unpacks it
# into NETPOKE_PEERS_DIR (build/peers) before configuring; its library (libwrap0) is an ordinary package
# there. Configuring never downloads or installs anything. An in.tftpd already on the machine is used.
set(NETPOKE_PEERS_DIR ${CMAKE_BINARY_DIR}/peers CACHE PATH "Where scripts/setup.sh unpacks test peers")
find_program(NETPOKE_IN_TFTPD in.tftpd PATHS /usr/sbin /sbin ${NETPOKE_PEERS_DIR}/tftpd-hpa/root/usr/sbin
             ${CMAKE_BINARY_DIR}/peers/tftpd-hpa/root/usr/sbin NO_CACHE)
if(NETPOKE_IN_TFTPD)
  message(STATUS "tftpd-hpa for tst_tftpinterop: ${NETPOKE_IN_TFTPD}")
else()
  # The test is still registered: it fails and says what is missing rather than passing unseen.
  message(WARNING "in.tftpd (tftpd-hpa) not found (scripts/setup.sh unpacks it): tst_tftpinterop will fail")
  set(NETPOKE_IN_TFTPD "")
endif()
# atftpd (RFC 7440 windowsize, which tftpd-hpa lacks) the same way, for the windowed send and receive sides.
find_program(NETPOKE_ATFTPD atftpd PATHS /usr/sbin /sbin ${NETPOKE_PEERS_DIR}/atftpd/root/usr/sbin
             ${CMAKE_BINARY_DIR}/peers/atftpd/root/usr/sbin NO_CACHE)
if(NETPOKE_ATFTPD)
  message(STATUS "atftpd for tst_tftpinterop: ${NETPOKE_ATFTPD}")
else()
  message(WARNING "atftpd not found (scripts/setup.sh unpacks it): tst_tftpinterop's atftpd cases will fail")
  set(NETPOKE_ATFTPD "")
endif()
netpoke_add_test(tst_tftpinterop SOURCES tests/integration/tst_tftpinterop.cpp LIBS netpoke_core)
target_compile_definitions(tst_tftpinterop PRIVATE NETPOKE_IN_TFTPD="${NETPOKE_IN_TFTPD}" NETPOKE_ATFTPD="${NETPOKE_ATFTPD}")
add_dependencies(tst_tftpinterop netpoke-cli)
set_tests_properties(tst_tftpinterop PROPERTIES TIMEOUT 120)
# The other way round: real clients (tftp-hpa's tftp, curl, atftp, busybox; Debian packages that scripts/setup.sh
# installs, client programs only) against our server. A missing client fails its rows and says so.
netpoke_add_test(tst_tftpserverinterop SOURCES tests/integration/tst_tftpserverinterop.cpp LIBS netpoke_core)
add_dependencies(tst_tftpserverinterop netpoke-cli)
set_tests_properties(tst_tftpserverinterop PROPERTIES TIMEOUT 300)

# --- fuzzing: a libFuzzer target for the packet parser --------------------------------------------
# Built with clang outside this build (the project compiler may be g++): scripts/fuzz.sh compiles
# tests/fuzz/fuzz_tftppacket.cpp + tftppacket.cpp with -fsanitize=fuzzer,address and runs it for 60 s;
# FUZZ_TARGET=fuzz_tftpserver runs tests/fuzz/fuzz_tftpserver.cpp (server requests, root confinement) instead.
find_program(NETPOKE_CLANGXX clang++)
if(NETPOKE_CLANGXX)
  add_custom_target(fuzz_tftppacket
    COMMAND ${CMAKE_COMMAND} -E env FUZZ_BUILD_DIR=${CMAKE_BINARY_DIR}/fuzz FUZZ_SECONDS=60
            ${CMAKE_CURRENT_SOURCE_DIR}/scripts/fuzz.sh
    USES_TERMINAL
    COMMENT "libFuzzer on the TFTP packet parser (60 s)")
endif()
