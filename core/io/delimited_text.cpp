#include "triallens/io/delimited_text.h"

#include "triallens/data/data_error.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <unordered_set>
#include <utility>

namespace triallens {

namespace {

constexpr std::size_t progress_step = std::size_t{1} << 20;

// Whichever candidate the first non-blank line holds most of, outside quotes.
char guess_delimiter(std::string_view text, const std::string& source) {
    if (source.ends_with(".tsv") || source.ends_with(".TSV")) {
        return '\t';
    }
    constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
    std::array<std::size_t, 4> counts{};
    bool quoted = false;
    bool seen_text = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            if (seen_text) {
                break;
            }
        } else if (!quoted) {
            seen_text = seen_text || c != ' ';
            for (std::size_t k = 0; k < candidates.size(); ++k) {
                counts[k] += c == candidates[k] ? 1 : 0;
            }
        }
    }
    const auto best = std::max_element(counts.begin(), counts.end());
    return *best == 0 ? ',' : candidates[static_cast<std::size_t>(best - counts.begin())];
}

bool is_blank_line(std::string_view line, char delimiter) {
    return std::all_of(line.begin(), line.end(), [&](char c) {
        return c == ' ' || c == '\r' || c == '\n' || (c == '\t' && delimiter != '\t');
    });
}

// What the libcsv callbacks build; errors are recorded, not thrown, because
// an exception must not unwind through the C library's frames.
struct Parse {
    DelimitedText& out;
    bool header_done = false;
    std::vector<std::string> raw_header{};
    std::vector<bool> keep{};      // header cell has a name
    std::size_t fields_in_row = 0; // fields seen in the current row
    long current_line = 1;         // the line being fed
    long row_line = 0;             // the line the current row started on
    bool in_row = false;
    bool skip_ragged = false;
    std::size_t row_cells_begin = 0; // the current row's first cell in out.cell_ends
    std::optional<DataError> error{};
    // Bounds from the text, for reservations: lines that are not blank (a
    // row's first line is one of them) and delimiters anywhere.
    std::size_t row_bound = 0;
    std::size_t delimiter_count = 0;

    std::string column_name(std::size_t field) const {
        if (!header_done) {
            return {};
        }
        return field < raw_header.size() && !raw_header[field].empty()
                   ? raw_header[field]
                   : "#" + std::to_string(field + 1);
    }

    void fail(long line, std::string column, const std::string& what) {
        if (!error) {
            error.emplace(DataLocation{out.source, line, std::move(column)}, what);
        }
    }

    void field(const char* data, std::size_t size) {
        const std::string_view text(data == nullptr ? "" : data, data == nullptr ? 0 : size);
        if (!header_done) {
            raw_header.emplace_back(text);
            ++fields_in_row;
            return;
        }
        if (fields_in_row < keep.size()) {
            if (keep[fields_in_row]) {
                out.cells.append(text);
                out.cell_ends.push_back(out.cells.size());
            } else if (!text.empty()) {
                fail(row_line, column_name(fields_in_row),
                     "a column without a name in the header holds " + quoted_cell(text));
            }
        }
        ++fields_in_row;
    }

    void finish_header() {
        header_done = true;
        // By hash: a linear search per name made 200,000 columns take a minute.
        std::unordered_set<std::string_view> names;
        names.reserve(raw_header.size());
        for (std::size_t c = 0; c < raw_header.size(); ++c) {
            const bool named = !raw_header[c].empty();
            keep.push_back(named);
            if (!named) {
                continue;
            }
            const auto& name = raw_header[c];
            if (!names.insert(name).second) {
                fail(row_line, name, "the header names this column twice");
            }
            out.header.push_back(name);
        }
        if (out.header.empty()) {
            fail(row_line, {}, "the header names no column");
        }
        // Room for every row's cell ends, but never more than the text can
        // hold: a cell ends at a delimiter or a line end, so a header of
        // 20,000 columns over two million blank lines reserves nothing for them.
        const std::size_t cells =
            std::min(row_bound * out.header.size(), delimiter_count + row_bound + 1);
        out.cell_ends.reserve(cells); // std::bad_alloc: load_study says how much is needed
    }

    void row_end() {
        if (!header_done) {
            finish_header();
        } else if (fields_in_row != raw_header.size()) {
            const std::string what = "the row has " + std::to_string(fields_in_row) +
                                     " fields, the header " + std::to_string(raw_header.size()) +
                                     " (a ragged row)";
            if (skip_ragged) {
                out.cell_ends.resize(row_cells_begin);
                out.cells.resize(row_cells_begin == 0 ? 0 : out.cell_ends.back());
                out.ragged_rows.push_back(
                    {Severity::Error, {out.source, row_line, {}}, what, true});
            } else {
                fail(row_line, {}, what);
            }
        } else {
            out.lines.push_back(row_line);
        }
        row_cells_begin = out.cell_ends.size();
        fields_in_row = 0;
        in_row = false;
    }
};

// A row on one line that holds no quote, split as libcsv splits it in strict
// mode: a field ends at each delimiter and at the line's end, and loses the
// spaces (and tabs, unless tabs delimit) around it. Most lines of trial data
// hold no quote, and libcsv costs two callbacks a character.
void split_plain_line(std::string_view line, char delimiter, Parse& parse) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    const auto is_space = [delimiter](char c) {
        return c == ' ' || (c == '\t' && delimiter != '\t');
    };
    for (std::size_t begin = 0;;) {
        const std::size_t delimiter_at = line.find(delimiter, begin);
        const std::size_t end = delimiter_at == std::string_view::npos ? line.size() : delimiter_at;
        std::size_t first = begin;
        std::size_t last = end;
        while (first < last && is_space(line[first])) {
            ++first;
        }
        while (last > first && is_space(line[last - 1])) {
            --last;
        }
        parse.field(line.data() + first, last - first);
        if (delimiter_at == std::string_view::npos) {
            break;
        }
        begin = end + 1;
    }
    parse.row_end();
}

extern "C" void on_field(void* data, std::size_t size, void* context) {
    static_cast<Parse*>(context)->field(static_cast<const char*>(data), size);
}

extern "C" void on_row_end(int /*terminator*/, void* context) {
    static_cast<Parse*>(context)->row_end();
}

extern "C" int is_space(unsigned char c) {
    return c == ' ' ? 1 : 0;
}

extern "C" int is_space_or_tab(unsigned char c) {
    return c == ' ' || c == '\t' ? 1 : 0;
}

struct ParserDeleter {
    void operator()(csv_parser* parser) const {
        csv_free(parser);
        delete parser;
    }
};

// The next line of `text` from `begin`, with its end: LF, CRLF or a lone CR.
std::size_t line_end(std::string_view text, std::size_t begin, bool lone_cr) {
    const std::size_t lf = text.find('\n', begin);
    if (!lone_cr) {
        return lf == std::string_view::npos ? text.size() : lf + 1;
    }
    std::size_t cr = text.find('\r', begin);
    while (cr != std::string_view::npos && cr + 1 < text.size() && text[cr + 1] == '\n') {
        cr = text.find('\r', cr + 2);
    }
    const std::size_t end = std::min(lf, cr);
    return end == std::string_view::npos ? text.size() : end + 1;
}

struct TextCounts {
    std::size_t non_blank_lines = 0;
    std::size_t delimiters = 0;
};

// One pass over the text: its lines that are not blank (LF, CRLF or lone CR
// ends) and its delimiters, bounds on its rows and cells.
TextCounts count_text(std::string_view text, char delimiter) {
    TextCounts counts;
    bool blank = true;
    for (const char c : text) {
        if (c == '\n' || c == '\r') {
            counts.non_blank_lines += blank ? 0 : 1;
            blank = true;
        } else if (c == delimiter) {
            ++counts.delimiters;
            blank = false;
        } else if (c != ' ' && c != '\t') {
            blank = false;
        }
    }
    counts.non_blank_lines += blank ? 0 : 1;
    return counts;
}

bool has_lone_cr(std::string_view text) {
    for (std::size_t cr = text.find('\r'); cr != std::string_view::npos;
         cr = text.find('\r', cr + 1)) {
        if (cr + 1 == text.size() || text[cr + 1] != '\n') {
            return true;
        }
    }
    return false;
}

} // namespace

namespace {

DelimitedText parse_decoded(const DecodedText& decoded, const std::string& source,
                            const LoadProgress& progress, RaggedRows ragged) {
    const std::string_view text = decoded.utf8;

    DelimitedText out;
    out.source = source;
    out.encoding = decoded.encoding;
    out.delimiter = guess_delimiter(text, source);
    out.decimal_mark = out.delimiter == ';' ? ',' : '.';
    // Room for every row's cells up front: growing ten million cell ends
    // by doubling costs more than the parse. Blank lines are not rows.
    const TextCounts counts = count_text(text, out.delimiter);
    // std::bad_alloc: load_study says how much the whole load needs.
    out.cells.reserve(text.size());
    out.lines.reserve(counts.non_blank_lines);

    std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser);
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
        throw DataError({source, 0, {}}, "cannot start the CSV parser");
    }
    csv_set_delim(parser.get(), static_cast<unsigned char>(out.delimiter));
    csv_set_space_func(parser.get(), out.delimiter == '\t' ? is_space : is_space_or_tab);

    Parse parse{out};
    parse.skip_ragged = ragged == RaggedRows::Skip;
    parse.row_bound = counts.non_blank_lines;
    parse.delimiter_count = counts.delimiters;
    const bool lone_cr = has_lone_cr(text);
    std::size_t next_report = progress_step;
    // One physical line at a time, so each row's first line is known.
    for (std::size_t begin = 0; begin < text.size() && !parse.error; ++parse.current_line) {
        const std::size_t end = line_end(text, begin, lone_cr);
        const std::string_view line = text.substr(begin, end - begin);
        begin = end;
        bool plain = false;
        if (!parse.in_row) {
            if (is_blank_line(line, out.delimiter)) {
                continue;
            }
            parse.in_row = true;
            parse.row_line = parse.current_line;
            // Between rows libcsv has nothing pending, so a line without a
            // quote can be split here and the parser stays as it was.
            plain = line.find('"') == std::string_view::npos;
        }
        if (plain) {
            split_plain_line(line, out.delimiter, parse);
        } else if (csv_parse(parser.get(), line.data(), line.size(), on_field, on_row_end,
                             &parse) != line.size()) {
            if (csv_error(parser.get()) == CSV_EPARSE) {
                parse.fail(parse.current_line, parse.column_name(parse.fields_in_row),
                           "malformed quoting: a quote inside an unquoted field, or text after "
                           "a closing quote");
            } else {
                parse.fail(parse.current_line, {}, csv_strerror(csv_error(parser.get())));
            }
        }
        if (begin >= next_report) {
            progress.advance(begin, text.size());
            next_report = begin + progress_step;
        }
    }
    if (!parse.error && csv_fini(parser.get(), on_field, on_row_end, &parse) != 0) {
        parse.fail(parse.row_line, parse.column_name(parse.fields_in_row),
                   "unterminated quote: the quoted field that starts in this row runs to the end "
                   "of the file");
    }
    if (parse.error) {
        throw *parse.error;
    }
    if (!parse.header_done) {
        throw DataError({source, 0, {}}, "the file is empty (no header line)");
    }
    progress.advance(text.size(), text.size());
    return out;
}

} // namespace

DelimitedText parse_delimited_text(std::string_view bytes, const std::string& source,
                                   const LoadProgress& progress, RaggedRows ragged) {
    require_text(bytes, source);
    return parse_decoded(decode_to_utf8(std::string(bytes), source), source, progress, ragged);
}

DelimitedText read_delimited_text(const std::filesystem::path& file, const LoadProgress& progress,
                                  RaggedRows ragged) {
    const std::string source = file.string();
    std::string bytes = read_file_bytes(file);
    require_text(bytes, source);
    return parse_decoded(decode_to_utf8(std::move(bytes), source), source, progress, ragged);
}

} // namespace triallens
