#include "triallens/analysis/disposition.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
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

// A column the study has as text (a numeric column of that name is not a status).
const Variable* text_column(const Study& study, const char* name) {
    const Variable* variable = study.subjects.find(name);
    return variable != nullptr && variable->is_categorical() ? variable : nullptr;
}

// The columns are read per level, once, and per subject only by code: the
// texts of a million subjects are a handful of levels.
std::int32_t code_of(const Variable* variable, std::size_t row) {
    return variable == nullptr || !variable->is_categorical() ? -1 : variable->codes()[row];
}

// Per level of a text column: whether it reads `word` in any case.
std::vector<std::uint8_t> levels_reading(const Variable* variable, const char* word) {
    std::vector<std::uint8_t> reads;
    if (variable != nullptr && variable->is_categorical()) {
        for (const std::string& level : variable->levels()) {
            reads.push_back(upper(level) == word ? 1 : 0);
        }
    }
    return reads;
}

bool reads(const std::vector<std::uint8_t>& per_level, std::int32_t code) {
    return code >= 0 && per_level[static_cast<std::size_t>(code)] != 0;
}

// A stage's reasons as slots: 0 is "no reason given", then the levels of
// each reason column in turn. A slot's name is its level's text.
class ReasonSlots {
public:
    ReasonSlots() : names_{""} {}

    // The first slot of `variable`'s levels (its level l is slot first + l).
    std::size_t add(const Variable* variable) {
        const std::size_t first = names_.size();
        if (variable != nullptr && variable->is_categorical()) {
            names_.insert(names_.end(), variable->levels().begin(), variable->levels().end());
        }
        return first;
    }

    const std::vector<std::string>& names() const { return names_; }

private:
    std::vector<std::string> names_;
};

// Counts per column (the arms, then the total) of one stage and its reasons.
class Stage {
public:
    Stage(std::string name, std::size_t columns, std::vector<std::string> reason_names = {})
        : name_(std::move(name)), counts_(columns, 0), reason_names_(std::move(reason_names)),
          reason_counts_(reason_names_.size() * columns, 0) {}

    void count(std::size_t arm, std::size_t times = 1) {
        counts_[arm] += times;
        counts_.back() += times;
    }

    void count_with_reason(std::size_t arm, std::size_t reason_slot, std::size_t times = 1) {
        count(arm, times);
        reason_counts_[reason_slot * counts_.size() + arm] += times;
        reason_counts_[reason_slot * counts_.size() + counts_.size() - 1] += times;
    }

    // The stage's row, then its reasons, most frequent first (ties by name).
    void append_to(std::vector<DispositionRow>& rows,
                   const std::vector<std::size_t>& randomised) const {
        rows.push_back(row(name_, "", counts_, randomised));
        // Slots of one text (a reason column's level "Not recorded" and no
        // reason, or the same text in two columns) are one reason.
        std::map<std::string, std::vector<std::size_t>> by_name;
        const std::size_t columns = counts_.size();
        for (std::size_t slot = 0; slot < reason_names_.size(); ++slot) {
            const auto first = reason_counts_.begin() + static_cast<std::ptrdiff_t>(slot * columns);
            if (first[static_cast<std::ptrdiff_t>(columns - 1)] == 0) {
                continue;
            }
            const std::string& name = reason_names_[slot];
            auto& per_arm = by_name[name.empty() ? reason_not_recorded : name];
            per_arm.resize(columns, 0);
            for (std::size_t c = 0; c < columns; ++c) {
                per_arm[c] += first[static_cast<std::ptrdiff_t>(c)];
            }
        }
        std::vector<std::pair<std::string, std::vector<std::size_t>>> reasons(by_name.begin(),
                                                                              by_name.end());
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
    std::vector<std::string> reason_names_;  // per slot
    std::vector<std::size_t> reason_counts_; // per slot, per column
};

// Ongoing / completed / discontinued (with reasons) from a status column:
// the subjects tallied by (status level, reason level, arm) in one pass
// without branches on their values, then the tallies read per level.
void status_stages(const Variable& status, const Variable* reason, const std::string& what,
                   std::span<const std::int32_t> subject_arm,
                   const std::vector<std::uint8_t>& randomised, std::size_t columns,
                   std::vector<Stage>& stages) {
    ReasonSlots slots;
    const std::size_t first_reason = slots.add(reason);
    Stage ongoing(what == "study" ? "Ongoing in study" : "Ongoing " + what, columns);
    Stage completed("Completed " + what, columns);
    Stage discontinued("Discontinued " + what, columns, slots.names());
    const std::size_t arms = columns - 1;
    const std::size_t status_slots = status.levels().size() + 1;              // 0: no status
    const std::size_t reason_slots = slots.names().size() - first_reason + 1; // 0: no reason
    std::vector<std::size_t> tally(status_slots * reason_slots * arms, 0);
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        if (randomised[s] == 0) {
            continue;
        }
        const auto value = static_cast<std::size_t>(status.codes()[s] + 1);
        const auto why = static_cast<std::size_t>(code_of(reason, s) + 1);
        ++tally[(value * reason_slots + why) * arms + static_cast<std::size_t>(subject_arm[s])];
    }
    const std::vector<std::uint8_t> is_ongoing = levels_reading(&status, "ONGOING");
    const std::vector<std::uint8_t> is_completed = levels_reading(&status, "COMPLETED");
    const std::vector<std::uint8_t> is_discontinued = levels_reading(&status, "DISCONTINUED");
    for (std::size_t value = 1; value < status_slots; ++value) {
        const auto level = static_cast<std::int32_t>(value - 1);
        for (std::size_t why = 0; why < reason_slots; ++why) {
            for (std::size_t arm = 0; arm < arms; ++arm) {
                const std::size_t n = tally[(value * reason_slots + why) * arms + arm];
                if (n == 0) {
                    continue;
                }
                if (reads(is_ongoing, level)) {
                    ongoing.count(arm, n);
                } else if (reads(is_completed, level)) {
                    completed.count(arm, n);
                } else if (reads(is_discontinued, level)) {
                    discontinued.count_with_reason(arm, why == 0 ? 0 : first_reason + why - 1, n);
                }
            }
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
    std::vector<std::uint8_t> randomised(subject_arm.size(), 0);
    Stage randomised_stage("Randomised", columns);
    const std::vector<std::uint8_t> randomised_yes = levels_reading(randomised_flag, "Y");
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        randomised[s] = with_arm[s] && (randomised_flag == nullptr ||
                                        reads(randomised_yes, code_of(randomised_flag, s)));
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
        const std::vector<std::uint8_t> safety_yes = levels_reading(saffl, "Y");
        const std::vector<std::uint8_t> date_blank = levels_reading(trtsdt, "");
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            if (!randomised[s]) {
                continue;
            }
            const bool dosed = saffl != nullptr       ? reads(safety_yes, code_of(saffl, s))
                               : trtsdt->is_numeric() ? !std::isnan(trtsdt->numbers()[s])
                                                      : code_of(trtsdt, s) >= 0 &&
                                                            !reads(date_blank, code_of(trtsdt, s));
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
        ReasonSlots slots;
        const std::size_t first_reason = slots.add(dctreas);
        Stage discontinued("Discontinued treatment", columns, slots.names());
        const std::vector<std::uint8_t> blank = levels_reading(dctreas, "");
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            const std::int32_t why = dctreas->codes()[s];
            if (randomised[s] && why >= 0 && !reads(blank, why)) {
                discontinued.count_with_reason(static_cast<std::size_t>(subject_arm[s]),
                                               first_reason + static_cast<std::size_t>(why));
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
        // The reason is DCREASCD's text, else DCDECOD's own.
        ReasonSlots slots;
        const std::size_t first_reason = slots.add(dcreascd);
        const std::size_t first_decod = slots.add(dcdecod);
        Stage completed("Completed study", columns);
        Stage discontinued("Discontinued study", columns, slots.names());
        const std::vector<std::uint8_t> decod_blank = levels_reading(dcdecod, "");
        const std::vector<std::uint8_t> decod_completed = levels_reading(dcdecod, "COMPLETED");
        const std::vector<std::uint8_t> reason_blank = levels_reading(dcreascd, "");
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            const std::int32_t decod = dcdecod->codes()[s];
            if (!randomised[s] || decod < 0 || reads(decod_blank, decod)) {
                continue;
            }
            const auto arm = static_cast<std::size_t>(subject_arm[s]);
            if (reads(decod_completed, decod)) {
                completed.count(arm);
            } else {
                const std::int32_t reason = code_of(dcreascd, s);
                discontinued.count_with_reason(arm,
                                               reason >= 0 && !reads(reason_blank, reason)
                                                   ? first_reason + static_cast<std::size_t>(reason)
                                                   : first_decod + static_cast<std::size_t>(decod));
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
