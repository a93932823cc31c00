#include "response_summary.h"

#include "triallens/stats/binomial_interval.h"
#include "triallens/stats/odds_ratio.h"

#include <algorithm>

namespace triallens {

namespace {

std::vector<std::uint8_t> responders_of(const Study& study) {
    const Responses& responses = study.responses;
    std::vector<std::uint8_t> responder(study.subjects.size(), 0);
    for (std::size_t i = 0; i < responses.size(); ++i) {
        if (responses.paramcd[i] == "BOR") {
            const std::string& value = responses.value[i];
            responder[static_cast<std::size_t>(responses.subject[i])] |=
                value == "CR" || value == "PR";
        }
    }
    return responder;
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

} // namespace

std::optional<ResponseSummary> summarise_response(const Study& study, const Variable& arm,
                                                  std::span<const std::int32_t> subject_arm,
                                                  std::span<const std::int32_t> order,
                                                  std::span<const std::int32_t> subject_stratum,
                                                  bool stratified, double conf_level) {
    const bool any =
        std::any_of(study.responses.paramcd.codes.begin(), study.responses.paramcd.codes.end(),
                    [&](std::uint32_t c) { return study.responses.paramcd.levels[c] == "BOR"; });
    if (!any) {
        return std::nullopt;
    }
    const std::vector<std::uint8_t> responder = responders_of(study);
    ResponseSummary summary;
    std::vector<std::int32_t> codes;
    for (const std::int32_t code : order) {
        ResponseRate rate;
        rate.arm = arm.levels[static_cast<std::size_t>(code)];
        for (std::size_t s = 0; s < study.subjects.size(); ++s) {
            if (subject_arm[s] == code) {
                ++rate.n;
                rate.responders += responder[s];
            }
        }
        if (rate.n == 0) {
            continue;
        }
        rate.rate = static_cast<double>(rate.responders) / static_cast<double>(rate.n);
        rate.clopper_pearson = clopper_pearson(rate.responders, rate.n, conf_level);
        rate.wilson = wilson(rate.responders, rate.n, conf_level);
        rate.jeffreys = jeffreys(rate.responders, rate.n, conf_level);
        summary.arms.push_back(rate);
        codes.push_back(code);
    }
    for (std::size_t a = 1; a < summary.arms.size(); ++a) {
        const ResponseRate& x = summary.arms[a];
        const ResponseRate& r = summary.arms.front();
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
        summary.differences.push_back(std::move(d));
    }
    return summary;
}

} // namespace triallens
