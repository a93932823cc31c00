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

// Text columns of every file into one dictionary, built once: each file's
// levels are re-coded through one index, so stacking costs one hash lookup
// per distinct value per file, not a rebuild of the index for every file.
RawColumn stack_text(const std::vector<const RawColumn*>& parts) {
    RawColumn out;
    out.name = parts.front()->name;
    out.type = ColumnType::Text;
    std::size_t rows = 0;
    for (const RawColumn* part : parts) {
        rows += part->size();
    }
    out.codes.reserve(rows);
    std::unordered_map<std::string, std::uint32_t> index{{"", 0}};
    for (const RawColumn* part : parts) {
        const RawColumn text = part->type == ColumnType::Text ? RawColumn{} : as_text(*part);
        const RawColumn& from = part->type == ColumnType::Text ? *part : text;
        std::vector<std::uint32_t> recode(from.levels.size(), 0);
        for (std::size_t code = 1; code < from.levels.size(); ++code) {
            const auto [it, inserted] =
                index.emplace(from.levels[code], static_cast<std::uint32_t>(out.levels.size()));
            if (inserted) {
                out.levels.push_back(from.levels[code]);
            }
            recode[code] = it->second;
        }
        for (const std::uint32_t code : from.codes) {
            out.codes.push_back(recode[code]);
        }
        if (out.label.empty()) {
            out.label = part->label;
        }
        if (out.format.empty()) {
            out.format = part->format;
        }
    }
    return out;
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
        RawColumn column;
        if (all_numbers) {
            column = *parts.front();
            for (std::size_t f = 1; f < parts.size(); ++f) {
                column.numbers.insert(column.numbers.end(), parts[f]->numbers.begin(),
                                      parts[f]->numbers.end());
                if (column.label.empty()) {
                    column.label = parts[f]->label;
                }
                if (column.format.empty()) {
                    column.format = parts[f]->format;
                }
            }
        } else {
            column = stack_text(parts);
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
