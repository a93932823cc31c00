#include "response_course.h"

#include <algorithm>
#include <cmath>

namespace triallens::demo {

namespace {

constexpr int scan_interval = 42; // days: every 6 weeks

// The scheduled scan days before `end`.
std::vector<int> scheduled_days(int end, RandomStream& random) {
    std::vector<int> days;
    for (int k = 1;; ++k) {
        const int day = k * scan_interval + static_cast<int>(random.below(7)) - 3;
        if (day >= end) {
            return days;
        }
        days.push_back(day);
    }
}

// The overall responses of the scans before progression that make `bor`
// the best of them. PD and NE subjects are not evaluable before the end.
std::vector<std::string_view> responses_before_end(std::string_view bor, std::size_t n,
                                                   RandomStream& random) {
    std::vector<std::string_view> responses(n, "NE");
    if (bor == "CR" || bor == "PR") {
        const std::size_t first = n >= 3 && random.chance(0.4) ? 1 : 0;
        const std::size_t complete = bor == "PR" ? n : std::min(first + 1, n - 1);
        for (std::size_t i = 0; i < n; ++i) {
            responses[i] = i < first ? "SD" : i >= complete ? "CR" : "PR";
        }
        // A missed or unreadable scan now and then, never the first response
        // nor the last scan (a censored subject's last adequate assessment).
        for (std::size_t i = first + 1; i + 1 < n; ++i) {
            if (responses[i] == "PR" && random.chance(0.08)) {
                responses[i] = "NE";
            }
        }
    } else if (bor == "SD") {
        for (std::size_t i = 0; i < n; ++i) {
            responses[i] = i > 0 && i + 1 < n && random.chance(0.08) ? "NE" : "SD";
        }
    }
    return responses;
}

// Sums of diameters per RECIST 1.1, relative to the running nadir. Whole
// millimetres, rounded away from the category's boundary.
void measure(ResponseCourse& course, RandomStream& random) {
    const double base = course.baseline_diameter;
    const double depth = random.uniform(-0.85, -0.35); // the subject's depth of response
    double nadir = base;
    for (Scan& scan : course.scans) {
        // Below this a change is no progression from the nadir (+20 %).
        const double below_progression = nadir / base * 1.15 - 1;
        if (scan.response == "SD") {
            const double upper = std::min(0.15, below_progression);
            scan.diameter = std::floor(base * (1 + random.uniform(std::min(-0.20, upper), upper)));
        } else if (scan.response == "PR") {
            const double upper = std::min(-0.32, below_progression);
            const double change =
                std::clamp(depth + random.uniform(-0.05, 0.05), std::min(-0.85, upper), upper);
            scan.diameter = std::floor(base * (1 + change));
        } else if (scan.response == "CR") {
            scan.diameter = 0.0;
        } else if (scan.response == "PD") {
            scan.diameter = std::ceil(std::max(nadir * random.uniform(1.22, 1.5), nadir + 5));
        }
        if (scan.diameter) {
            nadir = std::min(nadir, *scan.diameter);
        }
    }
}

bool is_response(std::string_view response) {
    return response == "CR" || response == "PR";
}

// From the first CR/PR to the first PD after it or death, whichever is
// first; else censored at the last adequate scan on or after the first
// response (results.h states the rule the core derives by).
std::optional<ResponseDuration> duration_of_response(const std::vector<Scan>& scans,
                                                     const CourseInput& input) {
    const auto first = std::find_if(scans.begin(), scans.end(),
                                    [](const Scan& s) { return is_response(s.response); });
    if (first == scans.end()) {
        return std::nullopt;
    }
    ResponseDuration duration{first->day, first->day, false, "LAST ADEQUATE TUMOUR ASSESSMENT"};
    const auto progression = std::find_if(first, scans.end(), [&](const Scan& s) {
        return s.response == "PD" && s.day > first->day;
    });
    if (progression != scans.end()) {
        duration.end_day = progression->day;
        duration.event = true;
        duration.end_reason = "DISEASE PROGRESSION";
    }
    if (input.died && (!duration.event || input.os_day < duration.end_day)) {
        duration.end_day = input.os_day;
        duration.event = true;
        duration.end_reason = "DEATH";
    }
    if (!duration.event) {
        for (auto scan = first; scan != scans.end(); ++scan) {
            if (scan->response != "NE" && scan->response != "PD") {
                duration.end_day = scan->day;
            }
        }
    }
    return duration;
}

void end_treatment(ResponseCourse& course, const CourseInput& input, RandomStream& random) {
    int end = 0;
    std::string_view reason;
    switch (input.pfs_end) {
    case PfsEnd::Progression:
        end = std::min(
            {input.pfs_day + static_cast<int>(random.below(15)), input.os_day, input.cut_day});
        reason = "PROGRESSIVE DISEASE";
        break;
    case PfsEnd::Death:
        end = std::max(1, input.pfs_day - static_cast<int>(random.below(8)));
        reason = "DEATH";
        break;
    case PfsEnd::Censored:
        if (input.pfs_censored_at_cut && random.chance(0.85)) {
            course.end_status = "ONGOING";
            return;
        }
        end = std::max(1, input.pfs_day - static_cast<int>(random.below(43)));
        reason = random.chance(0.5) ? "ADVERSE EVENT" : "WITHDRAWAL BY SUBJECT";
        break;
    }
    if (reason != "DEATH" && random.chance(0.08)) { // stopped early for toxicity
        end = 1 + static_cast<int>(random.below(static_cast<std::size_t>(end)));
        reason = "ADVERSE EVENT";
    }
    course.treatment_end_day = end;
    course.end_status = "DISCONTINUED";
    course.end_reason = reason;
}

} // namespace

ResponseCourse draw_response_course(const CourseInput& input, RandomStream& random) {
    ResponseCourse course;
    course.baseline_diameter =
        std::clamp(std::round(55 * std::exp(0.5 * random.normal())), 20.0, 220.0);
    course.baseline_day = -1 - static_cast<int>(random.below(14));
    const int end = std::min(input.pfs_day, input.cut_day);
    std::vector<int> days = scheduled_days(end, random);
    // Progression on day 1 leaves no day for a scan before it: the PD scan
    // is the only one, whatever the BOR.
    const bool progression_on_day_one = input.pfs_end == PfsEnd::Progression && end <= 1;
    if (input.pfs_end == PfsEnd::Censored) {
        days.push_back(end); // the last adequate assessment
    } else if (days.empty() && !progression_on_day_one &&
               !(input.pfs_end == PfsEnd::Progression && input.bor == "PD")) {
        days.push_back(std::max(1, end / 2)); // an early scan before progression or death
    }
    const auto responses = responses_before_end(input.bor, days.size(), random);
    for (std::size_t i = 0; i < days.size(); ++i) {
        course.scans.push_back({days[i], responses[i], std::nullopt});
    }
    if (input.bor == "PD" && input.pfs_end != PfsEnd::Progression) {
        course.scans = {{days.front(), "PD", std::nullopt}};
        course.disagrees_with_pfs = true;
    }
    if (progression_on_day_one) {
        course.scans = {{end, "PD", std::nullopt}};
        course.disagrees_with_pfs = input.bor != "PD";
    } else if (input.pfs_end == PfsEnd::Progression) {
        if (input.bor == "NE") {
            course.disagrees_with_pfs = true;
        } else {
            course.scans.push_back({end, "PD", std::nullopt});
        }
    }
    measure(course, random);
    course.duration = duration_of_response(course.scans, input);
    end_treatment(course, input, random);
    return course;
}

} // namespace triallens::demo
