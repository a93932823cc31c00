#include "cli/summary_table.h"

#include <triallens/format/data_caveat.h>
#include <triallens/format/delayed_effects_verdict.h>
#include <triallens/format/number_format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace triallens::cli {

std::size_t display_width(const std::string& text) {
    // Every byte but UTF-8's continuation bytes (10xxxxxx) starts a character.
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string padded(std::string text, std::size_t width) {
    text.append(width - std::min(width, display_width(text)), ' ');
    return text;
}

namespace {

// A time as given (6, 12.5), for cut points and landmarks.
std::string general_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

std::string pad_left(const std::string& text, std::size_t width) {
    const std::size_t size = display_width(text);
    return size < width ? std::string(width - size, ' ') + text : text;
}

std::string one_time(double time) {
    const double times[] = {time};
    return time_text(time, time_decimals(times));
}

std::string probability(const std::optional<double>& value) {
    return value ? decimal_text(*value, 3) : "NA";
}

} // namespace

namespace {

// "  [SYNTHETIC DATA]", "  [RECONSTRUCTED from a publication: …]" or "".
std::string caveat_tag(bool synthetic, const ReconstructedSubjects& reconstructed) {
    if (synthetic) {
        return "  [SYNTHETIC DATA]";
    }
    const std::string caveat = data_caveat(false, reconstructed);
    return caveat.empty() ? std::string() : "  [" + caveat + "]";
}

} // namespace

std::string caveat_heading(const std::string& study_name, bool synthetic,
                           const ReconstructedSubjects& reconstructed) {
    const std::string tag = caveat_tag(synthetic, reconstructed);
    return tag.empty() ? std::string() : study_name + tag + "\n\n";
}

std::string summary_table(const Results& results) {
    std::string out = results.study_name + caveat_tag(results.synthetic, results.reconstructed);
    std::string unit = results.time_unit;
    std::transform(unit.begin(), unit.end(), unit.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out += "\n" + results.paramcd + ": " + results.param +
           (unit.empty() ? "" : "  [times in " + unit + "]") + "\n";
    if (results.from) {
        out += "Conditional on being event-free and followed at " + general_text(*results.from) +
               ": times counted from then\n";
    }
    out += "\n";

    const auto group_label = [](const ArmSurvival& group) {
        return group.arm + " / " + group.level;
    };
    std::size_t width = 4;
    for (const auto& arm : results.arms) {
        width = std::max(width, display_width(arm.arm));
    }
    for (const auto& group : results.curve_groups) {
        width = std::max(width, display_width(group_label(group)));
    }
    const double level = results.arms.empty() ? 0.95 : results.arms.front().km.options.conf_level;
    const int decimals = median_decimals(results);
    out += padded("Arm", width) + "      N  Events  Median (" + conf_level_text(level) + " CI)\n";
    const auto median = [&](const QuantileEstimate& m) {
        return median_ci_text(m.estimate, m.lower, m.upper, decimals);
    };
    const auto curve_row = [&](const std::string& label, const ArmSurvival& curve) {
        return padded(label, width) + pad_left(std::to_string(curve.km.n), 7) +
               pad_left(std::to_string(curve.km.n_events), 8) + "  " + median(curve.median) + "\n";
    };
    for (const auto& arm : results.arms) {
        out += curve_row(arm.arm, arm);
    }
    for (const auto& group : results.curve_groups) {
        out += curve_row(group_label(group), group);
    }
    if (results.median_follow_up) {
        // The reverse Kaplan-Meier median: censorings as events.
        out += "Median follow-up (reverse KM): " + median(*results.median_follow_up) +
               (unit.empty() ? "" : " " + unit) + "\n";
    }
    for (const auto& arm : results.arms) {
        for (const auto& at : arm.landmarks) {
            if (at.surv) {
                out += padded(arm.arm, width) + "  S(" + one_time(at.time) +
                       ") = " + probability(at.surv) + " (" + probability(at.lower) + ", " +
                       probability(at.upper) + "), " + std::to_string(at.n_risk) + " at risk\n";
            } else {
                out += padded(arm.arm, width) + "  S(" + one_time(at.time) +
                       ") not estimable: beyond follow-up\n";
            }
        }
        if (arm.rmst) {
            out += padded(arm.arm, width) + "  RMST to " + one_time(arm.rmst->tau) + " = " +
                   decimal_text(arm.rmst->estimate, 2) + " (SE " +
                   decimal_text(arm.rmst->std_err, 2) + ")\n";
        }
    }
    for (const auto& c : results.rmst_comparisons) {
        out += "RMST difference " + c.arm + " - " + results.arms.front().arm + ": " +
               difference_ci_text(c.difference, c.difference_lower, c.difference_upper, 2) + "\n";
    }
    if (results.cox) {
        std::string strata;
        for (const auto& name : results.strata) {
            strata += (strata.empty() ? ", stratified by " : ", ") + name;
        }
        out += "\nHazard ratio vs " + results.cox->reference_arm + " (Cox, " + results.cox->ties +
               " ties" + strata + ")\n";
        const auto ratio = [](const HazardRatio& term) {
            return term.hr ? ratio_ci_text(term.hr, term.lower, term.upper) + "  " +
                                 p_value_label(term.p)
                           : std::string("not estimable");
        };
        for (const auto& term : results.cox->terms) {
            out += padded(term.arm, width) + "  " + ratio(term) + "\n";
        }
        for (const auto& term : results.cox->adjustments) {
            const std::string name = term.level.empty() ? term.arm : term.arm + " " + term.level;
            out += padded("  (" + name + ")", width) + "  " + ratio(term) + "\n";
        }
        std::string by_ties;
        for (const auto& t : results.concordance.ties) {
            const auto& hr = t.terms.front().hr;
            by_ties += (by_ties.empty() ? "" : ", ") + t.ties + " " +
                       (hr ? ratio_text(hr, 3) : std::string("NA"));
        }
        out += "HR of " + results.cox->terms.front().arm + " by ties method: " + by_ties + "\n";
    }
    if (results.ph_test) {
        const PhTestRow& global = results.ph_test->rows.back();
        out += "Proportional hazards (cox.zph, km): " +
               (global.p ? "global " + p_value_label(global.p) : std::string("not testable")) +
               "\n";
    }
    if (results.logrank) {
        out += "Log-rank test: chi-square " + decimal_text(results.logrank->chisq, 3) + " on " +
               std::to_string(results.logrank->df) + " df, " + p_value_label(results.logrank->p) +
               "\n";
    }
    if (!results.weighted_logrank.empty() || results.maxcombo) {
        out += "Delayed effects (" + results.delayed_effects_arm + " vs " +
               (results.arms.empty() ? std::string("reference") : results.arms.front().arm) +
               ", z < 0 favours " + results.delayed_effects_arm + ")\n";
        const auto fh_name = [](const WeightedLogRankRow& row) {
            char text[64];
            std::snprintf(text, sizeof text, "FH(%g,%g)", row.rho, row.gamma);
            return std::string(text);
        };
        for (const auto& row : results.weighted_logrank) {
            out += "  " + padded(fh_name(row), 14) +
                   (row.z ? "z " + decimal_text(*row.z, 3) + ", " + p_value_label(row.p)
                          : std::string("not computable")) +
                   "\n";
        }
        if (results.maxcombo) {
            std::string names;
            for (const auto& row : results.maxcombo->tests) {
                names += (names.empty() ? "" : " ") + fh_name(row);
            }
            out += "  MaxCombo of " + names + ": z_max " +
                   decimal_text(results.maxcombo->z_max, 3) + ", " +
                   p_value_label(results.maxcombo->p) + "\n";
        }
    }
    if (!results.piecewise_hr.empty()) {
        out += "Piecewise hazard ratios (" + results.delayed_effects_arm + " vs " +
               (results.arms.empty() ? std::string("reference") : results.arms.front().arm) + ")\n";
        for (const auto& row : results.piecewise_hr) {
            const std::string period = "(" + general_text(row.from) + ", " +
                                       (row.to ? general_text(*row.to) + "]" : std::string("end)"));
            out += "  " + padded(period, 14) + padded(std::to_string(row.events) + " events", 12) +
                   (row.hr ? decimal_text(*row.hr, 2) + " (" + decimal_text(*row.lower, 2) + "–" +
                                 decimal_text(*row.upper, 2) + ")  " + p_value_label(row.p)
                           : std::string("not computable")) +
                   "\n";
        }
    }
    if (const std::string verdict = delayed_effects_verdict(results); !verdict.empty()) {
        out += "Verdict: " + verdict + "\n";
    }
    if (const auto& risks = results.competing_risks) {
        out += "Competing risks (causes in " + risks->cause_column +
               "; of interest: " + risks->cause_of_interest + ")\n";
        std::size_t cause_width = 0;
        for (const auto& cause : risks->causes) {
            cause_width = std::max(cause_width, display_width(cause) + 2);
        }
        for (const auto& curve : risks->cif) {
            if (!curve.time.empty()) {
                out += "  " + padded(curve.arm, width + 2) + padded(curve.cause, cause_width) +
                       "cumulative incidence at " + general_text(curve.time.back()) + ": " +
                       decimal_text(curve.estimate.back(), 3) + "\n";
            }
        }
        for (const auto& row : risks->landmarks) {
            out += "  " + padded(row.arm, width + 2) + padded(row.cause, cause_width) + "at " +
                   general_text(row.time) + ": " +
                   (row.estimate
                        ? decimal_text(*row.estimate, 3) + " (" + decimal_text(*row.lower, 3) +
                              "–" + decimal_text(*row.upper, 3) + ")"
                        : std::string("past the last time")) +
                   "\n";
        }
        for (const auto& test : risks->gray) {
            out += "  Gray's test, " + test.cause + ": " +
                   (std::isfinite(test.chisq)
                        ? "chi-square " + decimal_text(test.chisq, 3) + " on " +
                              std::to_string(test.df) + " df, " + p_value_label(test.p)
                        : std::string("not computable (singular variance)")) +
                   "\n";
        }
        if (risks->fine_gray) {
            for (const auto& term : risks->fine_gray->terms) {
                out += "  Fine–Gray subdistribution HR of " + risks->fine_gray->cause + ", " +
                       term.arm + ": " +
                       (term.hr ? ratio_ci_text(term.hr, term.lower, term.upper) + "  " +
                                      p_value_label(term.p)
                                : std::string("not estimable (an arm has no such event)")) +
                       "\n";
            }
        }
    }
    if (!results.subgroups.empty()) {
        out += "\nSubgroups (HR " + results.subgroups.front().arms[1].arm + " vs " +
               results.subgroups.front().arms[0].arm + ")\n";
        for (const auto& row : results.subgroups) {
            out += padded(row.variable + " = " + row.level, width) +
                   pad_left(std::to_string(row.n), 7) + pad_left(std::to_string(row.events), 8) +
                   "  " +
                   (row.hr ? ratio_ci_text(row.hr, row.lower, row.upper)
                           : std::string("not estimable")) +
                   (row.interaction_p ? "  interaction " + p_value_label(row.interaction_p) : "") +
                   "\n";
        }
    }
    for (const auto& warning : results.warnings) {
        out += "warning: " + warning + "\n";
    }
    return out;
}

} // namespace triallens::cli
