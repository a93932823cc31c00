#include "export/command_line_text.h"

#include <triallens/analysis/time_unit.h>
#include <triallens/stats/maxcombo.h>

#include <QFont>
#include <QFontInfo>
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
    // The delayed-effects methods: the command line runs none unless asked.
    const auto fh_list = [](const std::vector<FhWeight>& tests) {
        QStringList pairs;
        for (const FhWeight& weight : tests) {
            pairs << number_text(weight.rho) + QLatin1Char(',') + number_text(weight.gamma);
        }
        return pairs.join(QLatin1Char(';'));
    };
    if (!analysis.fh_tests.empty()) {
        add(arguments, "--fh", fh_list(analysis.fh_tests));
    }
    if (analysis.maxcombo) {
        // Always with its set, so a data file after the flag is never read as one.
        add(arguments, "--maxcombo",
            *analysis.maxcombo == maxcombo_default_tests()    ? QStringLiteral("default")
            : *analysis.maxcombo == maxcombo_simtrial_tests() ? QStringLiteral("simtrial")
                                                              : fh_list(*analysis.maxcombo));
    }
    if (!analysis.hr_cuts.empty()) {
        QStringList cuts;
        for (const double cut : analysis.hr_cuts) {
            cuts << number_text(cut);
        }
        add(arguments, "--cuts", cuts.join(QLatin1Char(',')));
    }
    if (analysis.from) {
        add(arguments, "--from", number_text(*analysis.from));
    }
    // Competing risks of the endpoint's EVNTDESC causes (the window reads no
    // other cause column): "" is the most frequent cause, where there are two.
    if (analysis.cause_of_interest) {
        if (analysis.cause_of_interest->empty()) {
            arguments << QStringLiteral("--competing-risks");
        } else {
            add(arguments, "--cause-of-interest", text(*analysis.cause_of_interest));
        }
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

// Table 1's choices (--vars, --quantile-type, --p-values): the baseline
// command's flags, and export's for the Baseline tab's tables and figure.
void add_baseline(QStringList& arguments, const WorkspaceSpec& spec) {
    const BaselineSpec baseline_defaults;
    if (!spec.baseline.variables.empty()) {
        add(arguments, "--vars", joined(spec.baseline.variables));
    }
    if (spec.baseline.quantile_type != baseline_defaults.quantile_type) {
        add(arguments, "--quantile-type", QString::number(spec.baseline.quantile_type));
    }
    if (spec.baseline.p_values) {
        arguments << QStringLiteral("--p-values");
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

// The KM figure's flags (app/cli/command_line.h KmFigureFlags): --style
// kmunicate when the options hold it, then each choice that differs from
// what the command starts from (the style's, else the defaults).
void add_km(QStringList& arguments, const KmFigureOptions& km) {
    const bool style = is_kmunicate_style(km);
    const KmFigureOptions base = style ? with_kmunicate_style({}) : KmFigureOptions{};
    if (style) {
        add(arguments, "--style", km_risk_table_name(KmRiskTable::Kmunicate));
    }
    const auto add_switch = [&arguments](bool value, bool from, const char* flag) {
        if (value != from) {
            arguments << QString::fromLatin1(flag);
        }
    };
    // Every switch turns its choice away from the defaults; the style's
    // choices are the defaults' turned the same way, so one flag a choice will do.
    add_switch(km.ci_bands, base.ci_bands, "--ci-bands");
    add_switch(km.median_lines, base.median_lines, "--no-median-lines");
    add_switch(km.censor_marks, base.censor_marks, "--no-censor-marks");
    add_switch(km.at_risk_row, base.at_risk_row, "--no-risk-table");
    add_switch(km.censored_row, base.censored_row, "--censored-row");
    add_switch(km.events_row, base.events_row, "--events-row");
    if (km.x_limit) {
        add(arguments, "--xlim", number_text(*km.x_limit));
    }
    if (km.break_by) {
        add(arguments, "--break-by", number_text(*km.break_by));
    }
    if (!km.x_label.isEmpty()) {
        add(arguments, "--xlabel", km.x_label);
    }
    if (!km.y_label.isEmpty()) {
        add(arguments, "--ylabel", km.y_label);
    }
    if (km.y_scale != base.y_scale) {
        add(arguments, "--y", km_y_scale_name(km.y_scale));
    }
    add_switch(km.percent, base.percent, "--percent");
    if (km.risk_table != base.risk_table) {
        add(arguments, "--risk-table", km_risk_table_name(km.risk_table));
    }
}

// The command draws in the application font (its real family, as
// figure_export does) when --font-family is left out.
bool is_default_font_family(const QString& family) {
    return family.isEmpty() || (qGuiApp && (family == QGuiApplication::font().family() ||
                                            family == QFontInfo(QGuiApplication::font()).family()));
}

} // namespace

QStringList analyze_arguments(const QStringList& paths, const WorkspaceSpec& spec) {
    QStringList arguments{QStringLiteral("analyze")};
    add_workspace(arguments, spec);
    add_files(arguments, paths);
    return arguments;
}

QStringList baseline_arguments(const QStringList& paths, const WorkspaceSpec& spec) {
    QStringList arguments{QStringLiteral("baseline")};
    add_workspace(arguments, spec);
    add_baseline(arguments, spec);
    add_files(arguments, paths);
    return arguments;
}

QStringList figure_export_arguments(const QStringList& paths, const WorkspaceSpec& spec,
                                    const FigureExportOptions& options, const QString& out) {
    const FigureExportOptions defaults;
    QStringList arguments{QStringLiteral("export"), QStringLiteral("--figure"),
                          options.kind == FigureKind::Forest        ? QStringLiteral("forest")
                          : options.kind == FigureKind::Disposition ? QStringLiteral("disposition")
                                                                    : QStringLiteral("km")};
    add_workspace(arguments, spec);
    if (options.kind == FigureKind::Disposition) {
        add_baseline(arguments, spec);
    }
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
    if (!is_default_font_family(options.font_family)) {
        add(arguments, "--font-family", options.font_family);
    }
    if (options.kind == FigureKind::KaplanMeier) {
        add_km(arguments, options.km);
    }
    add(arguments, "--out", out);
    add_files(arguments, paths);
    return arguments;
}

QStringList table_export_arguments(const QStringList& paths, const WorkspaceSpec& spec,
                                   TableKind kind, const QString& out) {
    static const char* const names[] = {"ae",     "response", "summary",    "landmarks",
                                        "forest", "baseline", "disposition"};
    QStringList arguments{QStringLiteral("export"), QStringLiteral("--figure"),
                          QString::fromLatin1(names[static_cast<int>(kind)])};
    add_workspace(arguments, spec);
    if (kind == TableKind::Baseline || kind == TableKind::Disposition) {
        add_baseline(arguments, spec);
    }
    add(arguments, "--out", out);
    add_files(arguments, paths);
    return arguments;
}

QStringList unreproduced_choices(const FigureExportOptions&) {
    // Every figure choice has its flag now (the KM figure's since --xlim,
    // --style and the rest, the font since --font-family).
    return {};
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
                                      QStringLiteral("--related"),
                                      QStringLiteral("--serious"),
                                      QStringLiteral("--footnote"),
                                      QStringLiteral("--ci-bands"),
                                      QStringLiteral("--no-median-lines"),
                                      QStringLiteral("--no-censor-marks"),
                                      QStringLiteral("--no-risk-table"),
                                      QStringLiteral("--censored-row"),
                                      QStringLiteral("--events-row"),
                                      QStringLiteral("--percent"),
                                      QStringLiteral("--competing-risks")};
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
