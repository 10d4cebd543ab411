# The packet inspector: field trees (TFTP dissector), the hex dump and copy formats in netpoke_core, the
# InspectorWidget in netpoke_gui, and their tests.
target_sources(netpoke_core PRIVATE
  src/core/inspect/packetfield.cpp src/core/inspect/packetfield.h
  src/core/inspect/hexdump.cpp src/core/inspect/hexdump.h
  src/core/tftp/tftpdissect.cpp src/core/tftp/tftpdissect.h
)

netpoke_add_test(tst_tftpdissect SOURCES tests/unit/tst_tftpdissect.cpp LIBS netpoke_core)
netpoke_add_test(tst_hexdump SOURCES tests/unit/tst_hexdump.cpp LIBS netpoke_core)

target_sources(netpoke_gui PRIVATE
  src/gui/inspectorwidget.cpp src/gui/inspectorwidget.h
  src/gui/hexview.cpp src/gui/hexview.h
)
netpoke_add_test(tst_inspector GUI SOURCES tests/gui/tst_inspector.cpp LIBS netpoke_gui)
