#include "triallens/io/csv_writer.h"

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

void write_row(std::ostream& out, const RawTable& table, std::size_t row) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c > 0) {
            out << ',';
        }
        write_field(out, table.columns[c].cell_text(row));
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
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        write_row(out, table, row);
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
    std::vector<std::filesystem::path> written;
    for (const auto& [value, rows] : rows_by_value) {
        const auto path = dir / (prefix + "_site" + value + ".csv");
        std::ofstream out(path, std::ios::binary);
        if (!out) {
            throw std::runtime_error("cannot write " + path.string());
        }
        write_header(out, table);
        for (const std::size_t row : rows) {
            write_row(out, table, row);
        }
        if (!out.flush()) {
            throw std::runtime_error("failed writing " + path.string());
        }
        written.push_back(path);
    }
    return written;
}

} // namespace triallens
