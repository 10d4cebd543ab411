# Chat: ChatSession in the core, `netpoke-cli chat`, and their tests.
target_sources(netpoke_core PRIVATE src/core/chatsession.cpp src/core/chatsession.h)
target_sources(netpoke-cli PRIVATE src/cli/chatcommand.cpp src/cli/chatcommand.h)

netpoke_add_test(tst_chatsession SOURCES tests/integration/tst_chatsession.cpp LIBS netpoke_core)
netpoke_add_test(tst_chatcli SOURCES tests/integration/tst_chatcli.cpp LIBS netpoke_core)
add_dependencies(tst_chatcli netpoke-cli)

# Room mode needs multicast on lo: run that test function in a private network namespace whose lo has
# MULTICAST on (see tst_udpendpoint_multicast), where a skip becomes a failure.
if(UNSHARE_EXECUTABLE AND IP_EXECUTABLE)
  add_test(NAME tst_chatsession_room
           COMMAND ${UNSHARE_EXECUTABLE} -rn sh -c "${IP_EXECUTABLE} link set lo up multicast on && exec \"$0\" room"
                   $<TARGET_FILE:tst_chatsession>)
  set_tests_properties(tst_chatsession_room PROPERTIES TIMEOUT 60
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;NETPOKE_REQUIRE_MULTICAST=1")
endif()
if(UNSHARE_EXECUTABLE AND IP_EXECUTABLE)
  add_test(NAME tst_chatcli_room
           COMMAND ${UNSHARE_EXECUTABLE} -rn sh -c "${IP_EXECUTABLE} link set lo up multicast on && exec \"$0\" room"
                   $<TARGET_FILE:tst_chatcli>)
  set_tests_properties(tst_chatcli_room PROPERTIES TIMEOUT 60
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;NETPOKE_REQUIRE_MULTICAST=1")
endif()
