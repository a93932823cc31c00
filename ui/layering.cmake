# Which ui/ and app/cli/ files may include which (docs/architecture.md):
#   ui/models   — core only: never views/, export/ or the widgets' headers;
#   ui/views    — models, never export/ or the widgets' headers;
#   ui/export   — models and views, never the widgets' headers;
#   ui/document — the workspace state and saved analyses, core and Qt Core
#                 only: never models/, views/, export/ or the widgets' headers
#                 (the command line and a fuzzer read saved analyses with it);
#   ui/digitise — reading a published KM curve off an image or SVG: core and
#                 Qt only: never models/, views/, export/, document/ or the
#                 widgets' headers;
#   app/cli     — core and the report (models/, views/, export/, document/) only.
# The widgets' headers are those under ui/controller/, ui/panels/ and
# ui/main_window.h. Include directories cannot enforce this (the report and
# the widgets share ui/ as their include root), so the include lines are read.
#
# Used two ways: include()d by ui/CMakeLists.txt (TRIALLENS_SOURCE_DIR set),
# failing the configure; and as a CTest script,
#   cmake -DTRIALLENS_SOURCE_DIR=<repo> -P ui/layering.cmake
# so an edit after configuring is caught by the test suite.

if(NOT TRIALLENS_SOURCE_DIR)
    message(FATAL_ERROR "layering.cmake needs -DTRIALLENS_SOURCE_DIR=<repository root>")
endif()

set(_widgets "controller/|panels/|main_window\\.h")
# folder (under the repository) | included prefixes it must not use
set(_rules
    "ui/models|views/|export/|${_widgets}"
    "ui/views|export/|${_widgets}"
    "ui/export|${_widgets}"
    "ui/document|models/|views/|export/|${_widgets}"
    "ui/digitise|models/|views/|export/|document/|${_widgets}"
    "app/cli|${_widgets}")

set(_violations "")
foreach(_rule IN LISTS _rules)
    string(FIND "${_rule}" "|" _bar)
    string(SUBSTRING "${_rule}" 0 ${_bar} _folder)
    math(EXPR _rest "${_bar} + 1")
    string(SUBSTRING "${_rule}" ${_rest} -1 _forbidden)
    file(GLOB_RECURSE _sources ${TRIALLENS_SOURCE_DIR}/${_folder}/*.h
                               ${TRIALLENS_SOURCE_DIR}/${_folder}/*.cpp)
    foreach(_source IN LISTS _sources)
        file(STRINGS ${_source} _bad
             REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](${_forbidden})")
        foreach(_line IN LISTS _bad)
            file(RELATIVE_PATH _relative ${TRIALLENS_SOURCE_DIR} ${_source})
            string(STRIP "${_line}" _line)
            string(APPEND _violations "\n  ${_relative}: ${_line}")
        endforeach()
    endforeach()
endforeach()

if(_violations)
    message(FATAL_ERROR "ui layering broken (see docs/architecture.md):${_violations}")
endif()
