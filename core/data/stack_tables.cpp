#include "triallens/data/stack_tables.h"

#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace triallens {

namespace {

RawColumn as_text(const RawColumn& column) {
    if (column.type == ColumnType::Text) {
        return column;
    }
    TextColumnBuilder builder;
    for (std::size_t row = 0; row < column.size(); ++row) {
        builder.push_back(column.cell_text(row));
    }
    RawColumn text = std::move(builder).finish(column.name, column.label);
    text.format = column.format;
    return text;
}

void append(RawColumn& into, const RawColumn& from) {
    if (into.type == ColumnType::Number) {
        into.numbers.insert(into.numbers.end(), from.numbers.begin(), from.numbers.end());
        return;
    }
    // Re-code `from`'s levels into `into`'s dictionary.
    std::unordered_map<std::string, std::uint32_t> index;
    for (std::uint32_t code = 0; code < into.levels.size(); ++code) {
        index.emplace(into.levels[code], code);
    }
    std::vector<std::uint32_t> recode(from.levels.size(), 0);
    for (std::size_t code = 1; code < from.levels.size(); ++code) {
        const auto [it, inserted] =
            index.emplace(from.levels[code], static_cast<std::uint32_t>(into.levels.size()));
        if (inserted) {
            into.levels.push_back(from.levels[code]);
        }
        recode[code] = it->second;
    }
    into.codes.reserve(into.codes.size() + from.codes.size());
    for (const std::uint32_t code : from.codes) {
        into.codes.push_back(recode[code]);
    }
}

} // namespace

RawTable stack_tables(std::vector<RawTable> files) {
    if (files.empty()) {
        return {};
    }
    if (files.size() == 1) {
        return std::move(files.front());
    }
    RawTable stacked;
    stacked.source = files.front().source + " and " + std::to_string(files.size() - 1) +
                     (files.size() == 2 ? " more file" : " more files");
    const std::size_t width = files.front().columns.size();
    for (const auto& file : files) {
        if (file.columns.size() != width) {
            throw std::invalid_argument(file.source + " has other columns than " +
                                        files.front().source);
        }
    }
    for (std::size_t c = 0; c < width; ++c) {
        const std::string& name = files.front().columns[c].name;
        std::vector<const RawColumn*> parts;
        bool all_numbers = true;
        for (const auto& file : files) {
            const RawColumn* column = file.find(name);
            if (column == nullptr) {
                throw std::invalid_argument(file.source + " has no column " + name + ", " +
                                            files.front().source + " has");
            }
            parts.push_back(column);
            all_numbers = all_numbers && column->type == ColumnType::Number;
        }
        RawColumn column = all_numbers ? *parts.front() : as_text(*parts.front());
        for (std::size_t f = 1; f < parts.size(); ++f) {
            append(column, all_numbers ? *parts[f] : as_text(*parts[f]));
            if (column.label.empty()) {
                column.label = parts[f]->label;
            }
            if (column.format.empty()) {
                column.format = parts[f]->format;
            }
        }
        stacked.columns.push_back(std::move(column));
    }
    for (const auto& file : files) {
        const std::size_t first_row = stacked.lines.size();
        for (std::size_t row = 0; row < file.row_count(); ++row) {
            stacked.lines.push_back(file.line_of(row));
        }
        if (file.parts.empty()) {
            stacked.parts.push_back({file.source, first_row});
        } else {
            for (const auto& part : file.parts) {
                stacked.parts.push_back({part.file, first_row + part.first_row});
            }
        }
    }
    return stacked;
}

} // namespace triallens
