#include "triallens/analysis/baseline_table.h"

#include "triallens/analysis/refit.h"
#include "triallens/data/adam_labels.h"
#include "triallens/stats/contingency_table.h"
#include "triallens/stats/fisher_exact_table.h"
#include "triallens/stats/kruskal_wallis.h"
#include "triallens/stats/pearson_chi_square.h"
#include "triallens/stats/sample_quantile.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace triallens {

namespace {

// gtsummary's rule: Fisher's exact test when an expected count is below this.
constexpr double fisher_below_expected = 5;

// mean() as R computes it: the sum in extended precision, then the mean
// refined by the mean of the residuals.
double r_mean(std::span<const double> values) {
    long double sum = 0;
    for (const double value : values) {
        sum += value;
    }
    const long double n = static_cast<long double>(values.size());
    long double mean = sum / n;
    long double residual = 0;
    for (const double value : values) {
        residual += value - mean;
    }
    mean += residual / n;
    return static_cast<double>(mean);
}

// sd() as R computes it: the n − 1 variance about the mean, two-pass.
double r_sd(std::span<const double> values, double mean) {
    long double sum = 0;
    for (const double value : values) {
        const long double difference = value - static_cast<long double>(mean);
        sum += difference * difference;
    }
    return std::sqrt(static_cast<double>(sum / static_cast<long double>(values.size() - 1)));
}

// `sorted` ascending.
ContinuousSummary summarise(std::span<const double> sorted, std::size_t missing,
                            int quantile_type) {
    ContinuousSummary summary;
    summary.n = sorted.size();
    summary.missing = missing;
    if (sorted.empty()) {
        return summary;
    }
    summary.mean = r_mean(sorted);
    if (sorted.size() > 1) {
        summary.sd = r_sd(sorted, *summary.mean);
    }
    summary.median = sample_quantile(sorted, 0.5, quantile_type);
    summary.q1 = sample_quantile(sorted, 0.25, quantile_type);
    summary.q3 = sample_quantile(sorted, 0.75, quantile_type);
    summary.min = sorted.front();
    summary.max = sorted.back();
    return summary;
}

// A column's values per arm, each sorted, and how many of each arm hold each
// distinct value (the Kruskal–Wallis test's ties): from one sort of all the
// values, or none where they are whole numbers in a range not much wider
// than their count (AGE: a counting sort).
struct SortedByArm {
    std::vector<std::vector<double>> values; // per arm, then the total
    std::vector<std::size_t> tied;           // per distinct value, per arm
};

SortedByArm sort_by_arm(const std::vector<std::pair<double, std::int32_t>>& values,
                        std::size_t arms) {
    SortedByArm out;
    out.values.resize(arms + 1);
    const auto add_run = [&](double value, std::span<const std::size_t> per_arm) {
        std::size_t in_run = 0;
        for (std::size_t a = 0; a < arms; ++a) {
            out.values[a].insert(out.values[a].end(), per_arm[a], value);
            out.tied.push_back(per_arm[a]);
            in_run += per_arm[a];
        }
        out.values[arms].insert(out.values[arms].end(), in_run, value);
    };
    if (values.empty()) {
        return out;
    }
    double lowest = values.front().first;
    double highest = lowest;
    bool whole = true; // whole numbers, and no -0 (a counting sort would make it 0)
    for (const auto& [value, arm] : values) {
        lowest = std::min(lowest, value);
        highest = std::max(highest, value);
        whole = whole && value == std::floor(value) && !(value == 0 && std::signbit(value));
    }
    const double range = highest - lowest;
    if (whole && range <= 4 * static_cast<double>(values.size()) + 1024) {
        const auto slots = static_cast<std::size_t>(range) + 1;
        std::vector<std::size_t> counts(slots * arms, 0);
        for (const auto& [value, arm] : values) {
            ++counts[static_cast<std::size_t>(value - lowest) * arms +
                     static_cast<std::size_t>(arm)];
        }
        for (auto& column : out.values) {
            column.reserve(values.size());
        }
        for (std::size_t v = 0; v < slots; ++v) {
            const std::span<const std::size_t> per_arm(counts.data() + v * arms, arms);
            if (std::any_of(per_arm.begin(), per_arm.end(), [](std::size_t c) { return c > 0; })) {
                add_run(lowest + static_cast<double>(v), per_arm);
            }
        }
        return out;
    }
    std::vector<std::pair<double, std::int32_t>> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::size_t> per_arm(arms, 0);
    for (std::size_t start = 0; start < sorted.size();) {
        std::fill(per_arm.begin(), per_arm.end(), 0);
        std::size_t end = start;
        while (end < sorted.size() && sorted[end].first == sorted[start].first) {
            ++per_arm[static_cast<std::size_t>(sorted[end].second)];
            ++end;
        }
        for (std::size_t k = start; k < end; ++k) {
            out.values[static_cast<std::size_t>(sorted[k].second)].push_back(sorted[k].first);
            out.values[arms].push_back(sorted[k].first);
        }
        for (const std::size_t count : per_arm) {
            out.tied.push_back(count);
        }
        start = end;
    }
    return out;
}

BaselineRow continuous_row(const Variable& variable, std::span<const std::int32_t> subject_arm,
                           std::size_t arms, const BaselineSpec& spec) {
    BaselineRow row;
    row.type = BaselineRow::Type::Continuous;
    std::vector<std::pair<double, std::int32_t>> values;
    std::vector<std::size_t> missing(arms + 1, 0);
    const auto& numbers = variable.numbers();
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        const std::int32_t arm = subject_arm[s];
        if (arm < 0) {
            continue;
        }
        if (std::isnan(numbers[s])) {
            ++missing[static_cast<std::size_t>(arm)];
            ++missing[arms];
            continue;
        }
        values.emplace_back(numbers[s], arm);
    }
    const SortedByArm sorted = sort_by_arm(values, arms);
    for (std::size_t c = 0; c <= arms; ++c) {
        row.stats.push_back(summarise(sorted.values[c], missing[c], spec.quantile_type));
    }
    if (spec.p_values && arms >= 2) {
        const KruskalWallis test = kruskal_wallis_of_ties(sorted.tied, arms);
        BaselineTest kruskal{"Kruskal-Wallis", test.statistic, {}, test.p};
        if (test.df > 0) {
            kruskal.df = test.df;
        }
        row.test = std::move(kruskal);
    }
    return row;
}

// The test of a categorical row over the arms (not the total), and a note
// when Fisher's test was due but too large to enumerate.
BaselineTest categorical_test(const BaselineRow& row, std::size_t arms, std::string& note) {
    ContingencyTable table{row.levels.size(), arms, {}};
    for (const BaselineLevel& level : row.levels) {
        for (std::size_t a = 0; a < arms; ++a) {
            table.counts.push_back(level.counts[a].n);
        }
    }
    table = table.without_empty_margins();
    const PearsonChiSquare pearson = pearson_chi_square(table);
    BaselineTest chi_square{"Pearson chi-square", pearson.statistic, {}, pearson.p};
    if (pearson.statistic) {
        chi_square.df = pearson.df;
    }
    const bool small_expected =
        pearson.statistic && std::any_of(pearson.expected.begin(), pearson.expected.end(),
                                         [](double e) { return e < fisher_below_expected; });
    if (!small_expected) {
        return chi_square;
    }
    const std::optional<double> p = fisher_exact_table(table);
    if (!p) {
        note = row.variable +
               ": an expected count is below 5, but Fisher's exact test has too many tables to "
               "enumerate; Pearson's chi-square is given instead";
        return chi_square;
    }
    return BaselineTest{"Fisher exact", std::nullopt, std::nullopt, p};
}

BaselineRow categorical_row(const Variable& variable, std::span<const std::int32_t> subject_arm,
                            std::size_t arms, const std::vector<std::size_t>& column_n) {
    BaselineRow row;
    row.type = BaselineRow::Type::Categorical;
    const std::size_t levels = variable.levels().size();
    std::vector<std::size_t> counts(levels * (arms + 1), 0);
    row.missing.assign(arms + 1, 0);
    const auto& codes = variable.codes();
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        const std::int32_t arm = subject_arm[s];
        if (arm < 0) {
            continue;
        }
        const auto column = static_cast<std::size_t>(arm);
        if (codes[s] < 0) {
            ++row.missing[column];
            ++row.missing[arms];
            continue;
        }
        const auto level = static_cast<std::size_t>(codes[s]);
        ++counts[level * (arms + 1) + column];
        ++counts[level * (arms + 1) + arms];
    }
    for (std::size_t l = 0; l < levels; ++l) {
        BaselineLevel level{variable.levels()[l], {}};
        for (std::size_t c = 0; c <= arms; ++c) {
            const std::size_t with_value = column_n[c] - row.missing[c];
            const std::size_t n = counts[l * (arms + 1) + c];
            LevelCount count{n, {}};
            if (with_value > 0) {
                count.pct = 100.0 * static_cast<double>(n) / static_cast<double>(with_value);
            }
            level.counts.push_back(count);
        }
        row.levels.push_back(std::move(level));
    }
    return row;
}

} // namespace

std::vector<std::string> default_baseline_variables(const Study& study) {
    std::vector<std::string> chosen;
    const auto add = [&](std::initializer_list<const char*> names) {
        for (const char* name : names) {
            if (study.subjects.find(name) != nullptr) {
                chosen.emplace_back(name);
                return;
            }
        }
    };
    add({"AGE"});
    add({"AGEGR1"});
    add({"SEX"});
    add({"RACE"});
    add({"ETHNIC"});
    add({"ECOGBL", "ECOG"});
    add({"REGION1", "REGION"});
    for (const Variable& variable : study.subjects.variables()) {
        if (variable.name().starts_with("STRAT")) {
            chosen.push_back(variable.name());
        }
    }
    for (const char* name : {"PDL1STAT", "DISSTAT", "NMETSGR1", "LIVBRNFL", "PRTAXFL", "BMIBL",
                             "HEIGHTBL", "WEIGHTBL", "MMSETOT"}) {
        add({name});
    }
    return chosen;
}

BaselineTable baseline_table(const Study& study, std::span<const std::int32_t> subject_arm,
                             std::vector<std::string> arms, std::string arm_variable,
                             std::string population, const BaselineSpec& spec,
                             std::size_t max_levels) {
    if (spec.quantile_type != 2 && spec.quantile_type != 7) {
        throw SpecError("the quantile type must be 2 or 7, got " +
                        std::to_string(spec.quantile_type));
    }
    const std::vector<std::string> variables =
        spec.variables.empty() ? default_baseline_variables(study) : spec.variables;
    if (variables.size() > max_baseline_variables) {
        throw SpecError("Table 1 takes at most " + std::to_string(max_baseline_variables) +
                        " variables, got " + std::to_string(variables.size()));
    }
    std::vector<const Variable*> columns;
    for (const std::string& name : variables) {
        const Variable* variable = study.subjects.find(name);
        if (variable == nullptr) {
            throw SpecError("no column " + name + " in the subject-level data for Table 1");
        }
        columns.push_back(variable);
    }
    if (subject_arm.size() != study.subjects.size()) {
        throw SpecError("Table 1 needs one arm per subject");
    }

    BaselineTable table;
    const std::size_t arm_count = arms.size();
    table.arm_variable = std::move(arm_variable);
    table.columns = std::move(arms);
    table.columns.emplace_back("Total");
    table.n.assign(arm_count + 1, 0);
    for (const std::int32_t arm : subject_arm) {
        if (arm >= 0) {
            if (static_cast<std::size_t>(arm) >= arm_count) {
                throw SpecError("Table 1: a subject's arm is not one of the arms");
            }
            ++table.n[static_cast<std::size_t>(arm)];
            ++table.n[arm_count];
        }
    }
    table.population = std::move(population);
    table.quantile_type = spec.quantile_type;
    table.p_values = spec.p_values;

    for (const Variable* variable : columns) {
        if (variable->is_categorical() && variable->levels().size() > max_levels) {
            table.notes.push_back(
                variable->name() + " has " + std::to_string(variable->levels().size()) +
                " levels (more than " + std::to_string(max_levels) + "): left out");
            continue;
        }
        BaselineRow row = variable->is_categorical()
                              ? categorical_row(*variable, subject_arm, arm_count, table.n)
                              : continuous_row(*variable, subject_arm, arm_count, spec);
        row.variable = variable->name();
        row.label = display_label(*variable);
        const std::size_t with_value = row.type == BaselineRow::Type::Continuous
                                           ? row.stats.back().n
                                           : table.n.back() - row.missing.back();
        if (with_value == 0) {
            table.notes.push_back(variable->name() + " has no values in the population");
        }
        if (row.type == BaselineRow::Type::Categorical && spec.p_values && arm_count >= 2) {
            std::string note;
            row.test = categorical_test(row, arm_count, note);
            if (!note.empty()) {
                table.notes.push_back(std::move(note));
            }
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace triallens
