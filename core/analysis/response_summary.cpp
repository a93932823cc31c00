#include "response_summary.h"

#include "recist_order.h"

#include "triallens/stats/binomial_interval.h"
#include "triallens/stats/odds_ratio.h"

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

namespace triallens {

namespace {

// 1 for each PARAMCD level that is "BOR": records are tested by their code,
// not by comparing text (a study may hold millions of them).
std::vector<std::uint8_t> bor_codes(const Responses& responses) {
    std::vector<std::uint8_t> bor(responses.paramcd.levels.size(), 0);
    for (std::size_t code = 0; code < bor.size(); ++code) {
        bor[code] = responses.paramcd.levels[code] == "BOR" ? 1 : 0;
    }
    return bor;
}

// RECIST's categories, then any other value in sort order, then "" (missing).
std::vector<std::string> categories_of(const Responses& responses) {
    const std::vector<std::uint8_t> bor = bor_codes(responses);
    std::vector<std::uint8_t> used(responses.value.levels.size(), 0);
    for (std::size_t i = 0; i < responses.size(); ++i) {
        if (bor[responses.paramcd.codes[i]] != 0) {
            used[responses.value.codes[i]] = 1;
        }
    }
    std::vector<std::string> categories(recist_order.begin(), recist_order.end());
    std::vector<std::string> others;
    for (std::size_t code = 0; code < used.size(); ++code) {
        const std::string& value = responses.value.levels[code];
        if (used[code] != 0 && !value.empty() &&
            std::find(recist_order.begin(), recist_order.end(), value) == recist_order.end()) {
            others.push_back(value);
        }
    }
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
    categories.insert(categories.end(), others.begin(), others.end());
    categories.emplace_back();
    return categories;
}

// Each subject's best category (its index in `categories`); the last, missing,
// for subjects without a BOR record.
std::vector<std::size_t> best_response_of(const Study& study,
                                          const std::vector<std::string>& categories) {
    const Responses& responses = study.responses;
    const std::vector<std::uint8_t> bor = bor_codes(responses);
    std::vector<std::size_t> category_of(responses.value.levels.size());
    for (std::size_t code = 0; code < category_of.size(); ++code) {
        category_of[code] = static_cast<std::size_t>(
            std::find(categories.begin(), categories.end(), responses.value.levels[code]) -
            categories.begin());
    }
    std::vector<std::size_t> best(study.subjects.size(), categories.size() - 1);
    for (std::size_t i = 0; i < responses.size(); ++i) {
        if (bor[responses.paramcd.codes[i]] != 0) {
            std::size_t& subject = best[static_cast<std::size_t>(responses.subject[i])];
            subject = std::min(subject, category_of[responses.value.codes[i]]);
        }
    }
    return best;
}

// 1 for subjects whose best response is one of the first `count` categories.
std::vector<std::uint8_t> within_best(const std::vector<std::size_t>& best, std::size_t count) {
    std::vector<std::uint8_t> flag(best.size());
    std::transform(best.begin(), best.end(), flag.begin(),
                   [&](std::size_t k) { return static_cast<std::uint8_t>(k < count); });
    return flag;
}

// One 2×2 table per stratum code: `code` against `reference`.
std::vector<TwoByTwo> tables_by_stratum(std::span<const std::int32_t> subject_arm,
                                        std::span<const std::int32_t> subject_stratum,
                                        const std::vector<std::uint8_t>& responder,
                                        std::int32_t code, std::int32_t reference) {
    const std::int32_t strata =
        subject_stratum.empty()
            ? 0
            : *std::max_element(subject_stratum.begin(), subject_stratum.end()) + 1;
    std::vector<TwoByTwo> tables(static_cast<std::size_t>(std::max(strata, 0)));
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        if (subject_stratum[s] < 0 || (subject_arm[s] != code && subject_arm[s] != reference)) {
            continue;
        }
        TwoByTwo& t = tables[static_cast<std::size_t>(subject_stratum[s])];
        if (subject_arm[s] == code) {
            ++t.arm_n;
            t.arm_events += responder[s];
        } else {
            ++t.reference_n;
            t.reference_events += responder[s];
        }
    }
    return tables;
}

// The arms that have subjects, in `order`.
std::vector<std::int32_t> arms_present(std::span<const std::int32_t> subject_arm,
                                       std::span<const std::int32_t> order) {
    std::vector<std::int32_t> codes;
    for (const std::int32_t code : order) {
        if (std::find(subject_arm.begin(), subject_arm.end(), code) != subject_arm.end()) {
            codes.push_back(code);
        }
    }
    return codes;
}

struct RateComparison {
    std::vector<ResponseRate> rates;
    std::vector<ResponseDifference> differences;
};

// Rates of `responder` per arm of `codes` and each against codes[0]: shared
// by objective response and disease control.
RateComparison compare_rates(const Variable& arm, std::span<const std::int32_t> subject_arm,
                             const std::vector<std::int32_t>& codes,
                             std::span<const std::int32_t> subject_stratum, bool stratified,
                             double conf_level, const std::vector<std::uint8_t>& responder) {
    RateComparison out;
    for (const std::int32_t code : codes) {
        ResponseRate rate;
        rate.arm = arm.levels()[static_cast<std::size_t>(code)];
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            if (subject_arm[s] == code) {
                ++rate.n;
                rate.responders += responder[s];
            }
        }
        rate.rate = static_cast<double>(rate.responders) / static_cast<double>(rate.n);
        rate.clopper_pearson = clopper_pearson(rate.responders, rate.n, conf_level);
        rate.wilson = wilson(rate.responders, rate.n, conf_level);
        rate.jeffreys = jeffreys(rate.responders, rate.n, conf_level);
        out.rates.push_back(rate);
    }
    for (std::size_t a = 1; a < out.rates.size(); ++a) {
        const ResponseRate& x = out.rates[a];
        const ResponseRate& r = out.rates.front();
        const TwoByTwo table{x.responders, x.n, r.responders, r.n};
        ResponseDifference d;
        d.arm = x.arm;
        d.difference = x.rate - r.rate;
        d.newcombe = newcombe_difference(x.responders, x.n, r.responders, r.n, conf_level);
        d.miettinen_nurminen =
            miettinen_nurminen_difference(x.responders, x.n, r.responders, r.n, conf_level);
        d.woolf = woolf_odds_ratio(table, conf_level);
        d.fisher = fisher_exact(table, conf_level);
        if (stratified) {
            const std::vector<TwoByTwo> strata =
                tables_by_stratum(subject_arm, subject_stratum, responder, codes[a], codes[0]);
            d.cmh = mantel_haenszel(strata, conf_level);
        }
        out.differences.push_back(std::move(d));
    }
    return out;
}

// What the study's BOR records say, whatever the spec: made once per study
// (Study::derived), so that a refit only counts subjects by arm.
struct BestResponses {
    bool any = false; // any BOR record
    std::vector<std::string> categories;
    std::vector<std::size_t> best; // per subject, into categories
    std::vector<std::uint8_t> responder;
    std::vector<std::uint8_t> disease_control;
};

BestResponses best_responses(const Study& study) {
    BestResponses out;
    out.any =
        std::any_of(study.responses.paramcd.codes.begin(), study.responses.paramcd.codes.end(),
                    [&](std::uint32_t c) { return study.responses.paramcd.levels[c] == "BOR"; });
    if (!out.any) {
        return out;
    }
    out.categories = categories_of(study.responses);
    out.best = best_response_of(study, out.categories);
    out.responder = within_best(out.best, responder_categories);
    out.disease_control = within_best(out.best, disease_control_categories);
    return out;
}

} // namespace

std::optional<ResponseSummary> summarise_response(const Study& study, const Variable& arm,
                                                  std::span<const std::int32_t> subject_arm,
                                                  std::span<const std::int32_t> order,
                                                  std::span<const std::int32_t> subject_stratum,
                                                  bool stratified, double conf_level) {
    const std::shared_ptr<const BestResponses> responses =
        study.derived.get<BestResponses>("best-response", [&] { return best_responses(study); });
    if (!responses->any) {
        return std::nullopt;
    }
    ResponseSummary summary;
    summary.bor_categories = responses->categories;
    const std::vector<std::size_t>& best = responses->best;
    const std::vector<std::int32_t> codes = arms_present(subject_arm, order);

    RateComparison objective = compare_rates(arm, subject_arm, codes, subject_stratum, stratified,
                                             conf_level, responses->responder);
    summary.arms = std::move(objective.rates);
    summary.differences = std::move(objective.differences);
    RateComparison control = compare_rates(arm, subject_arm, codes, subject_stratum, stratified,
                                           conf_level, responses->disease_control);
    summary.disease_control = std::move(control.rates);
    summary.disease_control_differences = std::move(control.differences);

    for (const std::int32_t code : codes) {
        ArmBestResponse table;
        table.arm = arm.levels()[static_cast<std::size_t>(code)];
        table.counts.resize(summary.bor_categories.size());
        for (std::size_t k = 0; k < table.counts.size(); ++k) {
            table.counts[k].category = summary.bor_categories[k];
        }
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            if (subject_arm[s] == code) {
                ++table.n;
                ++table.counts[best[s]].n;
            }
        }
        for (BorCount& count : table.counts) {
            count.fraction = static_cast<double>(count.n) / static_cast<double>(table.n);
        }
        summary.best_overall_response.push_back(std::move(table));
    }
    return summary;
}

} // namespace triallens
