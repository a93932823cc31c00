#pragma once
// Where the tests find the repository's files and the built app.
//
// The folders are compiled into one generated source in the build folder
// (tests/CMakeLists.txt), not into each test's compile line: a test's object
// is then the same in every clone, and ccache shares it between them. Only
// that one small source is compiled again in a new clone.

#include <string>

namespace test_paths {

std::string pilot_data();       // tests/data: the public reference data
std::string test_data();        // tests/
std::string source_dir();       // the repository's top folder
std::string triallens_binary(); // the built `triallens`

} // namespace test_paths

#define TRIALLENS_PILOT_DATA (test_paths::pilot_data())
#define TRIALLENS_TEST_DATA (test_paths::test_data())
#define TRIALLENS_SOURCE_DIR (test_paths::source_dir())
#define TRIALLENS_BINARY (test_paths::triallens_binary())
