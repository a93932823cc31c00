// libFuzzer target: any bytes through the SAS transport (.xpt) reader, which
// drives ReadStat from memory. A broken file must end in DataError, never a
// crash, a hang, a leak or a sanitizer report in our code. (ReadStat itself
// is Debian's build, not instrumented: the fuzzer sees coverage of our side.)

#include <triallens/data/data_error.h>
#include <triallens/io/sas_reader.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const triallens::RawTable table =
            triallens::parse_sas(bytes, triallens::SasFileFormat::Transport, "fuzz.xpt");
        for (const auto& column : table.columns) {
            for (std::size_t row = 0; row < column.size(); ++row) {
                (void)column.cell_text(row);
            }
        }
    } catch (const triallens::DataError&) {
    }
    return 0;
}
