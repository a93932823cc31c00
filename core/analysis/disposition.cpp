#include "triallens/analysis/disposition.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace triallens {

namespace {

// What a subject's reason is called when its discontinuation gives none.
constexpr const char* reason_not_recorded = "Not recorded";

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// The text of a categorical column on a row ("" where missing); a numeric
// column has no text.
const std::string& text_of(const Variable* variable, std::size_t row) {
    static const std::string none;
    if (variable == nullptr || !variable->is_categorical()) {
        return none;
    }
    const std::int32_t code = variable->codes()[row];
    return code < 0 ? none : variable->levels()[static_cast<std::size_t>(code)];
}

bool is_yes(const Variable* flag, std::size_t row) {
    return upper(text_of(flag, row)) == "Y";
}

// A column the study has as text (a numeric column of that name is not a status).
const Variable* text_column(const Study& study, const char* name) {
    const Variable* variable = study.subjects.find(name);
    return variable != nullptr && variable->is_categorical() ? variable : nullptr;
}

// Counts per column (the arms, then the total) of one stage and its reasons.
class Stage {
public:
    Stage(std::string name, std::size_t columns) : name_(std::move(name)), counts_(columns, 0) {}

    void count(std::size_t arm, std::optional<std::string> reason = std::nullopt) {
        ++counts_[arm];
        ++counts_.back();
        if (reason) {
            auto& per_arm = reasons_[reason->empty() ? reason_not_recorded : *reason];
            per_arm.resize(counts_.size(), 0);
            ++per_arm[arm];
            ++per_arm.back();
        }
    }

    // The stage's row, then its reasons, most frequent first (ties by name).
    void append_to(std::vector<DispositionRow>& rows,
                   const std::vector<std::size_t>& randomised) const {
        rows.push_back(row(name_, "", counts_, randomised));
        std::vector<std::pair<std::string, std::vector<std::size_t>>> reasons(reasons_.begin(),
                                                                              reasons_.end());
        std::stable_sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) {
            return a.second.back() > b.second.back();
        });
        for (const auto& [reason, counts] : reasons) {
            rows.push_back(row(name_, reason, counts, randomised));
        }
    }

private:
    static DispositionRow row(const std::string& stage, const std::string& reason,
                              const std::vector<std::size_t>& counts,
                              const std::vector<std::size_t>& randomised) {
        DispositionRow out{stage, reason, counts, {}};
        for (std::size_t c = 0; c < counts.size(); ++c) {
            out.pct.push_back(randomised[c] > 0 ? 100.0 * static_cast<double>(counts[c]) /
                                                      static_cast<double>(randomised[c])
                                                : 0.0);
        }
        return out;
    }

    std::string name_;
    std::vector<std::size_t> counts_;
    std::map<std::string, std::vector<std::size_t>> reasons_; // sorted by name
};

// Ongoing / completed / discontinued (with reasons) from a status column.
void status_stages(const Variable& status, const Variable* reason, const std::string& what,
                   std::span<const std::int32_t> subject_arm, const std::vector<bool>& randomised,
                   std::size_t columns, std::vector<Stage>& stages) {
    Stage ongoing(what == "study" ? "Ongoing in study" : "Ongoing " + what, columns);
    Stage completed("Completed " + what, columns);
    Stage discontinued("Discontinued " + what, columns);
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        if (!randomised[s]) {
            continue;
        }
        const auto arm = static_cast<std::size_t>(subject_arm[s]);
        const std::string value = upper(text_of(&status, s));
        if (value == "ONGOING") {
            ongoing.count(arm);
        } else if (value == "COMPLETED") {
            completed.count(arm);
        } else if (value == "DISCONTINUED") {
            discontinued.count(arm, text_of(reason, s));
        }
    }
    stages.push_back(std::move(ongoing));
    stages.push_back(std::move(completed));
    stages.push_back(std::move(discontinued));
}

} // namespace

Disposition disposition_table(const Study& study, std::span<const std::int32_t> subject_arm,
                              std::vector<std::string> arms, std::string arm_variable) {
    Disposition out;
    const std::size_t arm_count = arms.size();
    const std::size_t columns = arm_count + 1;
    out.arm_variable = std::move(arm_variable);
    out.columns = std::move(arms);
    out.columns.emplace_back("Total");

    std::vector<bool> with_arm(subject_arm.size(), false);
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        with_arm[s] = subject_arm[s] >= 0 && static_cast<std::size_t>(subject_arm[s]) < arm_count;
    }

    // Randomised: the first flag the study has, else every subject with an arm.
    const Variable* randfl = text_column(study, "RANDFL");
    const Variable* ittfl = text_column(study, "ITTFL");
    const Variable* randomised_flag = randfl != nullptr ? randfl : ittfl;
    std::vector<bool> randomised(subject_arm.size(), false);
    Stage randomised_stage("Randomised", columns);
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        randomised[s] = with_arm[s] && (randomised_flag == nullptr || is_yes(randomised_flag, s));
        if (randomised[s]) {
            randomised_stage.count(static_cast<std::size_t>(subject_arm[s]));
        }
    }
    out.sources.push_back("Randomised: " + (randomised_flag != nullptr
                                                ? randomised_flag->name() + " = \"Y\""
                                                : "every subject with an arm"));
    std::vector<Stage> stages{randomised_stage};

    // Treated: SAFFL, else a first dose date.
    const Variable* saffl = text_column(study, "SAFFL");
    const Variable* trtsdt = study.subjects.find("TRTSDT");
    if (saffl != nullptr || trtsdt != nullptr) {
        Stage treated("Treated", columns);
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            if (!randomised[s]) {
                continue;
            }
            const bool dosed = saffl != nullptr       ? is_yes(saffl, s)
                               : trtsdt->is_numeric() ? !std::isnan(trtsdt->numbers()[s])
                                                      : !text_of(trtsdt, s).empty();
            if (dosed) {
                treated.count(static_cast<std::size_t>(subject_arm[s]));
            }
        }
        stages.push_back(std::move(treated));
        out.sources.push_back(saffl != nullptr ? "Treated: SAFFL = \"Y\""
                                               : "Treated: TRTSDT present");
    }

    // Treatment: EOTSTT with DCTREAS, else DCTREAS alone as discontinuations.
    const Variable* eotstt = text_column(study, "EOTSTT");
    const Variable* dctreas = text_column(study, "DCTREAS");
    if (eotstt != nullptr) {
        status_stages(*eotstt, dctreas, "treatment", subject_arm, randomised, columns, stages);
        out.sources.push_back(dctreas != nullptr ? "Treatment: EOTSTT/DCTREAS"
                                                 : "Treatment: EOTSTT");
    } else if (dctreas != nullptr) {
        Stage discontinued("Discontinued treatment", columns);
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            if (randomised[s] && !text_of(dctreas, s).empty()) {
                discontinued.count(static_cast<std::size_t>(subject_arm[s]), text_of(dctreas, s));
            }
        }
        stages.push_back(std::move(discontinued));
        out.sources.push_back("Treatment: DCTREAS");
    }

    // Study: EOSSTT with DCSREAS, else the pilot's DCDECOD with DCREASCD.
    const Variable* eosstt = text_column(study, "EOSSTT");
    const Variable* dcsreas = text_column(study, "DCSREAS");
    const Variable* dcdecod = text_column(study, "DCDECOD");
    const Variable* dcreascd = text_column(study, "DCREASCD");
    if (eosstt != nullptr) {
        status_stages(*eosstt, dcsreas, "study", subject_arm, randomised, columns, stages);
        out.sources.push_back(dcsreas != nullptr ? "Study: EOSSTT/DCSREAS" : "Study: EOSSTT");
    } else if (dcdecod != nullptr) {
        Stage completed("Completed study", columns);
        Stage discontinued("Discontinued study", columns);
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            const std::string& decod = text_of(dcdecod, s);
            if (!randomised[s] || decod.empty()) {
                continue;
            }
            const auto arm = static_cast<std::size_t>(subject_arm[s]);
            if (upper(decod) == "COMPLETED") {
                completed.count(arm);
            } else {
                const std::string& reason = text_of(dcreascd, s);
                discontinued.count(arm, reason.empty() ? decod : reason);
            }
        }
        stages.push_back(std::move(completed));
        stages.push_back(std::move(discontinued));
        out.sources.push_back(dcreascd != nullptr ? "Study: DCDECOD/DCREASCD" : "Study: DCDECOD");
    }

    const std::vector<std::size_t> randomised_n = [&] {
        std::vector<std::size_t> n(columns, 0);
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            if (randomised[s]) {
                ++n[static_cast<std::size_t>(subject_arm[s])];
                ++n.back();
            }
        }
        return n;
    }();
    for (const Stage& stage : stages) {
        stage.append_to(out.rows, randomised_n);
    }
    return out;
}

} // namespace triallens
