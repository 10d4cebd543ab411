# Issue 12, "See the steps": the TFTP ladder (sequence diagram, PNG/SVG export) in netpoke_gui and the
# teaching mode (pace, simulated loss) in netpoke_core; their tests. Included from the top CMakeLists.txt
# after tftp.cmake.
find_package(Qt6 6.4 REQUIRED COMPONENTS Svg)   # Debian: qt6-svg-dev (scripts/setup.sh)

target_sources(netpoke_core PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp/tftpteaching.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/core/tftp/tftpteaching.h
)
target_sources(netpoke_gui PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/ladderview.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/ladderview.h
  ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/ladderwindow.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/ladderwindow.h
)
target_link_libraries(netpoke_gui PUBLIC Qt6::Svg)
target_sources(netpoke-cli PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpteachingoptions.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/tftpteachingoptions.h
)

netpoke_add_test(tst_tftpteaching SOURCES tests/integration/tst_tftpteaching.cpp LIBS netpoke_core)
set_tests_properties(tst_tftpteaching PROPERTIES TIMEOUT 120)
netpoke_add_test(tst_ladderview GUI SOURCES tests/gui/tst_ladderview.cpp LIBS netpoke_gui)
