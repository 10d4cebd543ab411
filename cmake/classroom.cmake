# Classroom (issue 12): the lesson's address arithmetic in the core, the Network tab, the packet inspector.
target_sources(netpoke_core PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/core/addresscalc.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/core/addresscalc.h)
netpoke_add_test(tst_addresscalc SOURCES tests/unit/tst_addresscalc.cpp LIBS netpoke_core)
