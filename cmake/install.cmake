# cmake --install: binaries, the desktop entry, AppStream metainfo, the icon and the translations under
# CMAKE_INSTALL_PREFIX (FHS layout); tst_install installs into a temporary prefix and checks the list.
include(GNUInstallDirs)
find_package(Qt6 6.4 REQUIRED COMPONENTS Svg)
# The SVG icon is drawn by Qt SVG's icon engine plugin: link the module so the dependency is explicit.
target_link_libraries(netpoke_gui PUBLIC Qt6::Svg)
# The icon lives in the GUI library (:/netpoke.svg), so the app and the GUI tests have it.
qt_add_resources(netpoke_gui netpoke_icon PREFIX / BASE resources FILES resources/netpoke.svg)

install(TARGETS netpoke netpoke-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES resources/desktop/netpoke.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES resources/desktop/org.netpoke.NetPoke.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES resources/netpoke.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# The .qm files are also embedded (:/i18n); installed ones let a packager or a translator replace them.
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/netpoke_zh_CN.qm DESTINATION ${CMAKE_INSTALL_DATADIR}/netpoke/translations)

find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
find_program(APPSTREAMCLI appstreamcli)
add_test(NAME tst_install
         COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_CURRENT_BINARY_DIR}
                 -DDESKTOP_FILE_VALIDATE=${DESKTOP_FILE_VALIDATE} -DAPPSTREAMCLI=${APPSTREAMCLI}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/installtest.cmake)
set_tests_properties(tst_install PROPERTIES TIMEOUT 120)
netpoke_add_test(tst_desktop GUI SOURCES tests/gui/tst_desktop.cpp LIBS netpoke_gui)
