#include "document/saved_analysis.h"

#include "document/filter_expression.h"

#include <triallens/analysis/time_unit.h>
#include <triallens/io/load_study.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace triallens::ui {

namespace {

// ---- writing ----

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

QJsonArray string_array(const std::vector<std::string>& values) {
    QJsonArray array;
    for (const auto& value : values) {
        array.append(q(value));
    }
    return array;
}

template <typename Set> QJsonArray string_array_of_set(const Set& values) {
    QJsonArray array;
    for (const auto& value : values) {
        array.append(q(value));
    }
    return array;
}

// JSON has no infinity: an unbounded end is null.
QJsonValue bound(double value) {
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject spec_json(const AnalysisSpec& spec) {
    QJsonObject object;
    object["paramcd"] = q(spec.paramcd);
    object["arm_variable"] = q(spec.arm_variable);
    object["reference_arm"] = q(spec.reference_arm);
    object["compare_arm"] = q(spec.compare_arm);
    object["filter"] = q(spec.filter);
    object["strata"] = string_array(spec.strata);
    object["subgroups"] = string_array(spec.subgroups);
    object["covariates"] = string_array(spec.covariates);
    object["conf_type"] = QString::fromLatin1(conf_type_name(spec.km.conf_type));
    object["conf_level"] = spec.km.conf_level;
    QJsonArray landmarks;
    for (double time : spec.landmarks) {
        landmarks.append(time);
    }
    object["landmarks"] = landmarks;
    object["tau"] = spec.tau ? QJsonValue(*spec.tau) : QJsonValue(QJsonValue::Null);
    object["ties"] = QString::fromLatin1(ties_name(spec.ties));
    object["time_unit"] = q(spec.time_unit);
    object["curves_by"] = q(spec.curves_by);
    const auto tests_json = [](const std::vector<FhWeight>& tests) {
        QJsonArray array;
        for (const FhWeight& weight : tests) {
            array.append(QJsonObject{{"rho", weight.rho}, {"gamma", weight.gamma}});
        }
        return array;
    };
    object["fh_tests"] = tests_json(spec.fh_tests);
    object["maxcombo"] =
        spec.maxcombo ? QJsonValue(tests_json(*spec.maxcombo)) : QJsonValue(QJsonValue::Null);
    QJsonArray cuts;
    for (double cut : spec.hr_cuts) {
        cuts.append(cut);
    }
    object["hr_cuts"] = cuts;
    object["from"] = spec.from ? QJsonValue(*spec.from) : QJsonValue(QJsonValue::Null);
    // null: no competing risks; "": the most frequent cause; else that cause.
    object["cause_of_interest"] = spec.cause_of_interest
                                      ? QJsonValue(QString::fromStdString(*spec.cause_of_interest))
                                      : QJsonValue(QJsonValue::Null);
    return object;
}

// No focus is written as empty names, as version 1 has always written it.
QJsonObject focus_json(const std::optional<SubgroupFocus>& focus) {
    return QJsonObject{{"variable", focus ? QString::fromStdString(focus->variable) : QString()},
                       {"level", focus ? QString::fromStdString(focus->level) : QString()}};
}

QJsonObject filters_json(const FilterState& filters) {
    QJsonObject levels;
    for (const auto& [variable, selection] : filters.levels) {
        levels[q(variable)] = QJsonObject{{"excluded", string_array_of_set(selection.excluded)},
                                          {"exclude_missing", selection.exclude_missing}};
    }
    QJsonObject ranges;
    for (const auto& [variable, range] : filters.ranges) {
        ranges[q(variable)] = QJsonObject{{"low", bound(range.low)},
                                          {"high", bound(range.high)},
                                          {"exclude_missing", range.exclude_missing}};
    }
    return QJsonObject{{"populations", string_array_of_set(filters.populations)},
                       {"levels", levels},
                       {"ranges", ranges}};
}

QJsonObject km_figure_json(const KmFigureOptions& km) {
    const auto time = [](const std::optional<double>& value) {
        return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{"ci_bands", km.ci_bands},
                       {"median_lines", km.median_lines},
                       {"censor_marks", km.censor_marks},
                       {"at_risk_row", km.at_risk_row},
                       {"censored_row", km.censored_row},
                       {"events_row", km.events_row},
                       {"x_limit", time(km.x_limit)},
                       {"break_by", time(km.break_by)},
                       {"x_label", km.x_label},
                       {"y_label", km.y_label},
                       {"y_scale", km_y_scale_name(km.y_scale)},
                       {"percent", km.percent},
                       {"risk_table", km_risk_table_name(km.risk_table)}};
}

QJsonObject file_json(const SavedFile& file) {
    QJsonArray data;
    for (const FileDigest& digest : file.data) {
        data.append(QJsonObject{{"name", digest.name},
                                {"size", static_cast<double>(digest.size)},
                                {"sha256", digest.sha256}});
    }
    return QJsonObject{{"path", file.path}, {"folder", file.folder}, {"data", data}};
}

// ---- reading: each accessor throws a message naming the key's path ----

struct BadDocument : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const QString& where, const QString& what) {
    throw BadDocument((where + ": " + what).toStdString());
}

QJsonValue member(const QJsonObject& object, const QString& key, const QString& where) {
    if (!object.contains(key)) {
        fail(where + "." + key, QStringLiteral("missing"));
    }
    return object.value(key);
}

// The member `key`, which `is` must hold true of (else "expected …"),
// converted by `as`.
template <typename As>
auto member_as(const QJsonObject& object, const QString& key, const QString& where,
               bool (QJsonValue::*is)() const, const char* expected, As as) {
    const QJsonValue value = member(object, key, where);
    if (!(value.*is)()) {
        fail(where + "." + key, QStringLiteral("expected ") + QLatin1String(expected));
    }
    return as(value);
}

QJsonObject object_at(const QJsonObject& object, const QString& key, const QString& where) {
    return member_as(object, key, where, &QJsonValue::isObject, "an object",
                     [](const QJsonValue& value) { return value.toObject(); });
}

QJsonArray array_at(const QJsonObject& object, const QString& key, const QString& where) {
    return member_as(object, key, where, &QJsonValue::isArray, "a list",
                     [](const QJsonValue& value) { return value.toArray(); });
}

QString string_at(const QJsonObject& object, const QString& key, const QString& where) {
    return member_as(object, key, where, &QJsonValue::isString, "a string",
                     [](const QJsonValue& value) { return value.toString(); });
}

bool bool_at(const QJsonObject& object, const QString& key, const QString& where) {
    return member_as(object, key, where, &QJsonValue::isBool, "true or false",
                     [](const QJsonValue& value) { return value.toBool(); });
}

double number(const QJsonValue& value, const QString& where) {
    if (!value.isDouble()) {
        fail(where, QStringLiteral("expected a number"));
    }
    const double x = value.toDouble();
    if (!std::isfinite(x)) {
        fail(where, QStringLiteral("expected a finite number"));
    }
    return x;
}

// Cell-like text quoted in a message: at most 80 characters, then an ellipsis.
QString elided(const QString& text) {
    constexpr qsizetype longest = 80;
    return text.size() <= longest ? text : text.left(longest) + QChar(0x2026);
}

bool is_plain_file_name(const QString& name) {
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..")) {
        return false;
    }
    return std::none_of(name.begin(), name.end(), [](QChar c) {
        return c == u'/' || c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f;
    });
}

bool is_sha256_hex(const QString& text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

double number_at(const QJsonObject& object, const QString& key, const QString& where) {
    return number(member(object, key, where), where + "." + key);
}

// The shortest text that reads back as `x` ("1e+300", "1.5").
QString shortest(double x) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    return QString::fromLatin1(buffer.data(), result.ptr - buffer.data());
}

// A whole number in [low, high]: 1.5, 1e300 and "1" are refused by name.
double whole_number_at(const QJsonObject& object, const QString& key, const QString& where,
                       double low, double high) {
    const double x = number_at(object, key, where);
    if (x != std::floor(x) || x < low || x > high) {
        fail(where + "." + key, QStringLiteral("%1 is not a whole number from %2 to %3")
                                    .arg(shortest(x), shortest(low), shortest(high)));
    }
    return x;
}

// A number, or null for "none".
std::optional<double> optional_number_at(const QJsonObject& object, const QString& key,
                                         const QString& where) {
    const QJsonValue value = member(object, key, where);
    if (value.isNull()) {
        return std::nullopt;
    }
    return number(value, where + "." + key);
}

std::vector<std::string> strings_at(const QJsonObject& object, const QString& key,
                                    const QString& where) {
    std::vector<std::string> strings;
    const QJsonArray array = array_at(object, key, where);
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isString()) {
            fail(QStringLiteral("%1.%2[%3]").arg(where, key).arg(i),
                 QStringLiteral("expected a string"));
        }
        strings.push_back(array[i].toString().toStdString());
    }
    return strings;
}

std::set<std::string> string_set_at(const QJsonObject& object, const QString& key,
                                    const QString& where) {
    const auto strings = strings_at(object, key, where);
    return {strings.begin(), strings.end()};
}

AnalysisSpec spec_from(const QJsonObject& object, const QString& where) {
    AnalysisSpec spec;
    spec.paramcd = string_at(object, "paramcd", where).toStdString();
    spec.arm_variable = string_at(object, "arm_variable", where).toStdString();
    spec.reference_arm = string_at(object, "reference_arm", where).toStdString();
    spec.compare_arm = string_at(object, "compare_arm", where).toStdString();
    spec.filter = string_at(object, "filter", where).toStdString();
    spec.strata = strings_at(object, "strata", where);
    spec.subgroups = strings_at(object, "subgroups", where);
    spec.covariates = strings_at(object, "covariates", where);
    const QString conf_type = string_at(object, "conf_type", where);
    const auto type = conf_type_from_name(conf_type.toStdString());
    if (!type) {
        fail(where + ".conf_type",
             QStringLiteral("\"%1\" is not log, log-log or plain").arg(conf_type));
    }
    spec.km.conf_type = *type;
    spec.km.conf_level = number_at(object, "conf_level", where);
    if (!(spec.km.conf_level > 0 && spec.km.conf_level < 1)) {
        fail(where + ".conf_level",
             QStringLiteral("%1 does not lie strictly between 0 and 1").arg(spec.km.conf_level));
    }
    const QJsonArray landmarks = array_at(object, "landmarks", where);
    for (qsizetype i = 0; i < landmarks.size(); ++i) {
        spec.landmarks.push_back(
            number(landmarks[i], QStringLiteral("%1.landmarks[%2]").arg(where).arg(i)));
    }
    spec.tau = optional_number_at(object, "tau", where);
    const QString ties = string_at(object, "ties", where);
    const auto method = ties_from_name(ties.toStdString());
    if (!method) {
        fail(where + ".ties", QStringLiteral("\"%1\" is not efron, breslow or exact").arg(ties));
    }
    spec.ties = *method;
    spec.time_unit = string_at(object, "time_unit", where).toStdString();
    if (!spec.time_unit.empty() && !time_unit_from_name(spec.time_unit)) {
        fail(where + ".time_unit", QStringLiteral("\"%1\" is not days, weeks, months or years")
                                       .arg(elided(QString::fromStdString(spec.time_unit))));
    }
    spec.curves_by = string_at(object, "curves_by", where).toStdString();
    // The delayed-effects keys are absent in older files: none of them ran.
    const auto tests_at = [&](const QString& key) {
        std::vector<FhWeight> tests;
        const QJsonArray array = array_at(object, key, where);
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString at = QStringLiteral("%1.%2[%3]").arg(where, key).arg(i);
            if (!array[i].isObject()) {
                fail(at, QStringLiteral("expected an object"));
            }
            const FhWeight weight{number_at(array[i].toObject(), "rho", at),
                                  number_at(array[i].toObject(), "gamma", at)};
            if (weight.rho < 0 || weight.gamma < 0) {
                fail(at, QStringLiteral("rho and gamma must not be negative"));
            }
            tests.push_back(weight);
        }
        return tests;
    };
    if (object.contains("fh_tests")) {
        spec.fh_tests = tests_at("fh_tests");
    }
    if (object.contains("maxcombo") && !object.value("maxcombo").isNull()) {
        spec.maxcombo = tests_at("maxcombo");
    }
    if (object.contains("hr_cuts")) {
        const QJsonArray cuts = array_at(object, "hr_cuts", where);
        for (qsizetype i = 0; i < cuts.size(); ++i) {
            spec.hr_cuts.push_back(
                number(cuts[i], QStringLiteral("%1.hr_cuts[%2]").arg(where).arg(i)));
        }
    }
    if (object.contains("from")) {
        spec.from = optional_number_at(object, "from", where);
    }
    if (object.contains("cause_of_interest") && !object.value("cause_of_interest").isNull()) {
        spec.cause_of_interest = string_at(object, "cause_of_interest", where).toStdString();
    }
    return spec;
}

FilterState filters_from(const QJsonObject& object, const QString& where) {
    FilterState filters;
    filters.populations = string_set_at(object, "populations", where);
    const QJsonObject levels = object_at(object, "levels", where);
    for (auto it = levels.begin(); it != levels.end(); ++it) {
        const QString at = where + ".levels." + it.key();
        if (!it->isObject()) {
            fail(at, QStringLiteral("expected an object"));
        }
        const QJsonObject level = it->toObject();
        LevelSelection selection;
        selection.excluded = string_set_at(level, "excluded", at);
        selection.exclude_missing = bool_at(level, "exclude_missing", at);
        filters.levels[it.key().toStdString()] = selection;
    }
    const QJsonObject ranges = object_at(object, "ranges", where);
    for (auto it = ranges.begin(); it != ranges.end(); ++it) {
        const QString at = where + ".ranges." + it.key();
        if (!it->isObject()) {
            fail(at, QStringLiteral("expected an object"));
        }
        const QJsonObject range = it->toObject();
        RangeSelection selection;
        selection.low =
            optional_number_at(range, "low", at).value_or(-std::numeric_limits<double>::infinity());
        selection.high =
            optional_number_at(range, "high", at).value_or(std::numeric_limits<double>::infinity());
        selection.exclude_missing = bool_at(range, "exclude_missing", at);
        filters.ranges[it.key().toStdString()] = selection;
    }
    return filters;
}

// A choice by its one spelling (km_figure_options.h), else "\"x\" is not a or b".
template <typename Choice, std::size_t N>
Choice choice_at(const QJsonObject& object, const QString& key, const QString& where,
                 std::optional<Choice> (*parse)(QStringView), QString (*name)(Choice),
                 const std::array<Choice, N>& choices) {
    const QString text = string_at(object, key, where);
    if (const auto choice = parse(text)) {
        return *choice;
    }
    QStringList names;
    for (const Choice choice : choices) {
        names << name(choice);
    }
    fail(where + "." + key,
         QStringLiteral("\"%1\" is not %2 or %3")
             .arg(elided(text), names.mid(0, names.size() - 1).join(", "), names.back()));
}

KmFigureOptions km_figure_from(const QJsonObject& object, const QString& where) {
    KmFigureOptions km;
    km.ci_bands = bool_at(object, "ci_bands", where);
    km.median_lines = bool_at(object, "median_lines", where);
    km.censor_marks = bool_at(object, "censor_marks", where);
    km.at_risk_row = bool_at(object, "at_risk_row", where);
    km.censored_row = bool_at(object, "censored_row", where);
    km.events_row = bool_at(object, "events_row", where);
    km.x_limit = optional_number_at(object, "x_limit", where);
    km.break_by = optional_number_at(object, "break_by", where);
    km.x_label = string_at(object, "x_label", where);
    km.y_label = string_at(object, "y_label", where);
    km.y_scale = choice_at(object, "y_scale", where, &parse_km_y_scale, &km_y_scale_name,
                           std::array{KmYScale::Survival, KmYScale::Cumulative});
    km.percent = bool_at(object, "percent", where);
    km.risk_table = choice_at(
        object, "risk_table", where, &parse_km_risk_table, &km_risk_table_name,
        std::array{KmRiskTable::AtRisk, KmRiskTable::AtRiskEvents, KmRiskTable::Kmunicate});
    if (const auto problem = km_options_problem(km)) {
        fail(where, *problem);
    }
    return km;
}

SavedFile file_from(const QJsonObject& object, const QString& where, const QString& folder) {
    SavedFile file;
    file.path = string_at(object, "path", where);
    if (file.path.isEmpty() || file.path.contains(QChar(0))) {
        fail(where + ".path", QStringLiteral("expected a file or folder path"));
    }
    if (!folder.isEmpty() && QDir::isRelativePath(file.path)) {
        file.path = QDir::cleanPath(QDir(folder).absoluteFilePath(file.path));
    }
    file.folder = bool_at(object, "folder", where);
    const QJsonArray data = array_at(object, "data", where);
    if (!file.folder && data.size() != 1) {
        fail(where + ".data", QStringLiteral("a file has one digest, not %1").arg(data.size()));
    }
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QString at = QStringLiteral("%1.data[%2]").arg(where).arg(i);
        if (!data[i].isObject()) {
            fail(at, QStringLiteral("expected an object"));
        }
        const QJsonObject entry = data[i].toObject();
        const QString name = string_at(entry, "name", at);
        if (!is_plain_file_name(name)) {
            fail(at + ".name", QStringLiteral("\"%1\" is not a plain file name").arg(elided(name)));
        }
        // JSON numbers are doubles: sizes are exact up to 2^53 bytes.
        const auto size =
            static_cast<qint64>(whole_number_at(entry, "size", at, 0, 9007199254740992.0));
        const QString sha256 = string_at(entry, "sha256", at);
        if (!is_sha256_hex(sha256)) {
            fail(at + ".sha256", QStringLiteral("expected 64 lowercase hex digits"));
        }
        file.data.push_back({name, size, sha256});
    }
    return file;
}

// ---- hashing ----

QStringList data_files_of(const QString& folder) {
    QStringList files;
    for (const auto& file : data_files_in(std::filesystem::path(folder.toStdString()))) {
        files << QString::fromStdString(file.string());
    }
    return files;
}

// What differs between a saved digest and the file now, for a person.
QString difference(const FileDigest& saved, const FileDigest& now) {
    if (saved.size != now.size) {
        return QStringLiteral("%1: size %2 → %3 bytes")
            .arg(saved.name)
            .arg(saved.size)
            .arg(now.size);
    }
    return QStringLiteral("%1: content differs (same size)").arg(saved.name);
}

} // namespace

QStringList SavedAnalysis::paths() const {
    QStringList paths;
    for (const SavedFile& file : files) {
        paths << file.path;
    }
    return paths;
}

std::vector<PublishedFolder> SavedAnalysis::publishedFolders() const {
    std::vector<PublishedFolder> folders;
    for (const SavedPublished& saved : published) {
        folders.push_back({saved.folder.path, saved.endpoint, saved.arm_variable});
    }
    return folders;
}

std::vector<SavedFile> SavedAnalysis::everyFile() const {
    std::vector<SavedFile> every = files;
    for (const SavedPublished& saved : published) {
        every.push_back(saved.folder);
    }
    return every;
}

SavedFile& SavedAnalysis::everyFile(std::size_t index) {
    return index < files.size() ? files[index] : published.at(index - files.size()).folder;
}

bool is_saved_analysis(const QString& path) {
    return path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
}

QByteArray to_json(const SavedAnalysis& analysis) {
    QJsonArray files;
    for (const SavedFile& file : analysis.files) {
        files.append(file_json(file));
    }
    QJsonObject document{
        {"schema", QString::fromLatin1(saved_analysis_schema)},
        {"version", analysis.version},
        {"demo", analysis.demo},
        {"files", files},
        {"state",
         QJsonObject{{"spec", spec_json(analysis.state.spec)},
                     {"filters", filters_json(analysis.state.filters)},
                     {"adverse_events",
                      QJsonObject{{"treatment_emergent_only",
                                   analysis.state.adverse_events.treatment_emergent_only},
                                  {"related_only", analysis.state.adverse_events.related_only},
                                  {"serious_only", analysis.state.adverse_events.serious_only}}},
                     {"baseline",
                      QJsonObject{{"variables", string_array(analysis.state.baseline.variables)},
                                  {"quantile_type", analysis.state.baseline.quantile_type},
                                  {"p_values", analysis.state.baseline.p_values}}}}},
        {"focus", focus_json(analysis.state.focus)},
        {"tab", analysis.current_tab},
        {"km_figure", km_figure_json(analysis.km_figure)},
    };
    // Written only when there are some: an analysis without published arms
    // reads the same in a TrialLens that knows nothing of them.
    if (!analysis.published.empty()) {
        QJsonArray published;
        for (const SavedPublished& saved : analysis.published) {
            QJsonObject entry = file_json(saved.folder);
            entry.insert("endpoint", QString::fromStdString(saved.endpoint));
            entry.insert("arm_variable", QString::fromStdString(saved.arm_variable));
            published.append(entry);
        }
        document.insert("published", published);
    }
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

std::optional<SavedAnalysis> from_json(const QByteArray& json, QString* error,
                                       const QString& folder) {
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        if (error) {
            *error = QStringLiteral("not valid JSON: %1 at character %2")
                         .arg(parse.errorString())
                         .arg(parse.offset);
        }
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error) {
            *error = QStringLiteral("not a saved analysis: the document is not a JSON object");
        }
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const QString top = QStringLiteral("analysis");
    try {
        const QString schema = string_at(root, "schema", top);
        if (schema != QLatin1String(saved_analysis_schema)) {
            fail(top + ".schema", QStringLiteral("\"%1\" is not a saved analysis (expected \"%2\")")
                                      .arg(schema, QLatin1String(saved_analysis_schema)));
        }
        SavedAnalysis analysis;
        const double version = number_at(root, "version", top);
        if (version != std::floor(version) || version < 1) {
            fail(top + ".version", QStringLiteral("%1 is not a version (a whole number from 1)")
                                       .arg(shortest(version)));
        }
        if (version > SavedAnalysis::current_version) {
            fail(top + ".version",
                 QStringLiteral("%1 is not a version this TrialLens knows (it reads up to %2; a "
                                "newer TrialLens may read it)")
                     .arg(shortest(version))
                     .arg(SavedAnalysis::current_version));
        }
        analysis.version = static_cast<int>(version);
        analysis.demo = bool_at(root, "demo", top);
        const QJsonArray files = array_at(root, "files", top);
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QString at = QStringLiteral("%1.files[%2]").arg(top).arg(i);
            if (!files[i].isObject()) {
                fail(at, QStringLiteral("expected an object"));
            }
            analysis.files.push_back(file_from(files[i].toObject(), at, folder));
        }
        if (!analysis.demo && analysis.files.empty()) {
            fail(top + ".files", QStringLiteral("no data files (and not the demo)"));
        }
        if (analysis.demo && !analysis.files.empty()) {
            fail(top + ".files", QStringLiteral("the demo has no data files"));
        }
        if (root.contains(QStringLiteral("published"))) {
            const QJsonArray published = array_at(root, "published", top);
            for (qsizetype i = 0; i < published.size(); ++i) {
                const QString at = QStringLiteral("%1.published[%2]").arg(top).arg(i);
                if (!published[i].isObject()) {
                    fail(at, QStringLiteral("expected an object"));
                }
                const QJsonObject entry = published[i].toObject();
                SavedPublished saved{file_from(entry, at, folder),
                                     string_at(entry, "endpoint", at).toStdString(),
                                     string_at(entry, "arm_variable", at).toStdString()};
                if (!saved.folder.folder) {
                    fail(at + ".folder",
                         QStringLiteral("published arms are a folder (reconstruct --out's)"));
                }
                analysis.published.push_back(std::move(saved));
            }
        }
        const QJsonObject state = object_at(root, "state", top);
        analysis.state.spec =
            spec_from(object_at(state, "spec", top + ".state"), top + ".state.spec");
        analysis.state.filters =
            filters_from(object_at(state, "filters", top + ".state"), top + ".state.filters");
        // Written since the AE toggles joined the state; absent = none set.
        if (state.contains(QStringLiteral("adverse_events"))) {
            const QString at = top + ".state.adverse_events";
            const QJsonObject ae = object_at(state, "adverse_events", top + ".state");
            analysis.state.adverse_events.treatment_emergent_only =
                bool_at(ae, "treatment_emergent_only", at);
            analysis.state.adverse_events.related_only = bool_at(ae, "related_only", at);
            analysis.state.adverse_events.serious_only = bool_at(ae, "serious_only", at);
        }
        // Written since Table 1 joined the state; absent = its defaults.
        if (state.contains(QStringLiteral("baseline"))) {
            const QString at = top + ".state.baseline";
            const QJsonObject baseline = object_at(state, "baseline", top + ".state");
            analysis.state.baseline.variables = strings_at(baseline, "variables", at);
            if (analysis.state.baseline.variables.size() > max_baseline_variables) {
                fail(at + ".variables",
                     QStringLiteral("more than %1 variables").arg(max_baseline_variables));
            }
            const double type = whole_number_at(baseline, "quantile_type", at, 2, 7);
            if (type != 2 && type != 7) {
                fail(at + ".quantile_type", QStringLiteral("%1 is not 2 or 7").arg(type));
            }
            analysis.state.baseline.quantile_type = static_cast<int>(type);
            analysis.state.baseline.p_values = bool_at(baseline, "p_values", at);
        }
        const QJsonObject focus = object_at(root, "focus", top);
        const QString variable = string_at(focus, "variable", top + ".focus");
        const QString level = string_at(focus, "level", top + ".focus");
        if (!variable.isEmpty()) {
            analysis.state.focus = SubgroupFocus{variable.toStdString(), level.toStdString()};
        }
        analysis.current_tab = string_at(root, "tab", top);
        // Written since the KM figure's choices were saved; absent = the defaults.
        if (root.contains(QStringLiteral("km_figure"))) {
            analysis.km_figure =
                km_figure_from(object_at(root, "km_figure", top), top + ".km_figure");
        }
        return analysis;
    } catch (const BadDocument& bad) {
        if (error) {
            *error = QString::fromStdString(bad.what());
        }
        return std::nullopt;
    }
}

std::optional<SavedAnalysis> read_saved_analysis(const QString& file, QString* error) {
    const auto refuse = [&](const QString& why) {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    if (const auto why = not_a_regular_file(file)) {
        return refuse(*why);
    }
    const QFileInfo info(file);
    if (info.size() > largest_saved_analysis) {
        return refuse(QStringLiteral("%1 bytes is too large for a saved analysis (at most %2)")
                          .arg(info.size())
                          .arg(largest_saved_analysis));
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        return refuse(in.errorString());
    }
    // Read no more than the cap, even if the file grew since the stat.
    const QByteArray json = in.read(largest_saved_analysis + 1);
    if (json.size() > largest_saved_analysis) {
        return refuse(QStringLiteral("too large for a saved analysis (at most %1 bytes)")
                          .arg(largest_saved_analysis));
    }
    return from_json(json, error, info.absolutePath());
}

std::optional<QString> check_against_study(const SavedAnalysis& analysis, const Study& study) {
    const QString saved = QString::fromStdString(analysis.state.spec.filter);
    const QString dock = QString::fromStdString(filter_expression(analysis.state.filters, study));
    if (saved == dock) {
        return std::nullopt;
    }
    const auto shown = [](const QString& filter) {
        return filter.isEmpty() ? QStringLiteral("no filter")
                                : QStringLiteral("\"%1\"").arg(elided(filter));
    };
    return QStringLiteral("analysis.state.spec.filter: %1 is not the filter the saved Filters "
                          "choices give on this study (%2)")
        .arg(shown(saved), shown(dock));
}

std::optional<std::vector<SavedFile>> hash_files(const QStringList& paths, QString* error,
                                                 const HashProgress& progress) {
    std::vector<SavedFile> saved;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        SavedFile file{info.absoluteFilePath(), info.isDir(), {}};
        const QStringList contents = file.folder ? data_files_of(file.path) : QStringList{path};
        for (const QString& data_file : contents) {
            QString why;
            auto digest = digest_file(data_file, &why, progress);
            if (!digest) {
                if (error) {
                    *error = QStringLiteral("%1: %2").arg(data_file, why);
                }
                return std::nullopt;
            }
            file.data.push_back(std::move(*digest));
        }
        saved.push_back(std::move(file));
    }
    return saved;
}

FileCheck verify_file(const SavedFile& saved, const QString& path, const HashProgress& progress) {
    FileCheck check{path, FileStatus::Ok, {}};
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink()) {
        check.status = FileStatus::Missing;
        check.detail = QStringLiteral("not found");
        return check;
    }
    if (info.isDir() != saved.folder) {
        check.status = FileStatus::Refused;
        check.detail =
            saved.folder ? QStringLiteral("not a folder any more") : QStringLiteral("now a folder");
        return check;
    }
    QStringList differences;
    if (saved.folder) {
        const QStringList now = data_files_of(path);
        QStringList names;
        for (const QString& file : now) {
            names << QFileInfo(file).fileName();
        }
        QStringList saved_names;
        for (const FileDigest& digest : saved.data) {
            saved_names << digest.name;
            if (!names.contains(digest.name)) {
                differences << QStringLiteral("%1 removed").arg(digest.name);
            }
        }
        for (const QString& name : names) {
            if (!saved_names.contains(name)) {
                differences << QStringLiteral("%1 added").arg(name);
            }
        }
        for (const FileDigest& digest : saved.data) {
            if (!names.contains(digest.name)) {
                continue;
            }
            QString why;
            const auto current = digest_file(QDir(path).filePath(digest.name), &why, progress);
            if (!current) {
                differences << QStringLiteral("%1 %2").arg(digest.name, why);
            } else if (current->size != digest.size || current->sha256 != digest.sha256) {
                differences << difference(digest, *current);
            }
        }
    } else {
        QString why;
        const auto current = digest_file(path, &why, progress);
        if (!current) {
            check.status = FileStatus::Refused;
            check.detail = why;
            return check;
        }
        if (saved.data.empty()) {
            differences << QStringLiteral("no saved digest");
        } else if (current->size != saved.data.front().size ||
                   current->sha256 != saved.data.front().sha256) {
            FileDigest was = saved.data.front();
            was.name = current->name;
            differences << difference(was, *current);
        }
    }
    if (!differences.isEmpty()) {
        check.status = FileStatus::Changed;
        check.detail = differences.join(QStringLiteral("; "));
    }
    return check;
}

std::vector<FileCheck> verify_files(const SavedAnalysis& analysis, const HashProgress& progress) {
    std::vector<FileCheck> checks;
    for (const SavedFile& file : analysis.everyFile()) {
        checks.push_back(verify_file(file, file.path, progress));
    }
    return checks;
}

namespace {

// Saturating: the sizes may come from a document.
qint64 add_bytes(qint64 bytes, qint64 more) {
    return more > std::numeric_limits<qint64>::max() - bytes ? std::numeric_limits<qint64>::max()
                                                             : bytes + std::max<qint64>(0, more);
}

} // namespace

qint64 saved_bytes(const SavedAnalysis& analysis) {
    qint64 bytes = 0;
    for (const SavedFile& file : analysis.everyFile()) {
        for (const FileDigest& digest : file.data) {
            bytes = add_bytes(bytes, digest.size);
        }
    }
    return bytes;
}

qint64 bytes_to_hash(const QStringList& paths) {
    qint64 bytes = 0;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        for (const QString& file : info.isDir() ? data_files_of(path) : QStringList{path}) {
            // Only regular files are read: a FIFO or device adds nothing.
            if (!not_a_regular_file(file)) {
                bytes = add_bytes(bytes, QFileInfo(file).size());
            }
        }
    }
    return bytes;
}

} // namespace triallens::ui
