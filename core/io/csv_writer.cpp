#include "triallens/io/csv_writer.h"

#include "triallens/data/sas_date_format.h"

#include <fstream>
#include <map>
#include <stdexcept>

namespace triallens {

namespace {

void write_field(std::ostream& out, const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out << field;
        return;
    }
    out << '"';
    for (const char c : field) {
        if (c == '"') {
            out << '"';
        }
        out << c;
    }
    out << '"';
}

// Per column, the kind of date its numbers are (NotADate for text and plain
// numbers): a SAS date is written as ISO text, which column_typing reads
// back to the same number with the same kind of format.
std::vector<SasDateKind> date_kinds(const RawTable& table) {
    std::vector<SasDateKind> kinds;
    for (const RawColumn& column : table.columns) {
        kinds.push_back(column.type == ColumnType::Number ? sas_date_kind(column.format)
                                                          : SasDateKind::NotADate);
    }
    return kinds;
}

void write_row(std::ostream& out, const RawTable& table, const std::vector<SasDateKind>& kinds,
               std::size_t row) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c > 0) {
            out << ',';
        }
        const RawColumn& column = table.columns[c];
        write_field(out, kinds[c] == SasDateKind::NotADate
                             ? column.cell_text(row)
                             : sas_date_text(column.numbers[row], kinds[c]));
    }
    out << '\n';
}

void write_header(std::ostream& out, const RawTable& table) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c > 0) {
            out << ',';
        }
        write_field(out, table.columns[c].name);
    }
    out << '\n';
}

} // namespace

void write_csv(std::ostream& out, const RawTable& table) {
    write_header(out, table);
    const auto kinds = date_kinds(table);
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        write_row(out, table, kinds, row);
    }
}

std::vector<std::filesystem::path> write_csv_split(const RawTable& table, const std::string& column,
                                                   const std::filesystem::path& dir,
                                                   const std::string& prefix) {
    const RawColumn* key = table.find(column);
    if (key == nullptr) {
        throw std::invalid_argument("write_csv_split: no column " + column + " in " + table.source);
    }
    std::map<std::string, std::vector<std::size_t>> rows_by_value;
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        rows_by_value[key->cell_text(row)].push_back(row);
    }
    const auto kinds = date_kinds(table);
    std::vector<std::filesystem::path> written;
    for (const auto& [value, rows] : rows_by_value) {
        const auto path = dir / (prefix + "_site" + value + ".csv");
        std::ofstream out(path, std::ios::binary);
        if (!out) {
            throw std::runtime_error("cannot write " + path.string());
        }
        write_header(out, table);
        for (const std::size_t row : rows) {
            write_row(out, table, kinds, row);
        }
        if (!out.flush()) {
            throw std::runtime_error("failed writing " + path.string());
        }
        written.push_back(path);
    }
    return written;
}

} // namespace triallens
