#include "export/command_line_text.h"

#include <triallens/analysis/time_unit.h>

#include <QFont>
#include <QGuiApplication>
#include <QRegularExpression>

#include <array>
#include <charconv>

namespace triallens::ui {

namespace {

// The shortest text that reads back (std::from_chars, as the parser reads)
// to exactly `value`.
QString number_text(double value, std::chars_format format = std::chars_format::general) {
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, format);
    return QString::fromLatin1(buffer.data(), result.ptr - buffer.data());
}

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

QString joined(const std::vector<std::string>& items) {
    QStringList words;
    for (const std::string& item : items) {
        words << text(item);
    }
    return words.join(QLatin1Char(','));
}

// A length the --width/--height parser reads back to `points` exactly (it
// takes no exponent, so fixed notation): inches where they do, else points.
QString length_text(double points) {
    const QString inches =
        number_text(points / 72, std::chars_format::fixed) + QStringLiteral("in");
    if (parse_length_points(inches) == points) {
        return inches;
    }
    return number_text(points, std::chars_format::fixed) + QStringLiteral("pt");
}

void add(QStringList& arguments, const char* flag, const QString& value) {
    arguments << QString::fromLatin1(flag) << value;
}

void add_workspace(QStringList& arguments, const WorkspaceSpec& spec) {
    const AnalysisSpec& analysis = spec.analysis;
    const AnalysisSpec defaults;
    const auto add_text = [&arguments](const char* flag, const std::string& value) {
        if (!value.empty()) {
            add(arguments, flag, text(value));
        }
    };
    const auto add_list = [&arguments](const char* flag, const std::vector<std::string>& items) {
        if (!items.empty()) {
            add(arguments, flag, joined(items));
        }
    };
    add_text("--param", analysis.paramcd);
    add_text("--arm", analysis.arm_variable);
    add_text("--ref", analysis.reference_arm);
    add_text("--compare", analysis.compare_arm);
    add_text("--filter", analysis.filter);
    add_list("--strata", analysis.strata);
    add_list("--subgroups", analysis.subgroups);
    add_list("--covariates", analysis.covariates);
    if (analysis.km.conf_type != defaults.km.conf_type) {
        add(arguments, "--conf-type", QString::fromLatin1(conf_type_name(analysis.km.conf_type)));
    }
    if (analysis.km.conf_level != defaults.km.conf_level) {
        add(arguments, "--conf-level", number_text(analysis.km.conf_level));
    }
    if (!analysis.landmarks.empty()) {
        QStringList times;
        for (const double time : analysis.landmarks) {
            times << number_text(time);
        }
        add(arguments, "--landmarks", times.join(QLatin1Char(',')));
    }
    if (analysis.tau) {
        add(arguments, "--tau", number_text(*analysis.tau));
    }
    if (analysis.ties != defaults.ties) {
        add(arguments, "--ties", QString::fromLatin1(ties_name(analysis.ties)));
    }
    if (!analysis.time_unit.empty()) {
        // As the parser spells it ("month" is read as "months").
        const auto unit = time_unit_from_name(analysis.time_unit);
        add(arguments, "--time-unit",
            unit ? QString::fromLatin1(time_unit_name(*unit)) : text(analysis.time_unit));
    }
    add_text("--curves-by", analysis.curves_by);
    if (analysis.max_levels != defaults.max_levels) {
        add(arguments, "--max-levels", QString::number(analysis.max_levels));
    }
    if (spec.focus) {
        add(arguments, "--focus", text(spec.focus->variable + "=" + spec.focus->level));
    }
    if (spec.adverse_events.treatment_emergent_only) {
        arguments << QStringLiteral("--treatment-emergent");
    }
    if (spec.adverse_events.related_only) {
        arguments << QStringLiteral("--related");
    }
    if (spec.adverse_events.serious_only) {
        arguments << QStringLiteral("--serious");
    }
}

void add_files(QStringList& arguments, const QStringList& paths) {
    if (paths.isEmpty()) {
        arguments << QStringLiteral("demo");
    } else {
        arguments << paths;
    }
}

void add_size(QStringList& arguments, const FigureExportOptions& options) {
    const FigureExportOptions defaults;
    const bool forest = options.kind == FigureKind::Forest;
    // The command line's forest follows its rows exactly when no --height is given.
    const bool height_given = forest && !options.forest_height_follows_rows;
    for (const SizePreset& preset : figure_size_presets()) {
        if (preset.size_points.width() == options.size_points.width() &&
            (preset.size_points.height() == options.size_points.height() ||
             (forest && !height_given)) &&
            preset.font_size_pt == options.font_size_pt) {
            add(arguments, "--preset", preset.name);
            if (height_given) {
                add(arguments, "--height", length_text(options.size_points.height()));
            }
            return;
        }
    }
    if (options.size_points.width() != defaults.size_points.width()) {
        add(arguments, "--width", length_text(options.size_points.width()));
    }
    if (height_given ||
        (!forest && options.size_points.height() != defaults.size_points.height())) {
        add(arguments, "--height", length_text(options.size_points.height()));
    }
    if (options.font_size_pt != defaults.font_size_pt) {
        add(arguments, "--font-size", number_text(options.font_size_pt));
    }
}

} // namespace

QStringList analyze_arguments(const QStringList& paths, const WorkspaceSpec& spec) {
    QStringList arguments{QStringLiteral("analyze")};
    add_workspace(arguments, spec);
    add_files(arguments, paths);
    return arguments;
}

QStringList figure_export_arguments(const QStringList& paths, const WorkspaceSpec& spec,
                                    const FigureExportOptions& options, const QString& out) {
    const FigureExportOptions defaults;
    QStringList arguments{QStringLiteral("export"), QStringLiteral("--figure"),
                          options.kind == FigureKind::Forest ? QStringLiteral("forest")
                                                             : QStringLiteral("km")};
    add_workspace(arguments, spec);
    add_size(arguments, options);
    if (options.dpi != defaults.dpi) {
        add(arguments, "--dpi", QString::number(options.dpi));
    }
    if (options.palette == Palette::ColourBlindSafe) {
        add(arguments, "--palette", QStringLiteral("colour-blind"));
    } else if (options.palette == Palette::Grayscale) {
        add(arguments, "--palette", QStringLiteral("grayscale"));
    }
    if (!options.title.isEmpty()) {
        add(arguments, "--title", options.title);
    }
    if (options.methods_footnote) {
        arguments << QStringLiteral("--footnote");
    }
    add(arguments, "--out", out);
    add_files(arguments, paths);
    return arguments;
}

QStringList table_export_arguments(const QStringList& paths, const WorkspaceSpec& spec,
                                   TableKind kind, const QString& out) {
    static const char* const names[] = {"ae", "response", "summary", "landmarks", "forest"};
    QStringList arguments{QStringLiteral("export"), QStringLiteral("--figure"),
                          QString::fromLatin1(names[static_cast<int>(kind)])};
    add_workspace(arguments, spec);
    add(arguments, "--out", out);
    add_files(arguments, paths);
    return arguments;
}

QStringList unreproduced_choices(const FigureExportOptions& options) {
    QStringList choices;
    if (options.kind == FigureKind::KaplanMeier) {
        const KmFigureOptions defaults;
        const KmFigureOptions& km = options.km;
        const auto differs = [&choices](bool shown, bool by_default, const char* what) {
            if (shown != by_default) {
                choices << (shown ? QStringLiteral("with ") : QStringLiteral("without ")) +
                               QString::fromLatin1(what);
            }
        };
        differs(km.ci_bands, defaults.ci_bands, "CI bands");
        differs(km.median_lines, defaults.median_lines, "median lines");
        differs(km.censor_marks, defaults.censor_marks, "censoring marks");
        differs(km.at_risk_row, defaults.at_risk_row, "the number-at-risk row");
        differs(km.censored_row, defaults.censored_row, "the censored row");
        differs(km.events_row, defaults.events_row, "the cumulative events row");
    }
    // The command draws in the application font, as a window with no choice does.
    if (!options.font_family.isEmpty() && qGuiApp &&
        options.font_family != QGuiApplication::font().family()) {
        choices << QStringLiteral("the font %1").arg(options.font_family);
    }
    return choices;
}

QString shell_quoted(const QString& word) {
    static const QRegularExpression bare(QStringLiteral(R"(^[A-Za-z0-9_@%+=:,./-]+$)"));
    if (bare.match(word).hasMatch()) {
        return word;
    }
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral(R"('\'')"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString command_lines(const QStringList& arguments) {
    // The flags written above that take no value.
    static const QStringList switches{QStringLiteral("--treatment-emergent"),
                                      QStringLiteral("--related"), QStringLiteral("--serious"),
                                      QStringLiteral("--footnote")};
    QStringList lines{QStringLiteral("triallens")};
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString line = shell_quoted(arguments[i]);
        if (i == 0) {
            lines.back() += QLatin1Char(' ') + line;
            continue;
        }
        if (arguments[i].startsWith(QStringLiteral("--")) && !switches.contains(arguments[i]) &&
            i + 1 < arguments.size()) {
            line += QLatin1Char(' ') + shell_quoted(arguments[++i]);
        }
        lines << QStringLiteral("    ") + line;
    }
    return lines.join(QStringLiteral(" \\\n"));
}

QString command_text(const QStringList& arguments) {
    QStringList words{QStringLiteral("triallens")};
    for (const QString& argument : arguments) {
        words << shell_quoted(argument);
    }
    return words.join(QLatin1Char(' '));
}

} // namespace triallens::ui
