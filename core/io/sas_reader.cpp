#include "triallens/io/sas_reader.h"

#include "triallens/data/data_error.h"
#include "triallens/io/file_bytes.h"
#include "triallens/io/text_encoding.h"

#include <readstat.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace triallens {

namespace {

// ReadStat reads through these handlers from bytes already in memory, so the
// same code serves files and the fuzzer.
struct MemoryFile {
    std::string_view bytes;
    std::size_t position = 0;
};

int open_memory(const char* /*path*/, void* /*io_ctx*/) {
    return 0;
}

int close_memory(void* /*io_ctx*/) {
    return 0;
}

readstat_off_t seek_memory(readstat_off_t offset, readstat_io_flags_t whence, void* io_ctx) {
    auto& file = *static_cast<MemoryFile*>(io_ctx);
    readstat_off_t base = 0;
    if (whence == READSTAT_SEEK_CUR) {
        base = static_cast<readstat_off_t>(file.position);
    } else if (whence == READSTAT_SEEK_END) {
        base = static_cast<readstat_off_t>(file.bytes.size());
    }
    const readstat_off_t target = base + offset;
    if (target < 0 || target > static_cast<readstat_off_t>(file.bytes.size())) {
        return -1;
    }
    file.position = static_cast<std::size_t>(target);
    return target;
}

ssize_t read_memory(void* buffer, size_t count, void* io_ctx) {
    auto& file = *static_cast<MemoryFile*>(io_ctx);
    const std::size_t n = std::min(count, file.bytes.size() - file.position);
    if (n > 0) {
        std::memcpy(buffer, file.bytes.data() + file.position, n);
    }
    file.position += n;
    return static_cast<ssize_t>(n);
}

readstat_error_t update_memory(long file_size, readstat_progress_handler progress_handler,
                               void* user_ctx, void* io_ctx) {
    const auto& file = *static_cast<MemoryFile*>(io_ctx);
    if (progress_handler == nullptr || file_size <= 0) {
        return READSTAT_OK;
    }
    const double done = static_cast<double>(file.position) / static_cast<double>(file_size);
    return progress_handler(done, user_ctx) == READSTAT_HANDLER_OK ? READSTAT_OK
                                                                   : READSTAT_ERROR_USER_ABORT;
}

struct ColumnBuilder {
    RawColumn column; // name, label, format and type; values below
    std::vector<double> numbers;
    TextColumnBuilder text;
};

struct Reading {
    const std::string& source;
    const LoadProgress& progress;
    const MemoryFile& file;
    std::uint64_t size = 0;
    std::vector<ColumnBuilder> columns{};
    std::size_t rows = 0;
    long declared_rows = -1;    // the header's observation count; -1 = none (transport v5)
    std::size_t data_start = 0; // where the observations begin (transport)
    std::size_t row_length = 0; // bytes per observation (transport)
    std::string library_message{};
    std::exception_ptr failure{}; // an exception from a handler, rethrown after parsing

    std::string utf8(const char* text) const {
        if (text == nullptr) {
            return {};
        }
        std::string_view view(text);
        while (!view.empty() && view.back() == ' ') {
            view.remove_suffix(1);
        }
        if (is_valid_utf8(view)) {
            return std::string(view);
        }
        return decode_to_utf8(std::string(view), source).utf8;
    }
};

int on_variable(int index, readstat_variable_t* variable, const char* /*labels*/, void* ctx) {
    auto& reading = *static_cast<Reading*>(ctx);
    try {
        if (index < 0 || static_cast<std::size_t>(index) != reading.columns.size()) {
            throw DataError({reading.source, 0, {}}, "variables are out of order");
        }
        ColumnBuilder builder;
        builder.column.name = reading.utf8(readstat_variable_get_name(variable));
        builder.column.label = reading.utf8(readstat_variable_get_label(variable));
        builder.column.format = reading.utf8(readstat_variable_get_format(variable));
        builder.column.type =
            readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING
                ? ColumnType::Text
                : ColumnType::Number;
        if (builder.column.name.empty()) {
            throw DataError({reading.source, 0, {}},
                            "variable " + std::to_string(index + 1) + " has no name");
        }
        for (const auto& earlier : reading.columns) {
            if (earlier.column.name == builder.column.name) {
                throw DataError({reading.source, 0, builder.column.name},
                                "the file names this variable twice");
            }
        }
        if (index == 0) {
            // ReadStat hands over the variables once it has read the header
            // that precedes the observations.
            reading.data_start = reading.file.position;
        }
        reading.row_length += readstat_variable_get_storage_width(variable);
        reading.columns.push_back(std::move(builder));
        return READSTAT_HANDLER_OK;
    } catch (...) {
        reading.failure = std::current_exception();
        return READSTAT_HANDLER_ABORT;
    }
}

int on_value(int obs_index, readstat_variable_t* variable, readstat_value_t value, void* ctx) {
    auto& reading = *static_cast<Reading*>(ctx);
    try {
        const int index = readstat_variable_get_index(variable);
        if (index < 0 || static_cast<std::size_t>(index) >= reading.columns.size() ||
            obs_index < 0) {
            throw DataError({reading.source, obs_index + 1L, {}}, "a value of no known variable");
        }
        ColumnBuilder& builder = reading.columns[static_cast<std::size_t>(index)];
        const std::size_t row = static_cast<std::size_t>(obs_index);
        const std::size_t filled = builder.column.type == ColumnType::Number
                                       ? builder.numbers.size()
                                       : builder.text.size();
        if (row != filled) {
            throw DataError({reading.source, obs_index + 1L, builder.column.name},
                            "observations are out of order");
        }
        if (builder.column.type == ColumnType::Number) {
            const bool missing = readstat_value_is_system_missing(value) != 0 ||
                                 readstat_value_is_tagged_missing(value) != 0 ||
                                 readstat_value_type_class(value) != READSTAT_TYPE_CLASS_NUMERIC;
            builder.numbers.push_back(missing ? std::numeric_limits<double>::quiet_NaN()
                                              : readstat_double_value(value));
        } else {
            const char* text = readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING
                                   ? readstat_string_value(value)
                                   : nullptr;
            builder.text.push_back(reading.utf8(text));
        }
        reading.rows = std::max(reading.rows, row + 1);
        return READSTAT_HANDLER_OK;
    } catch (...) {
        reading.failure = std::current_exception();
        return READSTAT_HANDLER_ABORT;
    }
}

int on_progress(double fraction, void* ctx) {
    auto& reading = *static_cast<Reading*>(ctx);
    try {
        reading.progress.advance(
            static_cast<std::uint64_t>(fraction * static_cast<double>(reading.size)), reading.size);
        return READSTAT_HANDLER_OK;
    } catch (...) {
        reading.failure = std::current_exception();
        return READSTAT_HANDLER_ABORT;
    }
}

int on_metadata(readstat_metadata_t* metadata, void* ctx) {
    static_cast<Reading*>(ctx)->declared_rows = readstat_get_row_count(metadata);
    return READSTAT_HANDLER_OK;
}

void on_error(const char* message, void* ctx) {
    auto& reading = *static_cast<Reading*>(ctx);
    if (message == nullptr || !reading.library_message.empty()) {
        return;
    }
    // ReadStat's I/O errors read "ReadStat: Unable to read from file
    // (retval = 5): Success (errno = 0)": the errno text is of no use (the
    // reads are from memory) and must not reach a user, nor the prefix.
    std::string_view text(message);
    if (text.starts_with("ReadStat: ")) {
        text.remove_prefix(10);
    }
    text = text.substr(0, text.find(" (retval ="));
    text = text.substr(0, text.find(" (errno ="));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    reading.library_message = text;
}

std::string observations(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " observation" : " observations");
}

// A transport file holds whole observations, back to back from the header
// that precedes them, and its last 80-byte record is padded with blanks.
// ReadStat stops quietly at a partial observation (XPORT v5 declares no
// count), so a file cut short would load as its first part: refuse it.
void require_whole_observations(std::string_view bytes, const Reading& reading) {
    constexpr std::size_t record = 80;
    if (reading.row_length == 0 || reading.data_start > bytes.size()) {
        return;
    }
    const std::size_t data = bytes.size() - reading.data_start;
    const std::size_t whole = data / reading.row_length;
    const std::string_view rest = bytes.substr(reading.data_start + whole * reading.row_length);
    const bool blank = rest.find_first_not_of(' ') == std::string_view::npos;
    if (!blank) {
        throw DataError({reading.source, 0, {}},
                        "the file is cut short: it ends inside observation " +
                            std::to_string(whole + 1) + " (" + std::to_string(rest.size()) +
                            " of its " + std::to_string(reading.row_length) + " bytes; " +
                            observations(reading.rows) + " read before it)");
    }
    if (data % record != 0) {
        throw DataError({reading.source, 0, {}},
                        "the file is cut short: its last 80-byte record is incomplete (" +
                            observations(reading.rows) + " read)");
    }
}

// A transport file may hold several datasets (members), one after another;
// ReadStat reads the first and then takes the next one's header records for
// observations. A member header on an 80-byte record boundary inside the
// data is refused, naming the dataset that begins there (its name is in the
// record after the descriptor header: "SAS     ADAE    SASDATA …").
void require_one_member(std::string_view bytes, const Reading& reading) {
    constexpr std::size_t record = 80;
    static constexpr std::string_view member = "HEADER RECORD*******MEMBER  HEADER RECORD";
    static constexpr std::string_view member_v8 = "HEADER RECORD*******MEMBV8  HEADER RECORD";
    const std::size_t first = (reading.data_start + record - 1) / record * record;
    for (std::size_t at = first; at + record <= bytes.size(); at += record) {
        const std::string_view line = bytes.substr(at, record);
        if (!line.starts_with(member) && !line.starts_with(member_v8)) {
            continue;
        }
        std::string name;
        if (at + 3 * record <= bytes.size()) {
            const std::string_view names = bytes.substr(at + 2 * record, record);
            if (names.starts_with("SAS     ")) {
                name = std::string(names.substr(8, 8));
                name.erase(name.find_last_not_of(' ') + 1);
            }
        }
        const bool printable = std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
        });
        throw DataError(
            {reading.source, 0, {}},
            "the file holds more than one dataset: " +
                (name.empty() || !printable ? std::string("another") : "a second, " + name + ",") +
                " begins at byte " + std::to_string(at) +
                "; TrialLens reads one dataset per .xpt file (write each to "
                "its own file)");
    }
}

struct ParserDeleter {
    void operator()(readstat_parser_t* parser) const { readstat_parser_free(parser); }
};

} // namespace

RawTable parse_sas(std::string_view bytes, SasFileFormat format, const std::string& source,
                   const LoadProgress& progress) {
    MemoryFile file{bytes, 0};
    Reading reading{source, progress, file};
    reading.size = bytes.size();

    std::unique_ptr<readstat_parser_t, ParserDeleter> parser(readstat_parser_init());
    if (!parser) {
        throw DataError({source, 0, {}}, "cannot start the SAS reader");
    }
    readstat_set_open_handler(parser.get(), open_memory);
    readstat_set_close_handler(parser.get(), close_memory);
    readstat_set_seek_handler(parser.get(), seek_memory);
    readstat_set_read_handler(parser.get(), read_memory);
    readstat_set_update_handler(parser.get(), update_memory);
    readstat_set_io_ctx(parser.get(), &file);
    readstat_set_variable_handler(parser.get(), on_variable);
    readstat_set_value_handler(parser.get(), on_value);
    readstat_set_progress_handler(parser.get(), on_progress);
    readstat_set_error_handler(parser.get(), on_error);
    readstat_set_metadata_handler(parser.get(), on_metadata);

    const readstat_error_t status =
        format == SasFileFormat::Transport
            ? readstat_parse_xport(parser.get(), source.c_str(), &reading)
            : readstat_parse_sas7bdat(parser.get(), source.c_str(), &reading);
    if (reading.failure) {
        std::rethrow_exception(reading.failure);
    }
    if (status == READSTAT_ERROR_ROW_COUNT_MISMATCH && reading.declared_rows >= 0) {
        throw DataError({source, 0, {}},
                        "the file is cut short: its header declares " +
                            observations(static_cast<std::size_t>(reading.declared_rows)) + ", " +
                            std::to_string(reading.rows) + " were read");
    }
    if ((status == READSTAT_ERROR_READ || status == READSTAT_ERROR_SEEK) &&
        !reading.columns.empty()) {
        throw DataError({source, 0, {}},
                        "the file is cut short or damaged: it ends before its header says (" +
                            observations(reading.rows) + " read)");
    }
    if (status != READSTAT_OK) {
        const bool ends_early = status == READSTAT_ERROR_READ || status == READSTAT_ERROR_SEEK;
        std::string what =
            std::string("not a readable ") +
            (format == SasFileFormat::Transport ? "SAS transport (.xpt)" : "SAS (.sas7bdat)") +
            " file: " +
            (ends_early ? "it ends inside its header (cut short, or not a SAS file)"
                        : readstat_error_message(status));
        if (!ends_early && !reading.library_message.empty() &&
            reading.library_message != readstat_error_message(status)) {
            what += " (" + reading.library_message + ")";
        }
        throw DataError({source, 0, {}}, what);
    }
    if (reading.columns.empty()) {
        throw DataError({source, 0, {}}, "the file holds no variables");
    }
    if (format == SasFileFormat::Transport) {
        require_one_member(bytes, reading);
        require_whole_observations(bytes, reading); // .sas7bdat: ReadStat counts them itself
    }

    RawTable table;
    table.source = source;
    for (auto& builder : reading.columns) {
        RawColumn& column = builder.column;
        if (column.type == ColumnType::Number) {
            builder.numbers.resize(reading.rows, std::numeric_limits<double>::quiet_NaN());
            column.numbers = std::move(builder.numbers);
        } else {
            while (builder.text.size() < reading.rows) {
                builder.text.push_back({});
            }
            RawColumn text = std::move(builder.text).finish(column.name, column.label);
            column.codes = std::move(text.codes);
            column.levels = std::move(text.levels);
        }
        table.columns.push_back(std::move(column));
    }
    table.lines.resize(reading.rows);
    for (std::size_t row = 0; row < reading.rows; ++row) {
        table.lines[row] = static_cast<long>(row) + 1;
    }
    progress.advance(bytes.size(), bytes.size());
    return table;
}

RawTable read_sas(const std::filesystem::path& file, const LoadProgress& progress) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const SasFileFormat format =
        extension == ".sas7bdat" ? SasFileFormat::Sas7bdat : SasFileFormat::Transport;
    return parse_sas(read_file_bytes(file), format, file.string(), progress);
}

} // namespace triallens
