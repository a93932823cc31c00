#include "triallens/format/delayed_effects_verdict.h"

#include "triallens/analysis/results.h"
#include "triallens/format/number_format.h"

#include <cstdio>
#include <optional>
#include <vector>

namespace triallens {

namespace {

struct MethodP {
    std::string name;
    std::optional<double> p;
};

std::string fh_name(const WeightedLogRankRow& row) {
    char text[64];
    std::snprintf(text, sizeof text, "FH(%g,%g)", row.rho, row.gamma);
    return text;
}

bool significant(double p) {
    return p < verdict_significance_level;
}

// "A", "A and B", "A, B and C".
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    }
    return out;
}

std::optional<HazardRatio> compared_arm_cox(const Results& results) {
    if (!results.cox) {
        return std::nullopt;
    }
    for (const auto& term : results.cox->terms) {
        if (term.arm == results.delayed_effects_arm) {
            return term;
        }
    }
    return std::nullopt;
}

bool piecewise_cis_apart(const std::vector<PiecewiseHazardRatio>& periods) {
    for (const auto& a : periods) {
        for (const auto& b : periods) {
            if (a.lower && a.upper && b.lower && b.upper && *a.upper < *b.lower) {
                return true;
            }
        }
    }
    return false;
}

std::optional<double> schoenfeld_arm_p(const Results& results) {
    if (results.ph_test) {
        for (const auto& row : results.ph_test->rows) {
            if (row.term == "arm") {
                return row.p;
            }
        }
    }
    return std::nullopt;
}

std::string proportionality_clause(const Results& results) {
    std::string piecewise;
    if (!results.piecewise_hr.empty()) {
        piecewise = "piecewise HRs ";
        for (std::size_t i = 0; i < results.piecewise_hr.size(); ++i) {
            piecewise += (i == 0 ? "" : " → ") + ratio_text(results.piecewise_hr[i].hr);
        }
    }
    const std::optional<double> schoenfeld = schoenfeld_arm_p(results);
    const std::string schoenfeld_text = "Schoenfeld test " + p_value_label(schoenfeld);
    const bool apart = piecewise_cis_apart(results.piecewise_hr);
    const bool schoenfeld_says = schoenfeld && significant(*schoenfeld);
    if (apart && schoenfeld_says) {
        return piecewise + " (CIs apart) and " + schoenfeld_text +
               " suggest non-proportional hazards";
    }
    if (apart) {
        return piecewise + " (CIs apart) suggest non-proportional hazards";
    }
    if (schoenfeld_says) {
        return schoenfeld_text + " suggests non-proportional hazards" +
               (piecewise.empty() ? "" : " (" + piecewise + ")");
    }
    std::vector<std::string> looked_at;
    if (!piecewise.empty()) {
        looked_at.push_back(piecewise + " with overlapping CIs");
    }
    if (schoenfeld) {
        looked_at.push_back(schoenfeld_text);
    }
    return looked_at.empty() ? std::string()
                             : "no sign of non-proportional hazards (" + joined(looked_at) + ")";
}

} // namespace

std::string delayed_effects_verdict(const Results& results) {
    if (!results.logrank || (results.weighted_logrank.empty() && !results.maxcombo)) {
        return {};
    }
    std::vector<MethodP> methods;
    for (const auto& row : results.weighted_logrank) {
        if (row.rho != 0 || row.gamma != 0) {
            methods.push_back({fh_name(row), row.p});
        }
    }
    if (results.maxcombo) {
        methods.push_back({"MaxCombo", results.maxcombo->p});
    }

    const double logrank_p = results.logrank->p;
    const bool logrank_significant = significant(logrank_p);
    std::string out = "Log-rank " + p_value_label(logrank_p);
    if (const auto cox = compared_arm_cox(results); cox && cox->hr) {
        out += " (Cox HR " + ratio_text(cox->hr) + ", " + p_value_label(cox->p) + ")";
    }

    std::vector<std::string> agree;
    std::vector<std::string> change;
    std::vector<std::string> undefined;
    for (const auto& method : methods) {
        if (!method.p) {
            undefined.push_back(method.name);
        } else if (significant(*method.p) == logrank_significant) {
            agree.push_back(method.name + " " + p_value_label(method.p));
        } else {
            change.push_back(method.name + " " + p_value_label(method.p));
        }
    }
    const std::string same_side = logrank_significant ? "below 0.05" : "above 0.05";
    const std::string other_side = logrank_significant ? "above 0.05" : "below 0.05";
    std::vector<std::string> clauses;
    if (change.empty()) {
        clauses.push_back((agree.empty() ? std::string("no delayed-effects test computable")
                                         : joined(agree) + " also " + same_side) +
                          " — no method changes the conclusion");
    } else {
        std::string clause = joined(change) + " " + other_side + " — " +
                             (change.size() == 1 ? "it changes" : "they change") +
                             " the conclusion";
        if (!agree.empty()) {
            clause += "; " + joined(agree) + " " + same_side + " as the log-rank";
        }
        clauses.push_back(clause);
    }
    if (!undefined.empty()) {
        clauses.push_back(joined(undefined) + " not computable");
    }
    if (const std::string proportionality = proportionality_clause(results);
        !proportionality.empty()) {
        clauses.push_back(proportionality);
    }
    out += "; ";
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        out += (i == 0 ? "" : "; ") + clauses[i];
    }
    return out + ".";
}

} // namespace triallens
