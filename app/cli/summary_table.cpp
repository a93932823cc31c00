#include "cli/summary_table.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace triallens::cli {

namespace {

std::string fixed(double value, int decimals = 2) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string limit(const std::optional<double>& value) {
    return value ? fixed(*value) : "NR";
}

std::string pad(std::string text, std::size_t width) {
    if (text.size() < width) {
        text.append(width - text.size(), ' ');
    }
    return text;
}

std::string pad_left(const std::string& text, std::size_t width) {
    return text.size() < width ? std::string(width - text.size(), ' ') + text : text;
}

std::string p_value(double p) {
    if (p < 0.001) {
        return "p < 0.001";
    }
    return "p = " + fixed(p, 3);
}

} // namespace

std::string summary_table(const Results& results) {
    std::string out = results.study_name;
    if (results.synthetic) {
        out += "  [SYNTHETIC DATA]";
    }
    std::string unit = results.time_unit;
    std::transform(unit.begin(), unit.end(), unit.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out += "\n" + results.paramcd + ": " + results.param +
           (unit.empty() ? "" : "  [times in " + unit + "]") + "\n\n";

    const auto group_label = [](const ArmSurvival& group) {
        return group.arm + " / " + group.level;
    };
    std::size_t width = 4;
    for (const auto& arm : results.arms) {
        width = std::max(width, arm.arm.size());
    }
    for (const auto& group : results.curve_groups) {
        width = std::max(width, group_label(group).size());
    }
    const double level = results.arms.empty() ? 0.95 : results.arms.front().km.options.conf_level;
    const std::string level_text =
        fixed(level * 100, level * 100 == static_cast<int>(level * 100) ? 0 : 1);
    out += pad("Arm", width) + "      N  Events  Median (" + level_text + "% CI)\n";
    const auto curve_row = [&](const std::string& label, const ArmSurvival& curve) {
        const auto& m = curve.median;
        return pad(label, width) + pad_left(std::to_string(curve.km.n), 7) +
               pad_left(std::to_string(curve.km.n_events), 8) + "  " +
               (m.estimate ? fixed(*m.estimate) : std::string("NR")) + " (" + limit(m.lower) +
               ", " + limit(m.upper) + ")\n";
    };
    for (const auto& arm : results.arms) {
        out += curve_row(arm.arm, arm);
    }
    for (const auto& group : results.curve_groups) {
        out += curve_row(group_label(group), group);
    }
    if (results.median_follow_up) {
        // The reverse Kaplan-Meier median: censorings as events.
        const auto& f = *results.median_follow_up;
        out += "Median follow-up (reverse KM): " +
               (f.estimate ? fixed(*f.estimate) : std::string("NR")) + " (" + level_text + "% CI " +
               limit(f.lower) + ", " + limit(f.upper) + ")" + (unit.empty() ? "" : " " + unit) +
               "\n";
    }
    for (const auto& arm : results.arms) {
        for (const auto& at : arm.landmarks) {
            if (at.surv) {
                out += pad(arm.arm, width) + "  S(" + fixed(at.time, 1) +
                       ") = " + fixed(*at.surv, 3) + " (" +
                       (at.lower ? fixed(*at.lower, 3) : "NA") + ", " +
                       (at.upper ? fixed(*at.upper, 3) : "NA") + "), " + std::to_string(at.n_risk) +
                       " at risk\n";
            } else {
                out += pad(arm.arm, width) + "  S(" + fixed(at.time, 1) +
                       ") not estimable: beyond follow-up\n";
            }
        }
        if (arm.rmst) {
            out += pad(arm.arm, width) + "  RMST to " + fixed(arm.rmst->tau, 1) + " = " +
                   fixed(arm.rmst->estimate) + " (SE " + fixed(arm.rmst->std_err) + ")\n";
        }
    }
    for (const auto& c : results.rmst_comparisons) {
        out += "RMST difference " + c.arm + " - " + results.arms.front().arm + ": " +
               fixed(c.difference) + " (" + fixed(c.difference_lower) + ", " +
               fixed(c.difference_upper) + ")\n";
    }
    if (results.cox) {
        std::string strata;
        for (const auto& name : results.strata) {
            strata += (strata.empty() ? ", stratified by " : ", ") + name;
        }
        out += "\nHazard ratio vs " + results.cox->reference_arm + " (Cox, " + results.cox->ties +
               " ties" + strata + ")\n";
        const auto ratio = [](const HazardRatio& term) {
            return term.hr ? fixed(*term.hr) + " (" + fixed(*term.lower) + ", " +
                                 fixed(*term.upper) + ")  " + p_value(*term.p)
                           : std::string("not estimable");
        };
        for (const auto& term : results.cox->terms) {
            out += pad(term.arm, width) + "  " + ratio(term) + "\n";
        }
        for (const auto& term : results.cox->adjustments) {
            const std::string name = term.level.empty() ? term.arm : term.arm + " " + term.level;
            out += pad("  (" + name + ")", width) + "  " + ratio(term) + "\n";
        }
        std::string by_ties;
        for (const auto& t : results.concordance.ties) {
            const auto& hr = t.terms.front().hr;
            by_ties += (by_ties.empty() ? "" : ", ") + t.ties + " " +
                       (hr ? fixed(*hr, 3) : std::string("NA"));
        }
        out += "HR of " + results.cox->terms.front().arm + " by ties method: " + by_ties + "\n";
    }
    if (results.ph_test) {
        const PhTestRow& global = results.ph_test->rows.back();
        out += "Proportional hazards (cox.zph, km): " +
               (global.p ? "global " + p_value(*global.p) : std::string("not testable")) + "\n";
    }
    if (results.logrank) {
        out += "Log-rank test: chi-square " + fixed(results.logrank->chisq, 3) + " on " +
               std::to_string(results.logrank->df) + " df, " + p_value(results.logrank->p) + "\n";
    }
    if (!results.subgroups.empty()) {
        out += "\nSubgroups (HR " + results.subgroups.front().arms[1].arm + " vs " +
               results.subgroups.front().arms[0].arm + ")\n";
        for (const auto& row : results.subgroups) {
            out +=
                pad(row.variable + " = " + row.level, width) + pad_left(std::to_string(row.n), 7) +
                pad_left(std::to_string(row.events), 8) + "  " +
                (row.hr ? fixed(*row.hr) + " (" + limit(row.lower) + ", " + limit(row.upper) + ")"
                        : std::string("not estimable")) +
                (row.interaction_p ? "  interaction " + p_value(*row.interaction_p) : "") + "\n";
        }
    }
    for (const auto& warning : results.warnings) {
        out += "warning: " + warning + "\n";
    }
    return out;
}

} // namespace triallens::cli
