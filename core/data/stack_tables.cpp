#include "triallens/data/stack_tables.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
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
// per distinct value per file. The levels are moved, not copied, out of the
// parts (the files are the caller's to give up), and the index points into
// the stacked levels, which are reserved up front so they never move.
RawColumn stack_text(const std::vector<RawColumn*>& parts) {
    RawColumn out;
    out.name = parts.front()->name;
    out.type = ColumnType::Text;
    std::size_t rows = 0;
    std::size_t levels = 1;
    for (RawColumn* part : parts) {
        if (part->type != ColumnType::Text) {
            RawColumn text = as_text(*part);
            *part = std::move(text);
        }
        rows += part->size();
        levels += part->levels.size() - 1;
    }
    out.codes.reserve(rows);
    out.levels.reserve(levels);
    std::unordered_map<std::string_view, std::uint32_t> index;
    index.reserve(levels);
    index.emplace(out.levels.front(), 0);
    for (RawColumn* part : parts) {
        std::vector<std::uint32_t> recode(part->levels.size(), 0);
        for (std::size_t code = 1; code < part->levels.size(); ++code) {
            std::string& level = part->levels[code];
            const auto it = index.find(level);
            if (it != index.end()) {
                recode[code] = it->second;
                continue;
            }
            recode[code] = static_cast<std::uint32_t>(out.levels.size());
            out.levels.push_back(std::move(level));
            index.emplace(out.levels.back(), recode[code]);
        }
        for (const std::uint32_t code : part->codes) {
            out.codes.push_back(recode[code]);
        }
        if (out.label.empty()) {
            out.label = part->label;
        }
        if (out.format.empty()) {
            out.format = part->format;
        }
        // Let each file's codes go once stacked: a dataset is held once, not twice.
        part->codes = {};
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
    // Rows' files and lines first: stacking moves the columns out of the files.
    std::size_t rows = 0;
    for (const auto& file : files) {
        rows += file.row_count();
    }
    stacked.lines.reserve(rows);
    for (auto& file : files) {
        const std::size_t first_row = stacked.lines.size();
        for (std::size_t row = 0; row < file.row_count(); ++row) {
            stacked.lines.push_back(file.line_of(row));
        }
        file.lines = {};
        if (file.parts.empty()) {
            stacked.parts.push_back({file.source, first_row});
        } else {
            for (const auto& part : file.parts) {
                stacked.parts.push_back({part.file, first_row + part.first_row});
            }
        }
    }
    // Each file's columns by name, hashed: files of 100,000 columns stack in
    // one pass, not one search per column and file. The keys are copies:
    // stacking moves the columns, and their names, out of the files.
    std::vector<std::unordered_map<std::string, RawColumn*>> by_name(files.size());
    for (std::size_t f = 0; f < files.size(); ++f) {
        by_name[f].reserve(width);
        for (auto& column : files[f].columns) {
            by_name[f].emplace(column.name, &column);
        }
    }
    for (std::size_t c = 0; c < width; ++c) {
        const std::string name = files.front().columns[c].name;
        std::vector<RawColumn*> parts;
        bool all_numbers = true;
        for (std::size_t f = 0; f < files.size(); ++f) {
            auto& file = files[f];
            const auto found = by_name[f].find(name);
            RawColumn* column = found == by_name[f].end() ? nullptr : found->second;
            if (column == nullptr) {
                throw std::invalid_argument(file.source + " has no column " + name + ", " +
                                            files.front().source + " has");
            }
            parts.push_back(column);
            all_numbers = all_numbers && column->type == ColumnType::Number;
        }
        RawColumn column;
        if (all_numbers) {
            column = std::move(*parts.front());
            std::size_t cells = column.numbers.size();
            for (const RawColumn* part : parts) {
                cells += part->numbers.size();
            }
            column.numbers.reserve(cells);
            for (std::size_t f = 1; f < parts.size(); ++f) {
                column.numbers.insert(column.numbers.end(), parts[f]->numbers.begin(),
                                      parts[f]->numbers.end());
                parts[f]->numbers = {};
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
    return stacked;
}

} // namespace triallens
