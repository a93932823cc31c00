#include "cli/command_line.h"

#include <triallens/analysis/time_unit.h>
#include <triallens/stats/maxcombo.h>

#include <digitise/pdf_figure.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>
#include <type_traits>

namespace triallens::cli {

namespace {

// export's Kaplan–Meier figure flags (KmFigureFlags).
bool km_flag(const std::string& arg) {
    static const std::set<std::string> flags{"--style",           "--xlim",
                                             "--break-by",        "--xlabel",
                                             "--ylabel",          "--y",
                                             "--risk-table",      "--percent",
                                             "--ci-bands",        "--no-median-lines",
                                             "--no-censor-marks", "--no-risk-table",
                                             "--censored-row",    "--events-row"};
    return flags.contains(arg);
}

const std::map<std::string, Command> commands{{"analyze", Command::Analyze},
                                              {"ae", Command::Ae},
                                              {"response", Command::Response},
                                              {"baseline", Command::Baseline},
                                              {"export", Command::Export},
                                              {"demo", Command::Demo},
                                              {"reconstruct", Command::Reconstruct},
                                              {"--help", Command::Help},
                                              {"-h", Command::Help},
                                              {"help", Command::Help},
                                              {"--version", Command::Version}};

// A whole argument as a number. from_chars reads "nan", "inf" and
// "infinity" in any case, as strtod does: no option means any of them (a
// landmark at NaN reported survival at time null), so they are refused too.
template <typename T> T parse_number(const std::string& flag, const std::string& text) {
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        throw UsageError(flag + " expects a number, got \"" + text + "\"");
    }
    if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(value)) {
            throw UsageError(flag + " expects a finite number, got \"" + text + "\"");
        }
    }
    return value;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) {
            items.push_back(text.substr(start, comma - start));
        }
        start = comma + 1;
    }
    return items;
}

ConfType parse_conf_type(const std::string& text) {
    if (text == "log") {
        return ConfType::Log;
    }
    if (text == "log-log") {
        return ConfType::LogLog;
    }
    if (text == "plain") {
        return ConfType::Plain;
    }
    throw UsageError("--conf-type must be log, log-log or plain, got \"" + text + "\"");
}

Ties parse_ties(const std::string& text) {
    if (const auto ties = ties_from_name(text)) {
        return *ties;
    }
    throw UsageError("--ties must be efron, breslow or exact, got \"" + text + "\"");
}

std::string one_of(const std::string& flag, const std::string& text,
                   std::initializer_list<const char*> choices, const std::string& wording) {
    for (const char* choice : choices) {
        if (text == choice) {
            return text;
        }
    }
    throw UsageError(flag + " must be " + wording + ", got \"" + text + "\"");
}

std::string parse_palette(const std::string& text) {
    if (text == "color-blind" || text == "colour-blind") {
        return "colour-blind";
    }
    if (text == "greyscale" || text == "grayscale") {
        return "grayscale";
    }
    return one_of("--palette", text, {"default"}, "default, colour-blind or grayscale");
}

std::string parse_time_unit(const std::string& text) {
    if (const auto unit = time_unit_from_name(text)) {
        return time_unit_name(*unit);
    }
    throw UsageError("--time-unit must be days, weeks, months or years, got \"" + text + "\"");
}

// A --xlim or --break-by: a time, so positive.
double parse_positive_time(const std::string& flag, const std::string& text) {
    const double time = parse_number<double>(flag, text);
    if (!(time > 0)) {
        throw UsageError(flag + " expects a positive number of time units, got \"" + text + "\"");
    }
    return time;
}

// One of a choice's spellings (km_figure_options.h), or a UsageError
// listing them all.
template <typename Choice, std::size_t N>
Choice parse_choice(const std::string& flag, const std::string& text,
                    std::optional<Choice> (*parse)(QStringView), QString (*name)(Choice),
                    const std::array<Choice, N>& choices) {
    if (const auto choice = parse(QString::fromStdString(text))) {
        return *choice;
    }
    std::string wording;
    for (std::size_t c = 0; c < N; ++c) {
        wording += (c == 0 ? "" : c + 1 == N ? " or " : ", ") + name(choices[c]).toStdString();
    }
    throw UsageError(flag + " must be " + wording + ", got \"" + text + "\"");
}

// VAR=LEVEL, split at the first '=': a column name has none, a level may.
SubgroupFocus parse_focus(const std::string& text) {
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
        throw UsageError("--focus expects VAR=LEVEL, e.g. SEX=F, got \"" + text + "\"");
    }
    return {text.substr(0, equals), text.substr(equals + 1)};
}

// "0,0;0,1;1,0" -> FH(0,0), FH(0,1), FH(1,0): at most maxcombo_max_tests
// pairs of finite rho, gamma >= 0.
std::vector<FhWeight> parse_fh_list(const std::string& flag, const std::string& text) {
    std::vector<FhWeight> tests;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(';', start), text.size());
        const std::string pair = text.substr(start, end - start);
        const std::size_t comma = pair.find(',');
        if (comma == std::string::npos || pair.find(',', comma + 1) != std::string::npos) {
            throw UsageError(flag +
                             " expects rho,gamma pairs separated by ';', e.g. "
                             "\"0,0;0,1\", got \"" +
                             text + "\"");
        }
        const FhWeight weight{parse_number<double>(flag, pair.substr(0, comma)),
                              parse_number<double>(flag, pair.substr(comma + 1))};
        if (weight.rho < 0 || weight.gamma < 0) {
            throw UsageError(flag + ": rho and gamma must not be negative, got \"" + pair + "\"");
        }
        tests.push_back(weight);
        start = end + 1;
    }
    if (tests.size() > maxcombo_max_tests) {
        throw UsageError(flag + " takes at most " + std::to_string(maxcombo_max_tests) +
                         " tests, got " + std::to_string(tests.size()));
    }
    return tests;
}

// --maxcombo's optional SET: default (Lin et al. 2020), simtrial, or a list.
bool is_maxcombo_set(const std::string& text) {
    return text == "default" || text == "simtrial" ||
           (!text.empty() &&
            (std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '.') &&
            text.find(',') != std::string::npos);
}

std::vector<FhWeight> parse_maxcombo_set(const std::string& text) {
    if (text == "default") {
        return maxcombo_default_tests();
    }
    if (text == "simtrial") {
        return maxcombo_simtrial_tests();
    }
    return parse_fh_list("--maxcombo", text);
}

// ARM=VALUE, split at the first '=': --curve, --events and --colour.
std::pair<std::string, std::string> arm_and_value(const std::string& flag, const std::string& text,
                                                  const char* example) {
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
        throw UsageError(flag + " expects ARM=" + example + ", got \"" + text + "\"");
    }
    return {text.substr(0, equals), text.substr(equals + 1)};
}

} // namespace

ui::KmFigureOptions km_figure_options(const KmFigureFlags& flags, ui::KmFigureOptions base) {
    ui::KmFigureOptions options = flags.kmunicate_style ? ui::with_kmunicate_style(base) : base;
    const auto set_if = [](bool given, bool& option, bool value) {
        if (given) {
            option = value;
        }
    };
    set_if(flags.ci_bands, options.ci_bands, true);
    set_if(flags.no_median_lines, options.median_lines, false);
    set_if(flags.no_censor_marks, options.censor_marks, false);
    set_if(flags.no_risk_table, options.at_risk_row, false);
    set_if(flags.censored_row, options.censored_row, true);
    set_if(flags.events_row, options.events_row, true);
    set_if(flags.percent, options.percent, true);
    options.x_limit = flags.x_limit ? flags.x_limit : options.x_limit;
    options.break_by = flags.break_by ? flags.break_by : options.break_by;
    options.x_label = flags.x_label.value_or(options.x_label);
    options.y_label = flags.y_label.value_or(options.y_label);
    options.y_scale = flags.y_scale.value_or(options.y_scale);
    options.risk_table = flags.risk_table.value_or(options.risk_table);
    return options;
}

namespace {

// The AE figures' and tables' flags, each refused where it does nothing.
void check_ae_figure_flags(const CommandLine& line) {
    const ExportArguments& figure = line.figure;
    const bool exporting = line.command == Command::Export;
    const bool dot_plot = exporting && figure.figure == "ae-dotplot";
    if ((figure.ae_threshold || figure.ae_top) && !dot_plot) {
        throw UsageError(std::string(figure.ae_threshold ? "--ae-threshold" : "--ae-top") +
                         " chooses the terms of export --figure ae-dotplot");
    }
    if (figure.ae_threshold && figure.ae_top) {
        throw UsageError("give --ae-threshold or --ae-top, not both");
    }
    if (figure.ae_scale && !dot_plot) {
        throw UsageError("--ae-scale applies to export --figure ae-dotplot (the volcano plot is "
                         "always on the difference scale)");
    }
    if (figure.exposure_adjusted && exporting && figure.figure != "ae" &&
        figure.figure != "ae-overview") {
        throw UsageError("--exposure-adjusted adds rate columns to export --figure ae and "
                         "ae-overview (tables), not to --figure " +
                         figure.figure);
    }
}

} // namespace

CommandLine parse_command_line(const std::vector<std::string>& arguments) {
    CommandLine line;
    bool competing_risks = false;
    std::size_t i = 0;
    if (!arguments.empty()) {
        if (const auto it = commands.find(arguments[0]); it != commands.end()) {
            line.command = it->second;
            i = 1;
        }
    }
    const auto value_of = [&](const std::string& flag) -> std::string {
        if (i + 1 >= arguments.size()) {
            throw UsageError(flag + " needs a value");
        }
        return arguments[++i];
    };
    for (; i < arguments.size(); ++i) {
        const std::string& arg = arguments[i];
        if (arg == "--json") {
            line.json = true;
        } else if (arg == "--exclude-invalid-rows") {
            line.load.exclude_invalid_rows = true;
        } else if (arg == "--treatment-emergent") {
            line.ae_filter.treatment_emergent_only = true;
        } else if (arg == "--related") {
            line.ae_filter.related_only = true;
        } else if (arg == "--serious") {
            line.ae_filter.serious_only = true;
        } else if (arg == "--overview") {
            line.ae_overview = true;
        } else if (arg == "--exposure-adjusted") {
            // ae's rate columns, and export's for --figure ae and ae-overview
            line.ae_exposure_adjusted = true;
            line.figure.exposure_adjusted = true;
        } else if (arg == "--param") {
            line.spec.paramcd = value_of(arg);
        } else if (arg == "--arm") {
            line.spec.arm_variable = value_of(arg);
            line.load.arm_column = line.spec.arm_variable;
        } else if (arg == "--time") {
            line.load.time_column = value_of(arg);
        } else if (arg == "--event") {
            line.load.event_column = value_of(arg);
        } else if (arg == "--censor") {
            line.load.censor_column = value_of(arg);
        } else if (arg == "--status") {
            line.load.status_column = value_of(arg);
        } else if (arg == "--tr-param") {
            line.load.tumour_param = value_of(arg);
        } else if (arg == "--cause") {
            line.load.cause_column = value_of(arg);
        } else if (arg == "--competing-risks") {
            competing_risks = true;
        } else if (arg == "--cause-of-interest") {
            line.spec.cause_of_interest = value_of(arg);
            if (line.spec.cause_of_interest->empty()) {
                throw UsageError("--cause-of-interest expects a cause, e.g. 1 or \"DISEASE "
                                 "PROGRESSION\"");
            }
        } else if (arg == "--vars" || arg == "--quantile-type" || arg == "--p-values") {
            line.baseline_flag = line.baseline_flag.empty() ? arg : line.baseline_flag;
            if (arg == "--vars") {
                line.baseline.variables = split_list(value_of(arg));
            } else if (arg == "--quantile-type") {
                line.baseline.quantile_type = std::stoi(
                    one_of(arg, value_of(arg), {"2", "7"}, "2 (SAS's default) or 7 (R's)"));
            } else {
                line.baseline.p_values = true;
            }
        } else if (arg == "--ref") {
            line.spec.reference_arm = value_of(arg);
        } else if (arg == "--subgroups") {
            line.spec.subgroups = split_list(value_of(arg));
        } else if (arg == "--covariates") {
            line.spec.covariates = split_list(value_of(arg));
        } else if (arg == "--compare") {
            line.spec.compare_arm = value_of(arg);
        } else if (arg == "--filter") {
            line.spec.filter = value_of(arg);
        } else if (arg == "--strata") {
            line.spec.strata = split_list(value_of(arg));
        } else if (arg == "--landmarks") {
            line.spec.landmarks.clear();
            for (const auto& item : split_list(value_of(arg))) {
                line.spec.landmarks.push_back(parse_number<double>("--landmarks", item));
            }
        } else if (arg == "--time-unit") {
            line.spec.time_unit = parse_time_unit(value_of(arg));
        } else if (arg == "--focus") {
            line.focus = parse_focus(value_of(arg));
        } else if (arg == "--curves-by") {
            line.spec.curves_by = value_of(arg);
        } else if (arg == "--fh") {
            line.spec.fh_tests = parse_fh_list(arg, value_of(arg));
        } else if (arg == "--maxcombo") {
            const bool has_set = i + 1 < arguments.size() && is_maxcombo_set(arguments[i + 1]);
            line.spec.maxcombo = parse_maxcombo_set(has_set ? arguments[++i] : "default");
        } else if (arg == "--cuts") {
            line.spec.hr_cuts.clear();
            for (const auto& item : split_list(value_of(arg))) {
                line.spec.hr_cuts.push_back(parse_number<double>("--cuts", item));
            }
        } else if (arg == "--from") {
            line.spec.from = parse_number<double>(arg, value_of(arg));
        } else if (arg == "--tau") {
            line.spec.tau = parse_number<double>(arg, value_of(arg));
        } else if (arg == "--max-levels") {
            line.spec.max_levels = parse_number<std::size_t>(arg, value_of(arg));
            if (line.spec.max_levels < 2) {
                throw UsageError("--max-levels must be at least 2");
            }
        } else if (arg == "--ties") {
            line.spec.ties = parse_ties(value_of(arg));
        } else if (arg == "--conf-type") {
            line.spec.km.conf_type = parse_conf_type(value_of(arg));
        } else if (arg == "--conf-level") {
            const double level = parse_number<double>(arg, value_of(arg));
            if (!(level > 0 && level < 1)) {
                throw UsageError("--conf-level must lie strictly between 0 and 1");
            }
            line.spec.km.conf_level = level;
        } else if (arg == "--analysis") {
            line.analysis = value_of(arg);
        } else if (arg == "--published") {
            line.published.push_back(value_of(arg));
        } else if (arg == "--out") {
            line.out = value_of(arg);
        } else if (arg == "--figure") {
            line.figure.figure =
                one_of(arg, value_of(arg),
                       {"km", "cif", "forest", "ae", "summary", "response", "landmarks",
                        "waterfall", "spider", "swimmer", "dor", "baseline", "disposition",
                        "ae-overview", "ae-dotplot", "ae-volcano"},
                       "km, cif, forest, ae, summary, response, landmarks, waterfall, spider, "
                       "swimmer, dor, baseline, disposition, ae-overview, ae-dotplot or "
                       "ae-volcano");
        } else if (arg == "--ae-threshold") {
            const double percent = parse_number<double>(arg, value_of(arg));
            if (!(percent >= 0 && percent <= 100)) {
                throw UsageError("--ae-threshold expects a percentage from 0 to 100");
            }
            line.figure.ae_threshold = percent;
        } else if (arg == "--ae-top") {
            const int top = parse_number<int>(arg, value_of(arg));
            if (top < 1 || top > 1000) {
                throw UsageError("--ae-top expects a number of terms from 1 to 1000");
            }
            line.figure.ae_top = top;
        } else if (arg == "--ae-scale") {
            line.figure.ae_scale = ui::parse_ae_risk_scale(QString::fromStdString(
                one_of(arg, value_of(arg), {"difference", "ratio"}, "difference or ratio")));
        } else if (arg == "--cif-layout") {
            const QString name = QString::fromStdString(value_of(arg));
            line.figure.cif_arrangement = ui::parse_cif_arrangement(name);
            if (!line.figure.cif_arrangement) {
                throw UsageError("--cif-layout must be side-by-side or stacked, got \"" +
                                 name.toStdString() + "\"");
            }
        } else if (arg == "--colour-by") {
            const QString name = QString::fromStdString(value_of(arg));
            line.figure.colour_by = ui::parse_tumour_colouring(name);
            if (!line.figure.colour_by) {
                throw UsageError("--colour-by must be bor or arm, got \"" + name.toStdString() +
                                 "\"");
            }
        } else if (arg == "--waterfall-layout") {
            const QString name = QString::fromStdString(value_of(arg));
            line.figure.waterfall_arrangement = ui::parse_waterfall_arrangement(name);
            if (!line.figure.waterfall_arrangement) {
                throw UsageError("--waterfall-layout must be side-by-side or interleaved, got \"" +
                                 name.toStdString() + "\"");
            }
        } else if (arg == "--responders-only") {
            line.figure.responders_only = true;
        } else if (arg == "--width") {
            line.figure.width = value_of(arg);
        } else if (arg == "--height") {
            line.figure.height = value_of(arg);
        } else if (arg == "--preset") {
            line.figure.preset = value_of(arg);
        } else if (arg == "--dpi") {
            line.figure.dpi = parse_number<int>(arg, value_of(arg));
            if (line.figure.dpi < 10 || line.figure.dpi > 2400) {
                throw UsageError("--dpi must lie between 10 and 2400");
            }
        } else if (arg == "--font-size") {
            const double points = parse_number<double>(arg, value_of(arg));
            if (!(points >= 4 && points <= 72)) {
                throw UsageError("--font-size must lie between 4 and 72 points");
            }
            line.figure.font_size = points;
        } else if (arg == "--each-subgroup") {
            line.figure.each_subgroup = value_of(arg);
        } else if (arg == "--format") {
            line.figure.format =
                one_of(arg, value_of(arg), {"png", "svg", "pdf"}, "png, svg or pdf");
        } else if (arg == "--palette") {
            line.figure.palette = parse_palette(value_of(arg));
        } else if (arg == "--title") {
            line.figure.title = value_of(arg);
        } else if (arg == "--footnote") {
            line.figure.footnote = true;
        } else if (arg == "--font-family") {
            line.figure.font_family = value_of(arg);
            if (line.figure.font_family.empty()) {
                throw UsageError("--font-family expects a font family name, e.g. \"DejaVu Sans\"");
            }
        } else if (km_flag(arg)) {
            KmFigureFlags& km = line.figure.km;
            km.given.push_back(arg);
            if (arg == "--style") {
                const std::string style = value_of(arg);
                const QString kmunicate = ui::km_risk_table_name(ui::KmRiskTable::Kmunicate);
                if (QString::fromStdString(style) != kmunicate) {
                    throw UsageError("--style must be " + kmunicate.toStdString() + ", got \"" +
                                     style + "\"");
                }
                km.kmunicate_style = true;
            } else if (arg == "--xlim") {
                km.x_limit = parse_positive_time(arg, value_of(arg));
            } else if (arg == "--break-by") {
                km.break_by = parse_positive_time(arg, value_of(arg));
            } else if (arg == "--xlabel") {
                km.x_label = QString::fromStdString(value_of(arg));
            } else if (arg == "--ylabel") {
                km.y_label = QString::fromStdString(value_of(arg));
            } else if (arg == "--y") {
                km.y_scale =
                    parse_choice(arg, value_of(arg), &ui::parse_km_y_scale, &ui::km_y_scale_name,
                                 std::array{ui::KmYScale::Survival, ui::KmYScale::Cumulative});
            } else if (arg == "--risk-table") {
                km.risk_table = parse_choice(
                    arg, value_of(arg), &ui::parse_km_risk_table, &ui::km_risk_table_name,
                    std::array{ui::KmRiskTable::AtRisk, ui::KmRiskTable::AtRiskEvents,
                               ui::KmRiskTable::Kmunicate});
            } else {
                km.ci_bands |= arg == "--ci-bands";
                km.no_median_lines |= arg == "--no-median-lines";
                km.no_censor_marks |= arg == "--no-censor-marks";
                km.no_risk_table |= arg == "--no-risk-table";
                km.censored_row |= arg == "--censored-row";
                km.events_row |= arg == "--events-row";
                km.percent |= arg == "--percent";
            }
        } else if (arg == "--curve" || arg == "--at-risk" || arg == "--events" ||
                   arg == "--param-label" || arg == "--source" || arg == "--image" ||
                   arg == "--x-axis" || arg == "--y-axis" || arg == "--colour" || arg == "--page") {
            ReconstructArguments& recon = line.reconstruct;
            recon.given.push_back(arg);
            const std::string value = value_of(arg);
            if (arg == "--curve") {
                auto [arm, file] = arm_and_value(arg, value, "points.csv");
                recon.curves.push_back({std::move(arm), std::move(file)});
            } else if (arg == "--at-risk") {
                recon.at_risk = value;
            } else if (arg == "--events") {
                auto [arm, count] = arm_and_value(arg, value, "N, the arm's total events");
                const int events = parse_number<int>(arg, count);
                if (events < 0) {
                    throw UsageError("--events expects a number of events of at least 0, got \"" +
                                     count + "\"");
                }
                recon.events.push_back({std::move(arm), events});
            } else if (arg == "--image") {
                recon.image = value;
            } else if (arg == "--page") {
                recon.page = parse_number<int>(arg, value);
                if (recon.page < 1 || recon.page > ui::largest_pdf_page) {
                    throw UsageError("--page expects a page of the PDF, 1 to " +
                                     std::to_string(ui::largest_pdf_page) + ", got \"" + value +
                                     "\"");
                }
            } else if (arg == "--x-axis") {
                recon.x_axis = value;
            } else if (arg == "--y-axis") {
                recon.y_axis = value;
            } else if (arg == "--colour") {
                auto [arm, colour] = arm_and_value(arg, value, "#RRGGBB");
                recon.colours.push_back({std::move(arm), std::move(colour)});
            } else if (arg == "--param-label") {
                recon.param_label = value;
            } else {
                recon.source = value;
            }
        } else if (arg == "--subjects") {
            line.subjects = parse_number<std::size_t>(arg, value_of(arg));
            if (line.subjects < 2) {
                throw UsageError("--subjects must be at least 2");
            }
        } else if (arg == "--seed") {
            line.seed = parse_number<std::uint64_t>(arg, value_of(arg));
        } else if (arg == "--datasets") {
            const std::string which = value_of(arg);
            if (which != "all" && which != "survival") {
                throw UsageError("--datasets takes all or survival, not '" + which + "'");
            }
            line.survival_only = which == "survival";
        } else if (arg == "--quit-after-first-paint") {
            line.quit_after_first_paint = true;
        } else if (arg == "--help" || arg == "-h") {
            line.command = Command::Help;
        } else if (arg == "--version") {
            line.command = Command::Version;
        } else if (arg.starts_with("--")) {
            throw UsageError("unknown option " + arg + " (see triallens --help)");
        } else {
            line.files.push_back(arg);
        }
    }
    // Table 1's choices: the baseline command's, and export's for the
    // Baseline tab's tables and figure (the window writes them there).
    if (!line.baseline_flag.empty() && line.command != Command::Baseline &&
        !(line.command == Command::Export &&
          (line.figure.figure == "baseline" || line.figure.figure == "disposition"))) {
        throw UsageError(line.baseline_flag +
                         " is a baseline option: triallens baseline --vars AGE,SEX FILE... "
                         "(or export --figure baseline)");
    }
    if (!line.reconstruct.given.empty() && line.command != Command::Reconstruct) {
        throw UsageError(line.reconstruct.given.front() +
                         " is a reconstruct option: triallens reconstruct --curve ARM=points.csv "
                         "--at-risk risk.csv --out DIR");
    }
    if (line.quit_after_first_paint && line.command != Command::Gui) {
        throw UsageError("--quit-after-first-paint times the workspace: give it alone");
    }
    if (line.focus && !line.figure.each_subgroup.empty()) {
        throw UsageError("--each-subgroup focuses each figure on one level: give it or --focus, "
                         "not both");
    }
    if (!line.load.event_column.empty() && !line.load.censor_column.empty()) {
        throw UsageError("give --event or --censor, not both");
    }
    if (!line.load.status_column.empty() &&
        (!line.load.event_column.empty() || !line.load.censor_column.empty() ||
         !line.load.cause_column.empty())) {
        throw UsageError("--status gives both the events and their causes: give it without "
                         "--event, --censor or --cause");
    }
    check_ae_figure_flags(line);
    if (line.figure.cif_arrangement &&
        (line.command != Command::Export || line.figure.figure != "cif")) {
        throw UsageError("--cif-layout applies to export --figure cif");
    }
    const bool tumour_figure = line.command == Command::Export &&
                               ui::parse_tumour_figure(QString::fromStdString(line.figure.figure));
    if (line.figure.colour_by &&
        !(tumour_figure && (line.figure.figure == "waterfall" || line.figure.figure == "spider"))) {
        throw UsageError("--colour-by applies to export --figure waterfall and spider");
    }
    if (line.figure.waterfall_arrangement &&
        !(tumour_figure && line.figure.figure == "waterfall")) {
        throw UsageError("--waterfall-layout applies to export --figure waterfall");
    }
    if (line.figure.responders_only && !(tumour_figure && line.figure.figure == "swimmer")) {
        throw UsageError("--responders-only applies to export --figure swimmer");
    }
    // Naming where the causes are, or the figure of them, asks for competing
    // risks: of the most frequent cause unless --cause-of-interest names one.
    if ((competing_risks || !line.load.status_column.empty() || !line.load.cause_column.empty() ||
         (line.command == Command::Export && line.figure.figure == "cif")) &&
        !line.spec.cause_of_interest) {
        line.spec.cause_of_interest = std::string();
    }
    if (const auto& given = line.figure.km.given; !given.empty()) {
        if (line.command != Command::Export) {
            throw UsageError(given.front() +
                             " is an export option: triallens export --figure km ...");
        }
        if (line.figure.figure != "km" && line.figure.figure != "cif" &&
            line.figure.figure != "dor") {
            throw UsageError(given.front() + " applies to --figure km, cif and dor");
        }
    }
    if (!line.published.empty()) {
        if (line.command != Command::Analyze && line.command != Command::Ae &&
            line.command != Command::Response && line.command != Command::Baseline &&
            line.command != Command::Export) {
            throw UsageError("--published adds arms to the data of analyze, ae, response, "
                             "baseline and export");
        }
        if (!line.analysis.empty()) {
            throw UsageError("--published adds arms to FILE...: a saved analysis (--analysis) "
                             "reopens its own files and published arms");
        }
    }
    if (!line.analysis.empty()) {
        if (line.command != Command::Analyze && line.command != Command::Export &&
            line.command != Command::Response) {
            throw UsageError("--analysis is an analyze, response and export option: triallens "
                             "analyze --analysis FILE");
        }
        if (!line.files.empty()) {
            throw UsageError("--analysis names its own data files: give no FILE beside it");
        }
        const LoadOptions default_load;
        if (!(line.spec == AnalysisSpec{}) || !(line.ae_filter == AeFilter{}) || line.focus ||
            line.load.time_column != default_load.time_column ||
            line.load.event_column != default_load.event_column ||
            line.load.censor_column != default_load.censor_column ||
            line.load.status_column != default_load.status_column ||
            line.load.cause_column != default_load.cause_column ||
            line.load.arm_column != default_load.arm_column ||
            line.load.tumour_param != default_load.tumour_param ||
            line.load.exclude_invalid_rows != default_load.exclude_invalid_rows) {
            throw UsageError("--analysis takes every setting from the saved analysis: give only "
                             "--json (analyze) or export's figure flags beside it");
        }
    }
    return line;
}

std::string usage_text() {
    return R"(TrialLens: explore a clinical trial's survival results.

Usage:
  triallens [FILE...]                  open the workspace (no FILE: the embedded demo study);
                                       without a display, write the demo's KM figures to
                                       triallens-demo-km-PFS.png and triallens-demo-km-OS.png
                                       and print their summaries
  triallens analyze [OPTIONS] FILE...  time-to-event analysis, as a table or --json
  triallens ae [OPTIONS] FILE...       adverse-event incidence table, as a table or --json
  triallens response [OPTIONS] FILE... tumour response per arm and subject (ORR, duration of
                                       response, best % change), as a table or --json
  triallens baseline [OPTIONS] FILE... Table 1 (baseline characteristics by arm and in total)
                                       and the disposition of patients, as tables or --json
  triallens export [OPTIONS] --out PATH FILE...
                                       write a figure (KM with its number-at-risk table, or the
                                       forest plot) as PNG, SVG or PDF at an exact physical size
  triallens demo --out DIR             write the demo study as CSV files, one per dataset and site
  triallens reconstruct --curve ARM=points.csv ... --at-risk risk.csv --out DIR
  triallens reconstruct --image FIG [--page N] --x-axis PX:V,PX:V --y-axis PX:V,PX:V
                        --colour ARM=#RRGGBB ... --at-risk risk.csv --out DIR
                                       rebuild patient data from a published Kaplan-Meier
                                       figure's points (or the figure itself) and number-at-risk
                                       table (Guyot et al. 2012) as ADSL/ADTTE CSV files every
                                       command reads
  triallens --version | --help

FILE... are CSV/TSV files (comma, semicolon with decimal comma, or tab; UTF-8 or
Windows-1252), SAS transport (.xpt) or .sas7bdat files, or folders of them; the
word demo means the embedded demo study. Files with the same columns are one
dataset split by site (SITEID is added from names like adsl_site701.csv); ADaM
datasets (ADSL, ADTTE, ADAE, ADRS, ADTR) are recognised by their columns and joined on
USUBJID. Any error in the data is printed as file:line: column: what, and nothing
is analysed (unless --exclude-invalid-rows).

analyze options (defaults are R survival's):
  --param CODE           ADTTE PARAMCD to analyse (default: the only one present)
  --time COL             time column (default: AVAL); with --event or --censor it also
                         reads a plain one-row-per-patient file (its PARAMCD is COL)
  --event COL            event indicator, 1 = event, 0 = censored
  --censor COL           ADaM censor flag, 0 = event, a positive integer = censored
                         (default: CNSR when --event is not given)
  --status COL           competing risks coded as cmprsk's: 0 = censored, 1, 2, ... =
                         the cause of the event; used instead of --event and --censor
  --cause COL            competing risks: the cause of each event is its text in COL
                         (e.g. EVNTDESC); censored records as CNSR says
  --competing-risks      competing risks wherever the endpoint's events have two or more
                         causes (EVNTDESC's unless --cause or --status says), of the most
                         frequent cause, as the window shows them
  --cause-of-interest V  the cause whose cumulative incidence, Fine-Gray HR and test
                         lead (default with --status or --cause: the most frequent);
                         gives competing_risks: Aalen-Johansen cumulative incidence per
                         arm and cause with Gray's variance and log-log CIs, at
                         --landmarks too, Gray's test per cause (with --strata), and
                         the Fine-Gray subdistribution HR per arm against --ref
                         (unstratified, as cmprsk::crr); times are not timefixed
                         (cmprsk); the causes default to EVNTDESC's
  --arm COL              treatment column (default: first of TRT01P, ARM, TRTP, TRTA, TRT01A)
  --ref LEVEL            reference arm for hazard ratios (default: the study's declared
                         control arm, as the demo declares Nab-paclitaxel; otherwise the
                         first arm level in sort order)
  --filter EXPR          subject filter, e.g. 'SAFFL == "Y" and AGE >= 65' (==, !=, <, <=,
                         >, >=, in (...), and, or, not, parentheses; default: none)
  --strata COLS          comma list: stratification factors for the log-rank test and
                         the Cox model (default: none)
  --covariates COLS      comma list: adjustment covariates of the Cox model (numeric as they
                         are; text by treatment contrasts against the first level); records
                         with one missing are left out of the model (default: none)
  --subgroups COLS       comma list: forest-plot rows per level (n, events and median per
                         arm, HR with CI from the same stratified Cox model) and the
                         likelihood-ratio p of arm x subgroup interaction (default: none)
  --compare LEVEL        with --subgroups: the arm compared with --ref (default: the only
                         other arm)
  --landmarks T,...      survival (CI, n at risk) at these times, and each arm's
                         difference from the reference (default: none)
  --tau T                horizon for the restricted mean survival time, with the
                         difference and ratio between arms (default: none)
  --fh "R,G;..."         Fleming-Harrington weighted log-rank tests FH(rho,gamma) of the
                         compared arm (--compare) against --ref, with --strata; weight
                         S(t-)^rho (1-S(t-))^gamma, S the pooled KM within each stratum;
                         z < 0 favours the compared arm; at most 10 (default: none)
  --maxcombo [SET]       MaxCombo: max |z| over FH tests, two-sided p from their joint
                         normal (Genz); SET: default = "0,0;0,1;1,0;1,1" (Lin et al.
                         2020), simtrial = "0,0;0,1;1,1", or a list as --fh (default: off)
  --cuts C,...           piecewise hazard ratios: the Cox HR of the compared arm
                         (--compare) against --ref in each period (0,C1], (C1,C2], ...,
                         (Ck,end), with --strata and --ties, as survSplit + coxph; cuts
                         positive, ascending, before the last time; at most 20 (default: none)
  --from T               survival from a landmark: analyse only the records event-free
                         and under follow-up at T, times counted from T (conditional
                         survival); every statistic, figure and cut is then from T
                         (default: from 0)
  --time-unit days|weeks|months|years
                         analyse and report times in this unit, converted from the
                         data's AVALU before anything is fitted, as R users divide AVAL:
                         7 days a week, 30.4375 a month, 365.25 a year (a missing AVALU is
                         taken as days, with a warning); --landmarks and --tau are in it
                         (default: the times as stored)
  --curves-by VAR        also estimate a Kaplan-Meier curve per arm x level of the
                         categorical VAR (curve_groups in --json); comparisons stay by
                         arm (default: none)
  --focus VAR=LEVEL      only the subjects whose categorical VAR is LEVEL (and --filter), as
                         the window shows a forest row in focus: its survival, comparisons
                         and AE table; --subgroups' forest stays of every --filter subject
                         (default: none)
  --max-levels N         the most levels a column may have as a stratum, subgroup,
                         curves-by variable, text covariate or the treatment column; one
                         with more (an identifier, free text) is refused before anything
                         is fitted (default: 50)
  --ties efron|breslow|exact
                         Cox ties handling (default: efron); exact is the exact conditional
                         likelihood (SAS TIES=DISCRETE). Every run also reports the arm HR
                         under all three and each median's CI under all three transforms
  --conf-type log|log-log|plain
                         Kaplan-Meier CI transform, also used for the median's CI (default: log)
  --conf-level X         confidence level (default: 0.95)
  --exclude-invalid-rows leave out the rows an error is about (a bad time or flag, a
                         duplicate record, a subject absent from ADSL, text in a numeric
                         cell, a ragged row; a subject's other records go with its ADSL
                         row) and analyse the rest; each is printed as a warning
                         "excluded: ...". Errors about a whole file still stop the load
  --published DIR        arms rebuilt from a publication (a folder reconstruct --out wrote;
                         repeatable) beside the data's own, on --param's endpoint (else the
                         one they are of, when the data have it, else the data's only one),
                         times converted into its unit; an arm named as one of the data's
                         becomes NAME (published). Every output then says the data are partly
                         reconstructed, and --json's reconstructed counts them
  --json                 print JSON (schema triallens.analyze/1) instead of a table
  --analysis FILE        a saved analysis (File > Save Analysis, .triallens.json) in place of
                         FILE... and the flags above: its data files and folders of
                         published arms are checked first (one line per missing, refused or
                         changed file on stderr, exit 1), then its workspace is computed
                         exactly as the window shows it, published arms included

ae options (adverse-event incidence over the safety population, SAFFL == "Y"):
  --arm COL              treatment column (default: first of TRT01A, TRTA, TRT01P, ARM, TRTP:
                         safety tables are by treatment received)
  --filter EXPR          subject filter, as for analyze
  --focus VAR=LEVEL      only the subjects whose VAR is LEVEL, as for analyze
  --treatment-emergent   only TRTEMFL == "Y"
  --related              only AEREL not NONE / NOT RELATED / N (a missing AEREL counts
                         as related, the conservative convention)
  --ref LEVEL            reference arm of the risk differences (default: the declared
                         control arm, else the first arm)
  --conf-level X         level of the risk differences' Miettinen-Nurminen CIs (default: 0.95)
  --serious              only AESER == "Y"
  --overview             first the safety overview: subjects with any treatment-emergent
                         AE (TRTEMFL "Y"), related, grade >= 3 (or severe by AESEV),
                         serious, leading to discontinuation (AEACN DRUG WITHDRAWN) and
                         to death (AEOUT FATAL or AESDTH Y), with risk differences; a
                         kind the data do not record says so. The filters above do not
                         apply to it
  --exposure-adjusted    add exposure-adjusted incidence rates: subjects with the event
                         per 100 patient-years of treatment (TRTDURD, else TRTDUR, else
                         TRTEDT - TRTSDT + 1 days; ongoing: to the data cut), exact
                         Poisson CIs and rate differences (Wald CI)
  --exclude-invalid-rows leave out the rows an error is about, as for analyze
  --published DIR        arms rebuilt from a publication beside the data's own, as for
                         analyze
  --json                 print JSON (schema triallens.ae/1) instead of a table; every row
                         also has events per arm and relative risks (Katz CI, Fisher p)
  A subject counts once per row, at its highest grade there (AETOXGR, 1 to 5 or
  GRADE 3; else AESEV MILD/MODERATE/SEVERE as 1/2/3, LIFE THREATENING 4, FATAL 5,
  in any case; any other value is a load warning and no grade). Rows: any AE,
  then each SOC and its PTs by descending frequency.

response options (every analyze option applies: the arm, filter, focus and time unit):
  --tr-param CODE        ADTR PARAMCD of the sum of target-lesion diameters (default: the
                         first of SDIAM, SUMDIAM, SLD, LDIAM present)
  --json                 print JSON (schema triallens.response/1) instead of a table
  Per subject: best % change = the minimum post-baseline PCHG (PCHG, else
  100 (AVAL - BASE) / BASE; post-baseline: after the ABLFL = "Y" record); nadir =
  the smallest AVAL from baseline on; BOR = the ADRS BOR record, else the best
  per-visit response (PARAMCD OVR or OVRLRESP, by ADY) in RECIST order; responder =
  CR or PR; time to response = the ADY of the first CR/PR visit; duration of
  response = ADTTE DURRSP (or DOR) when present, else from the first CR/PR visit to
  the first PD visit after it or death (DTHDT), whichever comes first (an event),
  else censored at the last CR, PR, SD or NON-CR/NON-PD visit from the first
  response on, end - start + 1 days; treatment = TRTDURD, else TRTEDT - TRTSDT + 1,
  ongoing (EOTSTT ONGOING, or no TRTEDT) to the data cut (DCUTDT, else the last
  date in ADSL). Day 1 is TRTSDT. Times are in the endpoint's unit (--time-unit).
  Per arm: ORR with its Clopper-Pearson CI, the Kaplan-Meier median duration of
  response among responders (log CI, as survfit), the median time to response.

baseline options (Table 1 and the disposition of patients, by arm and in total):
  --arm COL              treatment column (default: as for analyze, planned treatment first)
  --filter EXPR          subject filter, as for analyze
  --focus VAR=LEVEL      only the subjects whose VAR is LEVEL, as for analyze
  --vars COLS            comma list: the variables, in order (default: those of AGE, AGEGR1,
                         SEX, RACE, ETHNIC, ECOGBL, REGION1, STRATxx, PDL1STAT, DISSTAT,
                         NMETSGR1, LIVBRNFL, PRTAXFL, BMIBL, HEIGHTBL, WEIGHTBL, MMSETOT
                         present); at most 100
  --quantile-type 2|7    quantiles as R's quantile(type =): 2, SAS's default, or 7, R's
                         (default: 2)
  --p-values             a test of the arms per variable: Kruskal-Wallis for a measurement;
                         Pearson's chi-square (no continuity correction) for a factor, or
                         Fisher's exact test when an expected count is below 5
  --exclude-invalid-rows leave out the rows an error is about, as for analyze
  --published DIR        arms rebuilt from a publication beside the data's own, as for
                         analyze
  --json                 print JSON (schema triallens.baseline/1) instead of tables
  Table 1 is of the randomised (ITTFL == "Y", else RANDFL == "Y", else every subject
  with an arm). A measurement gives n, mean (SD), median (Q1-Q3), min-max and missing; a factor
  (text, or numeric with at most 12 values) n (%) per level, of the subjects with a
  value, and missing apart; one with more levels than --max-levels is left out with
  a note. Disposition: randomised (RANDFL, else ITTFL, else all), treated (SAFFL,
  else TRTSDT), treatment (EOTSTT/DCTREAS) and study (EOSSTT/DCSREAS, else
  DCDECOD/DCREASCD) status with reasons, most frequent first.

export options (all analyze options apply: they choose what the figure shows):
  --figure km|cif|forest|ae|summary|response|landmarks|waterfall|spider|swimmer|dor|
           baseline|disposition|ae-overview|ae-dotplot|ae-volcano
                         what to draw (default: km); cif: the cumulative incidence of
                         competing risks, one panel per cause (the cause of interest
                         first; the causes as --cause/--status give them, else EVNTDESC's),
                         each with the KM figure's options, flags and table; forest without
                         --subgroups draws the
                         window's default forest (the first four of SEX, AGEGR1, RACE,
                         ECOGBL, PDL1STAT, LIVBRNFL, REGION1 present). ae (the AE
                         table, with ae's filters), summary (n, events, median (CI), HR (CI),
                         p per endpoint) and response are tables; forest to a table file
                         gives the forest rows; baseline (Table 1: baseline characteristics
                         by arm and in total) is a table; disposition is the disposition
                         table to .csv/.html/.rtf, its CONSORT flow diagram (a column per
                         arm) to .png/.svg/.pdf;
                         waterfall: best % change from baseline (ADTR), a bar per subject,
                         largest increase first, reference lines at +20% and -30%, n and ORR
                         per arm; spider: % change over time per subject; swimmer: a lane
                         per subject of its time on treatment (ADSL TRTSDT, TRTEDT or
                         TRTDURD) with first response, progression, death and ongoing
                         marked; dor: Kaplan-Meier of duration of response among
                         responders by arm, with the KM figure's flags and table;
                         ae-overview: the safety overview table (any, related, grade >= 3 or
                         severe, serious, leading to discontinuation, leading to death) per arm
                         with risk differences; ae-dotplot: per preferred term the incidence
                         per arm and the risk difference (or relative risk) with CI;
                         ae-volcano: risk difference against -log10 Fisher p per term
  --cif-layout side-by-side|stacked
                         --figure cif: its panels beside or above each other
                         (default: side-by-side)
  --colour-by bor|arm    --figure waterfall and spider: colour by best overall response
                         (default) or by arm
  --waterfall-layout side-by-side|interleaved
                         --figure waterfall: a panel per arm (default) or every arm in one
  --responders-only      --figure swimmer: only the responders' lanes (CR or PR)
  --vars COLS            --figure baseline: comma list of Table 1's variables, in order
                         (default: the ADSL demographics and baseline characteristics present)
  --quantile-type 2|7    --figure baseline: median and quartiles as SAS (2, default) or R's
                         default (7)
  --p-values             --figure baseline: a p-value per variable (Kruskal-Wallis;
                         chi-square, or Fisher's exact test when an expected count is below 5)
  --ae-threshold PCT     --figure ae-dotplot: the terms in at least PCT% of some arm's
                         subjects (default: 5)
  --ae-top N             --figure ae-dotplot: the N most frequent terms instead
  --ae-scale difference|ratio
                         --figure ae-dotplot: the right panel's risk difference (default) or
                         relative risk on a log axis
  --exposure-adjusted    --figure ae and ae-overview: add each arm's subjects with the event
                         per 100 patient-years of treatment (exact Poisson CI)
  --out PATH             the file to write; its extension picks the format: .png, .svg or .pdf
                         for a figure, .csv, .html or .rtf for a table (with --each-subgroup:
                         the folder to write into)
  --width W, --height H  physical size with a unit: in, cm, mm, pt or px (96 px to the inch)
                         (default: 10in x 6in, or the preset's)
  --preset NAME          a named size, with a font size that reads well at it (a --width,
                         --height or --font-size given as well wins):
                           slide-16x9      13.333 x 7.5 in, 14 pt
                           half-slide      6.667 x 5 in, 12 pt
                           slide-4x3       10 x 7.5 in, 14 pt
                           journal-single  3.5 x 4 in, 7 pt
                           journal-double  7 x 4.5 in, 9 pt
  --dpi N                raster resolution of a .png (default: 300); 13.333in x 7.5in at
                         300 dpi is 4000 x 2250 pixels. SVG and PDF are vector, text as text
  --font-size PT         base font size in points at the physical size, used for every text
                         of the figure (default: 12)
  --palette default|colour-blind|grayscale
                         curve colours (default: Okabe-Ito); grayscale adds a dash pattern
                         per curve for black-and-white print
  --title TEXT           a title line above the figure
  --footnote             a methods footnote under it: CI and transform, test, Cox ties and
                         strata, filter, study, and the data files' latest modification date
  --each-subgroup VAR    batch: one KM figure per level of VAR, each refitted on that level's
                         subjects (and --filter), named after the level, into the folder --out
  --format png|svg|pdf   the format of --each-subgroup's files (default: png)
  --font-family NAME     the font family of every text of the figure (default: the
                         application font's)
  --analysis FILE        a saved analysis in place of FILE... and the analyze flags, as for
                         analyze; its KM figure choices too (the flags below, given as
                         well, win)

  Kaplan-Meier figure (--figure km, also each figure of --each-subgroup); times
  in the analysis's time unit (after --time-unit):
  --xlim T               the time axis ends at T (curves and table stop there)
                         (default: the first tick past the data)
  --break-by T           a tick every T from 0 (default: a step chosen for the data)
  --xlabel TEXT          the time axis title (default: Time, with the unit)
  --ylabel TEXT          the y axis title (default: Survival probability, or as --y)
  --y survival|cumulative
                         S(t), or the cumulative incidence 1 - S(t) (default: survival)
  --percent              the y axis in percent, 0 to 100
  --risk-table at-risk|events|kmunicate
                         the table under the plot: the number at risk, at risk with
                         the cumulative events beside it, or KMunicate sections per
                         curve: at risk, censored, events
                         (default: at-risk)
  --style kmunicate      Morris et al. 2019: CI bands, no censor marks or median lines,
                         the kmunicate table; flags given as well win
  --ci-bands             pointwise CI bands around each curve
  --no-median-lines      no drop lines at each reached median
  --no-censor-marks      no "+" at censoring times
  --no-risk-table        no table under the plot
  --censored-row         a cumulative censored row per curve in the table
  --events-row           a cumulative events row per curve in the table

demo options:
  --out DIR              folder to write adsl/adtte/adae/adrs_site<SITEID>.csv into
  --subjects N           subjects to generate (default: 147, the calibrated study)
  --seed S               random seed (default: the calibrated seed)
  --datasets all|survival
                         every dataset (default), or ADSL and ADTTE's PFS and OS alone, as a
                         registry holds them: the same subjects, PFS and OS; 10^7 fit in memory

reconstruct options (pseudo-patients from a published Kaplan-Meier figure, Guyot et al. 2012):
  --curve ARM=FILE       an arm's curve as digitised points: two columns, time and survival
                         (0-1 or percent), header optional, comma, semicolon or tab; one
                         --curve per arm. The points are cleaned first and every change is
                         printed: sorted, exact repeats dropped, (0, 1) added, a point above
                         an earlier one lowered to it, percent divided by 100
  --image FIG            or read the arms' curves off a figure: PNG or JPEG traced by colour
                         (censor marks and the other curves ignored), SVG read exactly from
                         its paths, PDF a page converted to SVG by pdftocairo (poppler-utils)
                         and read the same way; with --x-axis, --y-axis and a --colour per arm
  --page N               the page of a PDF --image to read (default: 1)
  --x-axis PX:VALUE,PX:VALUE
                         two ticks of the time axis: each one's pixel column and its value
                         (SVG: user units; PDF: points from the page's left edge)
  --y-axis PX:VALUE,PX:VALUE
                         two ticks of the survival axis: each one's pixel row and its value,
                         0-1 or percent (e.g. 612:0,88:100); PDF: points down from the
                         page's top edge (as in the SVG pdftocairo writes), not PDF's y up
  --colour ARM=#RRGGBB   the colour of the arm's curve in --image; one per arm
  --at-risk FILE         the number-at-risk table: a time column and one column per arm,
                         named as in --curve; it starts at time 0 with each arm's n, its
                         numbers never rise and its times lie within the curve
  --events ARM=N         the arm's published total events: the censoring after the table's
                         last time is fitted to it (default: Guyot's rule, the earlier
                         censoring rate carried on)
  --param CODE           the PARAMCD of the rebuilt endpoint (default: RECON)
  --param-label TEXT     its PARAM (default: Reconstructed time to event)
  --time-unit days|weeks|months|years
                         the figure's time unit, written as AVALU (default: months)
  --source TEXT          where the figure is from, written as SOURCE on every subject
                         (default: Publication)
  --out DIR              the folder to write adsl.csv and adtte.csv into; nothing is written
                         when any input is refused
  --json                 print JSON (schema triallens.reconstruct/1): out, files, paramcd,
                         param, time_unit, source, and arms: [{arm, n, events, censored,
                         median, total_events_published, fit: {points, max_abs_difference,
                         rms_difference, at_risk: [{time, published, rebuilt}]}, changes}]
  Every subject is marked RECONFL = "Y": pseudo-patients rebuilt from a publication, not
  real ones. Per arm it prints n, events, censored, the rebuilt median, the fit (the rebuilt
  curve's largest and RMS vertical distance from the cleaned points; published and rebuilt
  numbers at risk) and every change made. Then: triallens analyze DIR --param RECON.

workspace option:
  --quit-after-first-paint
                         open the workspace on the demo study (or FILE...), print the
                         milliseconds from process start (the kernel's start time in
                         /proc/self/stat, so library loading counts) to the first painted
                         KM plot, and exit 0. Needs a display; QT_QPA_PLATFORM=offscreen will do

The demo study is SYNTHETIC: generated data modelled on a published trial, no real patient.
)";
}

} // namespace triallens::cli
