#include "triallens/io/load_study.h"

#include "triallens/data/build_study.h"
#include "triallens/data/data_error.h"
#include "triallens/data/stack_tables.h"
#include "triallens/data/study_validation.h"
#include "triallens/io/column_typing.h"
#include "triallens/io/delimited_text.h"
#include "triallens/io/file_bytes.h"
#include "triallens/io/sas_reader.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace triallens {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

bool is_sas_file(const fs::path& file) {
    const std::string extension = lower_extension(file);
    return extension == ".xpt" || extension == ".xport" || extension == ".sas7bdat";
}

bool is_delimited_file(const fs::path& file) {
    const std::string extension = lower_extension(file);
    return extension == ".csv" || extension == ".tsv" || extension == ".txt";
}

// One file as read and typed on its own, before its dataset is typed and stacked.
struct ReadFile {
    fs::path path;
    std::optional<TypedFile> text; // a delimited file
    std::optional<RawTable> table; // a SAS file
    std::string site;              // SITEID to add from the file name, or ""
    std::vector<Finding> findings; // what reading it found, in order
    std::size_t excluded_rows = 0; // ragged rows left out
    bool failed = false;           // unreadable: its one error is in `findings`

    std::vector<std::string> column_names() const {
        std::vector<std::string> names;
        if (text) {
            names = text->header;
        } else {
            for (const auto& column : table->columns) {
                names.push_back(column.name);
            }
        }
        if (!site.empty()) {
            names.emplace_back("SITEID");
        }
        std::sort(names.begin(), names.end());
        return names;
    }
};

// The first row whose SITEID is not the site the file name gives (its line and
// site), as a hint that a site's rows went into another site's file.
std::optional<std::pair<long, std::string>> first_other_site(const DelimitedText& text,
                                                             const std::string& site) {
    const auto& header = text.header;
    const auto column = static_cast<std::size_t>(std::find(header.begin(), header.end(), "SITEID") -
                                                 header.begin());
    for (std::size_t row = 0; row < text.row_count(); ++row) {
        const std::string_view cell = text.cell(row, column);
        if (!cell.empty() && cell != site) {
            return std::pair{text.lines[row], std::string(cell)};
        }
    }
    return std::nullopt;
}

std::optional<std::pair<long, std::string>> first_other_site(const RawTable& table,
                                                             const std::string& site) {
    const RawColumn& column = *table.find("SITEID");
    for (std::size_t row = 0; row < column.size(); ++row) {
        const std::string cell = column.cell_text(row);
        if (!cell.empty() && cell != site) {
            return std::pair{table.line_of(row), cell};
        }
    }
    return std::nullopt;
}

RawColumn constant_text(const std::string& name, const std::string& value, std::size_t rows) {
    TextColumnBuilder builder;
    for (std::size_t row = 0; row < rows; ++row) {
        builder.push_back(value);
    }
    return std::move(builder).finish(name, {});
}

RawColumn renamed(RawColumn column, const std::string& name) {
    column.name = name;
    return column;
}

// About what reading a file of `bytes` takes at its peak: its bytes, their
// UTF-8 copy, each cell's text and end, and the typed columns. A guess for
// the "too large to load" message only; nothing is sized from it.
std::uint64_t memory_to_read(std::uint64_t bytes) {
    return 6 * bytes;
}

void add_error(std::vector<Finding>& findings, const DataError& error) {
    findings.push_back({Severity::Error, error.where(), error.message()});
}

enum class Role { Subjects, TimeToEvent, AdverseEvents, Responses, Tumour, OneRowPerSubject };

const char* role_name(Role role) {
    switch (role) {
    case Role::Subjects:
        return "subject-level data (ADSL)";
    case Role::TimeToEvent:
        return "time-to-event data (ADTTE)";
    case Role::AdverseEvents:
        return "adverse events (ADAE)";
    case Role::Responses:
        return "responses (ADRS)";
    case Role::Tumour:
        return "tumour measurements (ADTR)";
    case Role::OneRowPerSubject:
        return "one row per patient with times";
    }
    return "";
}

std::optional<Role> role_of(const RawTable& table, const LoadOptions& options,
                            const EndpointColumns& endpoint) {
    if (!table.has("PARAMCD") && table.has(endpoint.time) && table.has(endpoint.flag())) {
        return Role::OneRowPerSubject;
    }
    switch (recognise_role(table)) {
    case DatasetRole::SubjectLevel:
        return Role::Subjects;
    case DatasetRole::TimeToEvent:
        return Role::TimeToEvent;
    case DatasetRole::AdverseEvents:
        return Role::AdverseEvents;
    case DatasetRole::Responses:
        return Role::Responses;
    case DatasetRole::TumourMeasurements:
        return Role::Tumour;
    case DatasetRole::Unknown:
        break;
    }
    if (table.has("USUBJID") && !options.arm_column.empty() && table.has(options.arm_column)) {
        return Role::Subjects;
    }
    return std::nullopt;
}

std::string column_difference(const RawTable& a, const RawTable& b) {
    std::string only_a;
    std::string only_b;
    for (const auto& column : a.columns) {
        if (!b.has(column.name)) {
            only_a += (only_a.empty() ? "" : ", ") + column.name;
        }
    }
    for (const auto& column : b.columns) {
        if (!a.has(column.name)) {
            only_b += (only_b.empty() ? "" : ", ") + column.name;
        }
    }
    std::string text;
    if (!only_a.empty()) {
        text += "only here: " + only_a;
    }
    if (!only_b.empty()) {
        text += std::string(text.empty() ? "" : "; ") + "only there: " + only_b;
    }
    return text;
}

// A one-row-per-patient file's subject identifier: USUBJID, else SUBJID,
// else file and line.
void ensure_subject_id(RawTable& table) {
    if (table.has("USUBJID")) {
        return;
    }
    if (const RawColumn* subjid = table.find("SUBJID")) {
        RawColumn id = subjid->type == ColumnType::Text ? *subjid : [&] {
            TextColumnBuilder builder;
            for (std::size_t row = 0; row < table.row_count(); ++row) {
                builder.push_back(subjid->cell_text(row));
            }
            return std::move(builder).finish("USUBJID", {});
        }();
        table.columns.insert(table.columns.begin(), renamed(std::move(id), "USUBJID"));
        return;
    }
    TextColumnBuilder builder;
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        builder.push_back(fs::path(table.source_of(row)).filename().string() + ":" +
                          std::to_string(table.line_of(row)));
    }
    table.columns.insert(table.columns.begin(),
                         std::move(builder).finish("USUBJID", "Row in its file"));
}

// The censor flag (0 = event) from the endpoint's event or censor column.
RawColumn censor_column(const RawTable& table, const EndpointColumns& endpoint) {
    if (!endpoint.status.empty()) {
        std::vector<double> censor;
        for (const double status : table.find(endpoint.status)->numbers) {
            censor.push_back(status == 0 ? 1 : 0);
        }
        return number_column("CNSR", "Censor (from " + endpoint.status + ")", std::move(censor));
    }
    if (endpoint.event.empty()) {
        return renamed(*table.find(endpoint.censor), "CNSR");
    }
    std::vector<double> censor;
    for (const double event : table.find(endpoint.event)->numbers) {
        censor.push_back(1 - event);
    }
    return number_column("CNSR", "Censor (from " + endpoint.event + ")", std::move(censor));
}

// An ADTTE whose AVAL and CNSR are the endpoint's columns.
RawTable time_to_event_table(const RawTable& table, const EndpointColumns& endpoint,
                             const std::string& cause_column, bool one_row_per_subject) {
    RawTable tte;
    tte.source = table.source;
    tte.lines = table.lines;
    tte.parts = table.parts;
    const RawColumn& time = *table.find(endpoint.time);
    if (one_row_per_subject) {
        tte.columns.push_back(*table.find("USUBJID"));
        tte.columns.push_back(constant_text("PARAMCD", endpoint.time, table.row_count()));
        tte.columns.push_back(constant_text(
            "PARAM", time.label.empty() ? endpoint.time : time.label, table.row_count()));
        if (const RawColumn* cause = table.find(cause_column)) {
            tte.columns.push_back(*cause);
        }
    } else {
        for (const auto& column : table.columns) {
            if (column.name != "AVAL" && column.name != "CNSR") {
                tte.columns.push_back(column);
            }
        }
    }
    tte.columns.push_back(renamed(time, "AVAL"));
    tte.columns.push_back(censor_column(table, endpoint));
    return tte;
}

RawTable rows_kept(const RawTable& table, const std::vector<bool>& keep) {
    RawTable kept;
    kept.source = table.source;
    std::vector<std::size_t> rows;
    for (std::size_t row = 0; row < keep.size(); ++row) {
        if (keep[row]) {
            rows.push_back(row);
        }
    }
    for (const auto& column : table.columns) {
        RawColumn copy = column;
        if (column.type == ColumnType::Number) {
            copy.numbers.clear();
            for (const std::size_t row : rows) {
                copy.numbers.push_back(column.numbers[row]);
            }
        } else {
            copy.codes.clear();
            for (const std::size_t row : rows) {
                copy.codes.push_back(column.codes[row]);
            }
        }
        kept.columns.push_back(std::move(copy));
    }
    for (const std::size_t row : rows) {
        if (kept.parts.empty() || kept.parts.back().file != table.source_of(row)) {
            kept.parts.push_back({table.source_of(row), kept.lines.size()});
        }
        kept.lines.push_back(table.line_of(row));
    }
    return kept;
}

// A subject whose every ADSL row is excluded, at the row that named it first.
struct GoneSubject {
    std::string id;
    DataLocation where;
};

std::vector<GoneSubject> subjects_gone(const RawTable& adsl, const std::vector<bool>& keep) {
    std::vector<GoneSubject> gone;
    const RawColumn* id = adsl.find("USUBJID");
    if (id == nullptr) {
        return gone;
    }
    std::set<std::string> kept;
    for (std::size_t row = 0; row < keep.size(); ++row) {
        if (keep[row]) {
            kept.insert(id->cell_text(row));
        }
    }
    std::set<std::string> seen;
    for (std::size_t row = 0; row < keep.size(); ++row) {
        std::string subject = id->cell_text(row);
        if (!keep[row] && !subject.empty() && !kept.contains(subject) &&
            seen.insert(subject).second) {
            gone.push_back(
                {std::move(subject), {adsl.source_of(row), adsl.line_of(row), "USUBJID"}});
        }
    }
    return gone;
}

// Drops the records of subjects excluded from ADSL from the other datasets,
// with one warning per subject at its ADSL row, rather than one "not in
// ADSL" error per record the next validation would find.
void drop_records_of(const std::vector<GoneSubject>& gone, const std::vector<RawTable*>& dependents,
                     std::vector<Finding>& findings, std::size_t& excluded_rows) {
    std::map<std::string, std::size_t> records;
    for (const auto& subject : gone) {
        records[subject.id] = 0;
    }
    for (RawTable* table : dependents) {
        const RawColumn* id = table->find("USUBJID");
        if (id == nullptr) {
            continue;
        }
        std::vector<bool> keep(table->row_count(), true);
        bool any = false;
        for (std::size_t row = 0; row < keep.size(); ++row) {
            const auto it = records.find(id->cell_text(row));
            if (it != records.end()) {
                keep[row] = false;
                ++it->second;
                any = true;
            }
        }
        if (any) {
            *table = rows_kept(*table, keep);
        }
    }
    for (const auto& subject : gone) {
        const std::size_t n = records[subject.id];
        if (n > 0) {
            excluded_rows += n;
            findings.push_back({Severity::Warning, subject.where,
                                "excluded: subject " + subject.id + "'s " + std::to_string(n) +
                                    (n == 1 ? " record" : " records") +
                                    " in other datasets go with its excluded row"});
        }
    }
}

// Validates the tables as load_study does, but drops every row a row-level
// error is about (and the rows `invalid` marks already: text in a numeric
// cell), then validates again, until no row-level error is left: a subject
// dropped from ADSL takes its records in the other datasets along. The
// row-level errors come back as "excluded: " warnings, followed by the last
// validation's findings. After a few passes the remaining errors stand.
std::vector<Finding> validate_excluding_invalid_rows(const StudyTables& tables,
                                                     std::vector<RawTable>& datasets,
                                                     InvalidRows invalid,
                                                     std::size_t& excluded_rows) {
    const auto mutable_of = [&](const RawTable* table) -> RawTable* {
        for (auto& dataset : datasets) {
            if (&dataset == table) {
                return &dataset;
            }
        }
        return nullptr;
    };
    std::vector<RawTable*> dependents;
    for (const RawTable* table :
         {tables.time_to_event, tables.adverse_events, tables.responses, tables.tumour}) {
        if (table != nullptr && table != tables.subjects) {
            dependents.push_back(mutable_of(table));
        }
    }
    std::vector<Finding> findings;
    constexpr int max_passes = 4;
    for (int pass = 0;; ++pass) {
        std::vector<Finding> found = validate_study_tables(tables, &invalid);
        const bool any_invalid = std::any_of(invalid.begin(), invalid.end(), [](const auto& marks) {
            return std::find(marks.second.begin(), marks.second.end(), true) != marks.second.end();
        });
        if (!any_invalid || pass == max_passes) {
            findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                            std::make_move_iterator(found.end()));
            return findings;
        }
        for (auto& finding : found) {
            if (finding.severity == Severity::Error && finding.row_level) {
                findings.push_back(excluded(std::move(finding)));
            }
        }
        std::vector<GoneSubject> gone;
        for (const auto& [table, marks] : invalid) {
            if (std::find(marks.begin(), marks.end(), true) == marks.end()) {
                continue;
            }
            std::vector<bool> keep(marks.size());
            std::transform(marks.begin(), marks.end(), keep.begin(), [](bool m) { return !m; });
            RawTable& dataset = *mutable_of(table);
            if (table == tables.subjects) {
                gone = subjects_gone(dataset, keep);
            }
            excluded_rows += static_cast<std::size_t>(std::count(marks.begin(), marks.end(), true));
            dataset = rows_kept(dataset, keep);
        }
        invalid.clear();
        drop_records_of(gone, dependents, findings, excluded_rows);
    }
}

// The site files' typed columns were made on two threads, so half of them
// sit in the reading thread's malloc arena, where the stacked columns made
// on this thread never reuse them: without handing their pages back, a load
// would hold each dataset twice at its peak. malloc_trim walks the whole
// heap, the study already loaded included, so a small dataset (whose double
// is no matter) skips it: trimming after each 147-subject file cost more
// than the rest of its load.
void release_freed_memory(std::uint64_t dataset_bytes) {
    constexpr std::uint64_t trim_from_bytes = std::uint64_t{32} << 20;
#if defined(__GLIBC__)
    if (dataset_bytes >= trim_from_bytes) {
        malloc_trim(0);
    }
#else
    (void)dataset_bytes;
#endif
}

RaggedRows ragged_rows(const LoadOptions& options) {
    return options.exclude_invalid_rows ? RaggedRows::Skip : RaggedRows::Refuse;
}

// Reads one file and, for a delimited one, types its columns as far as the
// file alone says (column_typing.h), so that its text is let go at once:
// only typed columns are held until the dataset's files are stacked.
ReadFile read_one(const fs::path& file, const LoadOptions& options, const ColumnHints& hints,
                  const LoadProgress& within) {
    ReadFile one;
    one.path = file;
    const std::string named_site = site_from_file_name(file);
    try {
        if (is_sas_file(file)) {
            one.table = read_sas(file, within);
            if (!one.table->has("SITEID")) {
                one.site = named_site;
            } else if (!named_site.empty()) {
                if (const auto row = first_other_site(*one.table, named_site)) {
                    one.findings.push_back({Severity::Warning,
                                            {file.string(), row->first, "SITEID"},
                                            "the file name says site " + named_site +
                                                ", the row says " + row->second});
                }
            }
            return one;
        }
        DelimitedText text = read_delimited_text(file, within, ragged_rows(options));
        for (auto& ragged : text.ragged_rows) {
            one.findings.push_back(excluded(std::move(ragged)));
            ++one.excluded_rows;
        }
        if (text.encoding == TextEncoding::Windows1252) {
            one.findings.push_back({Severity::Warning,
                                    {file.string(), 0, {}},
                                    "not UTF-8: read as Windows-1252 (Latin-1)"});
        }
        if (std::find(text.header.begin(), text.header.end(), "SITEID") == text.header.end()) {
            one.site = named_site;
        } else if (!named_site.empty()) {
            if (const auto row = first_other_site(text, named_site)) {
                one.findings.push_back(
                    {Severity::Warning,
                     {file.string(), row->first, "SITEID"},
                     "the file name says site " + named_site + ", the row says " + row->second});
            }
        }
        one.text = type_file_columns(text, hints, options.exclude_invalid_rows);
    } catch (const DataError& error) {
        one = {};
        one.path = file;
        add_error(one.findings, error);
        one.failed = true; // its dataset is missing: say no more about what is missing
    } catch (const std::bad_alloc&) {
        one = {};
        one.path = file;
        std::error_code error;
        one.findings.push_back({Severity::Error,
                                {file.string(), 0, {}},
                                too_large_to_load(memory_to_read(fs::file_size(file, error)))});
        one.failed = true;
    }
    return one;
}

// A column's text read again from its file: only for a column of numbers
// in one site's file that another site's file makes text (column_typing.h),
// so the text of every file need not be held for that rare case. The file
// is read once for all such columns of it.
std::function<RawColumn(std::size_t, std::size_t)>
text_reader(const std::vector<const fs::path*>& paths, const std::vector<std::size_t>& rows,
            const LoadOptions& options, const LoadProgress& progress) {
    struct Reread {
        std::size_t file = 0;
        std::optional<DelimitedText> text;
    };
    auto last = std::make_shared<Reread>();
    return [paths, rows, ragged = ragged_rows(options), cancel = progress.cancel,
            last](std::size_t file, std::size_t column) {
        if (!last->text || last->file != file) {
            LoadProgress quiet;
            quiet.cancel = cancel;
            last->text.reset();
            last->text = read_delimited_text(*paths[file], quiet, ragged);
            last->file = file;
        }
        if (last->text->row_count() != rows[file] || column >= last->text->column_count()) {
            throw DataError({paths[file]->string(), 0, {}},
                            "the file changed while it was loaded: load it again once it is "
                            "complete");
        }
        return text_column_of(*last->text, column);
    };
}

// Site files are many and alike: two workers read and type them side by
// side. More would hold more files' text at once for little gain on the
// two cores a laptop gives a load.
constexpr std::size_t read_workers = 2;

// Every file read (read_one) on read_workers threads, in the files' order.
// Progress is the bytes of the files done plus those of the files under way,
// reported one call at a time; the last call reports the total. A
// cancellation (or any other exception) stops both workers and is rethrown
// here once they have stopped.
std::vector<ReadFile> read_files(const std::vector<fs::path>& files, const LoadOptions& options,
                                 const ColumnHints& hints, const LoadProgress& progress) {
    std::vector<std::uint64_t> sizes(files.size(), 0);
    std::uint64_t total = 0;
    for (std::size_t f = 0; f < files.size(); ++f) {
        std::error_code error;
        sizes[f] = fs::file_size(files[f], error);
        sizes[f] = error ? 0 : sizes[f];
        total += sizes[f];
    }
    std::mutex report_mutex;
    std::vector<std::uint64_t> file_done(files.size(), 0);
    std::uint64_t done = 0;
    const auto report = [&](std::size_t f, std::uint64_t bytes) {
        if (!progress.report) {
            return;
        }
        const std::lock_guard lock(report_mutex);
        const std::uint64_t now = std::min(bytes, sizes[f]);
        if (now > file_done[f]) {
            done += now - file_done[f];
            file_done[f] = now;
        }
        progress.report(done, total);
    };

    std::vector<ReadFile> read(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    const auto work = [&] {
        try {
            for (std::size_t f = next++; f < files.size() && !stop; f = next++) {
                LoadProgress within;
                within.cancel = progress.cancel;
                within.report = [&report, f](std::uint64_t bytes, std::uint64_t) {
                    report(f, bytes);
                };
                read[f] = read_one(files[f], options, hints, within);
                report(f, sizes[f]);
            }
        } catch (...) {
            stop = true;
            const std::lock_guard lock(failure_mutex);
            if (!failure) {
                failure = std::current_exception();
            }
        }
    };
    std::optional<std::thread> helper;
    if (files.size() > 1 && read_workers > 1) {
        try {
            helper.emplace(work);
        } catch (const std::system_error&) {
            // No thread to be had (a capped address space): read them all here.
        }
    }
    work();
    if (helper) {
        helper->join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
    return read;
}

std::string study_name(const std::vector<fs::path>& files, const LoadOptions& options) {
    if (!options.name.empty()) {
        return options.name;
    }
    if (files.empty()) {
        return "study";
    }
    const fs::path folder = fs::absolute(files.front()).parent_path();
    return folder.filename().empty() ? files.front().stem().string() : folder.filename().string();
}

} // namespace

std::vector<fs::path> data_files_in(const fs::path& folder) {
    std::vector<fs::path> files;
    // Error codes, not exceptions: an unreadable folder holds no files we can
    // read, and a raw filesystem_error text must never reach a user.
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        std::error_code type_error;
        if (it->is_regular_file(type_error) &&
            (is_delimited_file(it->path()) || is_sas_file(it->path()))) {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string site_from_file_name(const fs::path& file) {
    std::string stem = file.stem().string();
    std::string lower = stem;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (std::size_t at = lower.find("site"); at != std::string::npos;
         at = lower.find("site", at + 1)) {
        if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) {
            continue; // part of a longer word
        }
        std::size_t begin = at + 4;
        if (begin < stem.size() && (stem[begin] == '_' || stem[begin] == '-')) {
            ++begin;
        }
        std::size_t end = begin;
        while (end < stem.size() && std::isalnum(static_cast<unsigned char>(stem[end]))) {
            ++end;
        }
        if (end > begin && std::isdigit(static_cast<unsigned char>(stem[begin]))) {
            return stem.substr(begin, end - begin);
        }
    }
    return {};
}

namespace {

StudyLoad load_study_in_memory(const std::vector<fs::path>& paths, const LoadOptions& options,
                               const LoadProgress& progress) {
    StudyLoad result;
    std::vector<Finding>& findings = result.findings;

    // Folders stand for the data files in them.
    std::vector<fs::path> files;
    for (const auto& path : paths) {
        std::error_code error;
        if (fs::is_directory(path, error)) {
            const auto inside = data_files_in(path);
            if (inside.empty()) {
                findings.push_back(
                    {Severity::Error,
                     {path.string(), 0, {}},
                     "the folder holds no .csv, .tsv, .txt, .xpt or .sas7bdat file"});
            }
            files.insert(files.end(), inside.begin(), inside.end());
        } else if (const auto problem = file_problem(path)) {
            // stat, not open: opening a FIFO would block the load.
            findings.push_back({Severity::Error, {path.string(), 0, {}}, *problem});
        } else {
            files.push_back(path);
        }
    }
    if (files.empty() && findings.empty()) {
        findings.push_back({Severity::Error, {}, "no data files named"});
    }

    EndpointColumns endpoint;
    endpoint.time = options.time_column.empty() ? "AVAL" : options.time_column;
    endpoint.event = options.event_column;
    endpoint.censor = options.censor_column.empty() ? "CNSR" : options.censor_column;
    endpoint.status = options.status_column;
    CauseSource causes;
    if (!options.status_column.empty()) {
        causes = {options.status_column, true, true};
    } else if (!options.cause_column.empty()) {
        causes = {options.cause_column, true, false};
    }
    ColumnHints hints;
    hints.numeric = {endpoint.time, endpoint.flag()};
    hints.durations = {endpoint.time};
    if (!options.arm_column.empty()) {
        hints.text.push_back(options.arm_column);
    }

    // 1. Read every file whole, collecting each one's error.
    bool read_failed = false;
    std::vector<ReadFile> read;
    for (ReadFile& one : read_files(files, options, hints, progress)) {
        findings.insert(findings.end(), std::make_move_iterator(one.findings.begin()),
                        std::make_move_iterator(one.findings.end()));
        one.findings.clear();
        result.excluded_rows += one.excluded_rows;
        if (one.failed) {
            read_failed = true;
            continue;
        }
        read.push_back(std::move(one));
    }

    const auto check_cancelled = [&] {
        if (progress.cancelled()) {
            throw LoadCancelled();
        }
    };
    check_cancelled();

    // 2. Files with the same columns are one dataset: type them together, stack them.
    std::vector<std::vector<std::string>> keys;
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t f = 0; f < read.size(); ++f) {
        const auto key = read[f].column_names();
        const auto it = std::find(keys.begin(), keys.end(), key);
        if (it == keys.end()) {
            keys.push_back(key);
            groups.push_back({f});
        } else {
            groups[static_cast<std::size_t>(it - keys.begin())].push_back(f);
        }
    }
    std::vector<RawTable> datasets;
    // Per dataset, its rows with text in a numeric cell (excluding invalid rows only).
    std::vector<std::vector<bool>> text_in_numbers;
    for (const auto& group : groups) {
        std::vector<TypedFile> texts;
        std::vector<const fs::path*> text_paths;
        std::vector<std::size_t> text_rows;
        std::uint64_t group_bytes = 0;
        for (const std::size_t f : group) {
            std::error_code no_size;
            const std::uintmax_t bytes = fs::file_size(read[f].path, no_size);
            group_bytes += no_size ? 0 : bytes;
            if (read[f].text) {
                text_paths.push_back(&read[f].path);
                text_rows.push_back(read[f].text->rows);
                texts.push_back(std::move(*read[f].text));
            }
        }
        const std::size_t typing_findings = findings.size();
        std::vector<std::vector<bool>> invalid_rows;
        std::vector<RawTable> typed;
        try {
            typed = type_columns(std::move(texts), hints, findings,
                                 options.exclude_invalid_rows ? &invalid_rows : nullptr,
                                 text_reader(text_paths, text_rows, options, progress));
        } catch (const DataError& error) {
            add_error(findings, error);
            continue;
        }
        if (options.exclude_invalid_rows) {
            for (std::size_t i = typing_findings; i < findings.size(); ++i) {
                if (findings[i].severity == Severity::Error && findings[i].row_level) {
                    findings[i] = excluded(std::move(findings[i]));
                }
            }
        }
        std::vector<bool> marks;
        std::vector<RawTable> parts;
        std::size_t next_text = 0;
        for (const std::size_t f : group) {
            if (options.exclude_invalid_rows && read[f].table) {
                marks.resize(marks.size() + read[f].table->row_count(), false);
            } else if (options.exclude_invalid_rows) {
                const auto& part = invalid_rows[next_text];
                marks.insert(marks.end(), part.begin(), part.end());
            }
            RawTable table =
                read[f].table ? std::move(*read[f].table) : std::move(typed[next_text++]);
            if (!read[f].site.empty()) {
                table.columns.push_back(constant_text("SITEID", read[f].site, table.row_count()));
                table.columns.back().label = "Study Site Identifier (from the file name)";
            }
            parts.push_back(std::move(table));
        }
        try {
            datasets.push_back(stack_tables(std::move(parts)));
            text_in_numbers.push_back(std::move(marks));
            release_freed_memory(group_bytes);
        } catch (const std::invalid_argument& error) {
            findings.push_back({Severity::Error, {}, error.what()});
        }
    }

    check_cancelled();

    // 3. Roles.
    std::map<Role, std::size_t> by_role;
    for (std::size_t d = 0; d < datasets.size(); ++d) {
        const RawTable& dataset = datasets[d];
        const auto role = role_of(dataset, options, endpoint);
        if (!role) {
            findings.push_back(
                {Severity::Error,
                 {dataset.source, 0, {}},
                 "not recognised as ADSL, ADTTE, ADAE, ADRS or ADTR (no USUBJID, or no "
                 "treatment, PARAMCD/AVAL/CNSR, AEDECOD, PARAMCD/AVALC or PARAMCD/AVAL/BASE "
                 "columns); for one row per "
                 "patient name the columns with --time, --event or --censor, and --arm"});
            continue;
        }
        if (dataset.row_count() == 0) {
            // A header and no rows: ADSL or ADTTE without records leave
            // nothing to analyse; ADAE, ADRS or ADTR may truly hold none.
            const bool needed = *role == Role::Subjects || *role == Role::TimeToEvent ||
                                *role == Role::OneRowPerSubject;
            const bool several =
                !dataset.parts.empty() || dataset.source.find(" more file") != std::string::npos;
            const std::string what = is_sas_file(dataset.source) ? "columns" : "a header";
            findings.push_back({needed ? Severity::Error : Severity::Warning,
                                {dataset.source, 0, {}},
                                std::string("no records (") +
                                    (several ? "the files have " : "the file has ") + what +
                                    " and no rows" + (needed ? ")" : "): none are shown")});
        }
        const auto [it, inserted] = by_role.emplace(*role, d);
        if (!inserted) {
            const std::string difference = column_difference(dataset, datasets[it->second]);
            findings.push_back({Severity::Error,
                                {dataset.source, 0, {}},
                                std::string("holds ") + role_name(*role) + " as " +
                                    datasets[it->second].source + " does, with other columns" +
                                    (difference.empty() ? "" : " (" + difference + ")")});
        }
    }
    const auto dataset_of = [&](Role role) -> RawTable* {
        const auto it = by_role.find(role);
        return it == by_role.end() ? nullptr : &datasets[it->second];
    };
    RawTable* subjects = dataset_of(Role::Subjects);
    RawTable* plain = dataset_of(Role::OneRowPerSubject);
    if (subjects != nullptr && plain != nullptr) {
        findings.push_back({Severity::Error,
                            {plain->source, 0, {}},
                            "a one-row-per-patient file next to the subject-level file " +
                                subjects->source + ": load one of them"});
    } else if (subjects == nullptr && plain == nullptr && !datasets.empty() && !read_failed) {
        std::string sources;
        for (const RawTable& dataset : datasets) {
            sources += (sources.empty() ? "" : ", ") + dataset.source;
        }
        findings.push_back({Severity::Error,
                            {},
                            "no subject-level table (ADSL with USUBJID and a treatment column) "
                            "among " +
                                sources});
    }
    if (has_errors(findings)) {
        return result;
    }
    if (plain != nullptr) {
        ensure_subject_id(*plain);
        subjects = plain;
    }

    check_cancelled();

    // 4. Validate, then build.
    StudyTables tables;
    tables.subjects = subjects;
    tables.time_to_event = plain != nullptr ? plain : dataset_of(Role::TimeToEvent);
    tables.adverse_events = dataset_of(Role::AdverseEvents);
    tables.responses = dataset_of(Role::Responses);
    tables.tumour = dataset_of(Role::Tumour);
    tables.tumour_param = options.tumour_param;
    tables.endpoint = endpoint;
    tables.one_row_per_subject = plain != nullptr;
    std::vector<Finding> validation;
    if (options.exclude_invalid_rows) {
        InvalidRows invalid;
        for (std::size_t d = 0; d < datasets.size(); ++d) {
            invalid[&datasets[d]] = text_in_numbers[d];
        }
        validation =
            validate_excluding_invalid_rows(tables, datasets, invalid, result.excluded_rows);
    } else {
        validation = validate_study_tables(tables);
    }
    for (auto& finding : validation) {
        findings.push_back(std::move(finding));
    }
    if (has_errors(findings)) {
        return result;
    }

    // The datasets are not needed after this: they move into the build.
    std::vector<RawTable> build;
    std::vector<DatasetRole> roles;
    const bool default_endpoint = endpoint.time == "AVAL" && endpoint.event.empty() &&
                                  endpoint.censor == "CNSR" && endpoint.status.empty();
    std::optional<RawTable> time_to_event;
    if (plain != nullptr || (tables.time_to_event != nullptr && !default_endpoint)) {
        time_to_event =
            time_to_event_table(*tables.time_to_event, endpoint, causes.column, plain != nullptr);
    } else if (tables.time_to_event != nullptr) {
        time_to_event = std::move(*dataset_of(Role::TimeToEvent));
    }
    if (tables.adverse_events != nullptr) {
        const auto keep = rows_of_known_subjects(*tables.adverse_events, *subjects);
        if (!std::all_of(keep.begin(), keep.end(), [](bool k) { return k; })) {
            *dataset_of(Role::AdverseEvents) = rows_kept(*tables.adverse_events, keep);
        }
    }
    build.push_back(std::move(*subjects));
    roles.push_back(DatasetRole::SubjectLevel);
    if (time_to_event) {
        build.push_back(std::move(*time_to_event));
        roles.push_back(DatasetRole::TimeToEvent);
    }
    if (RawTable* adae = dataset_of(Role::AdverseEvents)) {
        build.push_back(std::move(*adae));
        roles.push_back(DatasetRole::AdverseEvents);
    }
    if (RawTable* adrs = dataset_of(Role::Responses)) {
        build.push_back(std::move(*adrs));
        roles.push_back(DatasetRole::Responses);
    }
    if (RawTable* adtr = dataset_of(Role::Tumour)) {
        build.push_back(std::move(*adtr));
        roles.push_back(DatasetRole::TumourMeasurements);
    }
    try {
        Study study =
            build_study(build, roles, study_name(files, options), causes, options.tumour_param);
        study.sources.clear();
        for (const auto& file : files) {
            study.sources.push_back(file.string());
        }
        result.study = std::move(study);
    } catch (const DataError& error) {
        add_error(findings, error);
    }
    return result;
}

} // namespace

StudyLoad load_study(const std::vector<fs::path>& paths, const LoadOptions& options,
                     const LoadProgress& progress) {
    try {
        return load_study_in_memory(paths, options, progress);
    } catch (const std::bad_alloc&) {
        // Past reading (typing, stacking, building): name the largest file.
        std::uint64_t total = 0;
        std::uint64_t largest_size = 0;
        fs::path largest;
        for (const auto& path : paths) {
            std::error_code error;
            const auto files =
                fs::is_directory(path, error) ? data_files_in(path) : std::vector<fs::path>{path};
            for (const auto& file : files) {
                const std::uintmax_t size = fs::file_size(file, error);
                if (error) {
                    continue;
                }
                total += size;
                if (size >= largest_size) {
                    largest_size = size;
                    largest = file;
                }
            }
        }
        StudyLoad result;
        result.findings.push_back(
            {Severity::Error, {largest.string(), 0, {}}, too_large_to_load(memory_to_read(total))});
        return result;
    }
}

} // namespace triallens
