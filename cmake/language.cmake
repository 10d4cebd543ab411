# Languages: the choice (src/core/language.*), English plural forms, and the completeness test.
target_sources(netpoke_core PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/core/language.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/core/language.h)

# English is the source language; netpoke_en.ts holds only the plural forms (lupdate -pluralonly), so that
# "%n transfers" reads "1 transfer". `cmake --build build --target update_translations` updates it too.
set(NETPOKE_EN_TS ${CMAKE_CURRENT_SOURCE_DIR}/translations/netpoke_en.ts)
add_custom_target(netpoke_en)
qt6_add_lupdate(netpoke_en TS_FILES ${NETPOKE_EN_TS} SOURCES ${NETPOKE_TR_SOURCES}
                INCLUDE_DIRECTORIES ${CMAKE_CURRENT_SOURCE_DIR}/src/core
                OPTIONS -pluralonly -no-obsolete -locations none)
qt6_add_lrelease(netpoke_en TS_FILES ${NETPOKE_EN_TS} QM_FILES_OUTPUT_VARIABLE NETPOKE_EN_QM NO_GLOBAL_TARGET)
qt6_add_resources(netpoke_core netpoke_core_translations_en PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
                  FILES ${NETPOKE_EN_QM})
add_dependencies(netpoke_core netpoke_en_lrelease)
install(FILES ${NETPOKE_EN_QM} DESTINATION ${CMAKE_INSTALL_DATADIR}/netpoke/translations)

# tst_translations: every tr() string in src/ and ui/ has a finished zh_CN translation (and every plural
# an English one). It runs lupdate on a copy of the .ts files, so a string added since the last
# update_translations counts too.
add_test(NAME tst_translations
         COMMAND ${CMAKE_COMMAND} -DLUPDATE=$<TARGET_FILE:Qt6::lupdate> -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/translations-test
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/translationstest.cmake)
set_tests_properties(tst_translations PROPERTIES TIMEOUT 120)
netpoke_add_test(tst_language GUI SOURCES tests/gui/tst_language.cpp LIBS netpoke_gui)
target_sources(netpoke_gui PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src/gui/qtstrings.cpp)
