// libFuzzer target: any bytes through the delimited-text reader and column
// typing. A broken file must end in DataError, never a crash, a hang, a leak
// or a sanitizer report. The first byte picks the file name (.csv or .tsv).

#include <triallens/data/data_error.h>
#include <triallens/io/column_typing.h>
#include <triallens/io/delimited_text.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string source = size > 0 && data[0] % 2 == 1 ? "fuzz.tsv" : "fuzz.csv";
    try {
        std::vector<triallens::DelimitedText> files;
        files.push_back(triallens::parse_delimited_text(bytes, source));
        triallens::ColumnHints hints;
        hints.numeric = {"AVAL"};
        std::vector<triallens::Finding> findings;
        const auto tables = triallens::type_columns(files, hints, findings);
        for (const auto& table : tables) {
            for (std::size_t row = 0; row < table.row_count(); ++row) {
                (void)table.line_of(row);
            }
        }
    } catch (const triallens::DataError&) {
    }
    return 0;
}
