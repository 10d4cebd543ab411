cmake_minimum_required(VERSION 3.22)
# tst_install: cmake --install into a temporary prefix; the expected files must be there and valid.
# cmake -DBUILD_DIR=... [-DDESKTOP_FILE_VALIDATE=...] [-DAPPSTREAMCLI=...] -P installtest.cmake
string(RANDOM LENGTH 8 suffix)
set(prefix "${BUILD_DIR}/install-test-${suffix}")
file(REMOVE_RECURSE "${prefix}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc}): ${err}")
endif()
set(expected
  bin/netpoke
  bin/netpoke-cli
  share/applications/netpoke.desktop
  share/metainfo/org.netpoke.NetPoke.metainfo.xml
  share/icons/hicolor/scalable/apps/netpoke.svg
  share/netpoke/translations/netpoke_en.qm
  share/netpoke/translations/netpoke_zh_CN.qm)
file(GLOB_RECURSE installed RELATIVE "${prefix}" "${prefix}/*")
list(SORT installed)
message(STATUS "installed: ${installed}")
foreach(f IN LISTS expected)
  if(NOT f IN_LIST installed)
    message(FATAL_ERROR "missing after install: ${f} (installed: ${installed})")
  endif()
endforeach()
foreach(f IN LISTS installed)
  if(NOT f IN_LIST expected)
    message(FATAL_ERROR "unexpected file installed: ${f}")
  endif()
endforeach()
foreach(exe netpoke netpoke-cli)
  execute_process(COMMAND test -x "${prefix}/bin/${exe}" RESULT_VARIABLE not_executable)
  if(not_executable)
    message(FATAL_ERROR "${exe} is not executable")
  endif()
endforeach()
execute_process(COMMAND "${prefix}/bin/netpoke-cli" --version RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "netpoke-cli")
  message(FATAL_ERROR "the installed netpoke-cli does not run (${rc}): ${out}")
endif()
if(DESKTOP_FILE_VALIDATE)
  execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${prefix}/share/applications/netpoke.desktop"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0 OR out MATCHES "error")
    message(FATAL_ERROR "desktop-file-validate: ${out}")
  endif()
else()
  message(FATAL_ERROR "desktop-file-validate not found (scripts/setup.sh installs desktop-file-utils)")
endif()
if(APPSTREAMCLI)
  execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net
                          "${prefix}/share/metainfo/org.netpoke.NetPoke.metainfo.xml"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate: ${out}")
  endif()
else()
  message(FATAL_ERROR "appstreamcli not found (scripts/setup.sh installs appstream)")
endif()
file(REMOVE_RECURSE "${prefix}")
