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
