# TCP: client and server objects in netpoke_core (src/core/tcp/), `netpoke-cli tcp` (connect, listen), and
# their tests. Included from the top CMakeLists.txt after the targets and netpoke_add_test() exist.

set(NETPOKE_TCP_DIR ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tcp)
target_sources(netpoke_core PRIVATE
  ${NETPOKE_TCP_DIR}/tcpchunk.h
  ${NETPOKE_TCP_DIR}/tcpframer.cpp ${NETPOKE_TCP_DIR}/tcpframer.h
  ${NETPOKE_TCP_DIR}/tcpsocketoptions.cpp ${NETPOKE_TCP_DIR}/tcpsocketoptions.h
  ${NETPOKE_TCP_DIR}/tcpconnection.cpp ${NETPOKE_TCP_DIR}/tcpconnection.h
  ${NETPOKE_TCP_DIR}/tcpclient.cpp ${NETPOKE_TCP_DIR}/tcpclient.h
  ${NETPOKE_TCP_DIR}/tcpserver.cpp ${NETPOKE_TCP_DIR}/tcpserver.h
)

netpoke_add_test(tst_tcpframer SOURCES tests/unit/tst_tcpframer.cpp LIBS netpoke_core)
netpoke_add_test(tst_tcpclient SOURCES tests/integration/tst_tcpclient.cpp LIBS netpoke_core)
set_tests_properties(tst_tcpclient PROPERTIES TIMEOUT 120)
netpoke_add_test(tst_tcpserver SOURCES tests/integration/tst_tcpserver.cpp LIBS netpoke_core)
set_tests_properties(tst_tcpserver PROPERTIES TIMEOUT 120)

target_sources(netpoke-cli PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tcpcommand.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tcpcommand.h
)
netpoke_add_test(tst_tcpcli SOURCES tests/integration/tst_tcpcli.cpp LIBS netpoke_core)
add_dependencies(tst_tcpcli netpoke-cli)
set_tests_properties(tst_tcpcli PROPERTIES TIMEOUT 120)

# The TCP Client and TCP Server tabs.
target_sources(netpoke_gui PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/tcpstreamlog.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/tcpstreamlog.h
  ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/tcpclientpanel.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/tcpclientpanel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/tcpclientpanel.ui
  ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/tcpconnectionmodel.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/tcpconnectionmodel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/tcpserverpanel.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/tcpserverpanel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/tcpserverpanel.ui
)
netpoke_add_test(tst_tcpclientpanel GUI SOURCES tests/gui/tst_tcpclientpanel.cpp LIBS netpoke_gui)
set_tests_properties(tst_tcpclientpanel PROPERTIES TIMEOUT 120)
netpoke_add_test(tst_tcpserverpanel GUI SOURCES tests/gui/tst_tcpserverpanel.cpp LIBS netpoke_gui)
set_tests_properties(tst_tcpserverpanel PROPERTIES TIMEOUT 120)
# Real peers (python3, nc, socat, openssl; scripts/setup.sh installs them), each started and killed by the test.
netpoke_add_test(tst_tcpinterop SOURCES tests/integration/tst_tcpinterop.cpp LIBS netpoke_core)
add_dependencies(tst_tcpinterop netpoke-cli)
set_tests_properties(tst_tcpinterop PROPERTIES TIMEOUT 240)
