#pragma once
// Hand-built tumour responses for the figure tests: `subjects` subjects in
// two arms with best % changes spread over −100 … +140 (a few past +100),
// best overall responses that follow them, a few without a post-baseline
// measurement, per-visit responses, treatment days (some ongoing), a death
// or a progression where the response says so, and each arm's duration of
// response fitted by the core. Seeded and deterministic.

#include <triallens/analysis/results.h>
#include <triallens/stats/binomial_interval.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tumour_fixture {

// `edit`, when given, changes each subject after the arms are summed (a
// figure's view of data the summaries do not match).
inline triallens::Results
results(std::size_t subjects = 40, bool synthetic = true,
        const std::function<void(triallens::SubjectTumourResponse&)>& edit = {}) {
    using namespace triallens;
    Results results;
    results.study_name = "fixture";
    results.synthetic = synthetic;
    results.time_unit = "months";
    results.subjects = subjects;
    results.subjects_total = subjects;
    TumourResponse response;
    response.param = "SDIAM";
    response.time_unit = "months";
    response.dor_source = "derived";
    response.arms = {ArmTumourResponse{}, ArmTumourResponse{}};
    response.arms[0].arm = "Placebo";
    response.arms[1].arm = "Drug";
    std::uint32_t state = 12345;
    const auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return static_cast<double>((state >> 8) & 0xFFFF) / 65536.0;
    };
    std::vector<std::vector<double>> dor_time(2);
    std::vector<std::vector<std::uint8_t>> dor_event(2);
    auto table = std::make_shared<TumourSubjects::Table>();
    for (std::size_t i = 0; i < subjects; ++i) {
        SubjectTumourResponse s;
        s.subject = static_cast<std::int32_t>(i);
        s.usubjid = "FIX-" + std::to_string(1000 + i);
        const std::size_t arm = i % 2;
        const double shift = arm == 1 ? -25 : 0;
        const double u = next();
        s.treatment_days = 1 + 20 * next();
        s.ongoing = next() < 0.15;
        if (i % 13 != 5) { // every 13th subject from the 6th: no post-baseline measurement
            const double best = std::clamp(-100 + 240 * u + shift, -100.0, 140.0);
            s.best_pchg = best;
            s.bor = best <= -99 ? "CR" : best <= -30 ? "PR" : best >= 20 ? "PD" : "SD";
            s.pchg_over_time.push_back({0, 0});
            for (int v = 1; v <= 4; ++v) {
                s.pchg_over_time.push_back({1.5 * v, best * (0.4 + 0.15 * v)});
            }
            s.pchg_over_time[4].value = best; // reached at the last visit
            for (int v = 1; v <= 4; ++v) {
                s.visits.push_back({1.5 * v, v < 2 ? "SD" : s.bor});
            }
        } else {
            s.bor = i % 2 ? "NE" : "";
        }
        s.responder = s.bor == "CR" || s.bor == "PR";
        if (s.bor == "PD") {
            s.progression_time = 3.0;
        }
        if (i % 17 == 3) {
            s.death_time = *s.treatment_days + 1;
        }
        if (s.responder) {
            s.ttr = 3.0;
            s.dor_time = 1 + 15 * next();
            s.dor_event = next() < 0.6;
            dor_time[arm].push_back(*s.dor_time);
            dor_event[arm].push_back(*s.dor_event ? 1 : 0);
            ++response.arms[arm].responders;
        }
        ++response.arms[arm].n;
        response.arms[arm].measured += s.best_pchg ? 1 : 0;
        table->push_back(std::move(s));
    }
    for (std::size_t a = 0; a < 2; ++a) {
        ArmTumourResponse& arm = response.arms[a];
        arm.orr = arm.n ? static_cast<double>(arm.responders) / static_cast<double>(arm.n) : 0;
        arm.orr_interval = clopper_pearson(arm.responders, arm.n);
        if (!dor_time[a].empty()) {
            arm.dor = fit_kaplan_meier(tabulate_events(dor_time[a], dor_event[a]));
            arm.dor_median = survival_quantile(*arm.dor, 0.5);
        }
    }
    if (edit) {
        for (SubjectTumourResponse& s : *table) {
            edit(s);
        }
    }
    // The core lists subjects by arm, then study order.
    std::vector<std::int32_t> rows;
    std::vector<std::uint32_t> arms;
    for (std::uint32_t a = 0; a < 2; ++a) {
        for (std::size_t i = a; i < subjects; i += 2) {
            rows.push_back(static_cast<std::int32_t>(i));
            arms.push_back(a);
        }
    }
    response.subjects = TumourSubjects(std::move(table), std::move(rows), std::move(arms));
    results.tumour_response = std::move(response);
    return results;
}

} // namespace tumour_fixture
