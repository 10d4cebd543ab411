# Classroom (issue 12): the lesson's address arithmetic in the core, the Network tab, the packet inspector.
target_sources(netpoke_core PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/core/addresscalc.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/core/addresscalc.h)
netpoke_add_test(tst_addresscalc SOURCES tests/unit/tst_addresscalc.cpp LIBS netpoke_core)
target_sources(netpoke_core PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/core/net/ownsockets.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/core/net/ownsockets.h)
netpoke_add_test(tst_ownsockets SOURCES tests/integration/tst_ownsockets.cpp LIBS netpoke_core)
target_sources(netpoke_gui PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/networkpanel.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/networkpanel.h)
netpoke_add_test(tst_networkpanel GUI SOURCES tests/gui/tst_networkpanel.cpp LIBS netpoke_gui)
target_sources(netpoke_gui PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/ratechart.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/ratechart.h)
netpoke_add_test(tst_ratechart GUI SOURCES tests/gui/tst_ratechart.cpp LIBS netpoke_gui)
target_sources(netpoke_gui PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/theme.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/theme.h)
netpoke_add_test(tst_theme GUI SOURCES tests/gui/tst_theme.cpp LIBS netpoke_gui)
