#include "landmark_records.h"

#include "triallens/analysis/refit.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace triallens {

std::string spec_number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

TimeToEvent records_from(const TimeToEvent& endpoint, double from) {
    std::vector<std::int32_t> subject;
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    EventCauses causes = endpoint.causes();
    causes.code.clear();
    double last = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < endpoint.size(); ++i) {
        last = std::max(last, endpoint.time()[i]);
        if (endpoint.time()[i] > from) {
            subject.push_back(endpoint.subject()[i]);
            time.push_back(endpoint.time()[i] - from);
            event.push_back(endpoint.event()[i]);
            if (!endpoint.causes().code.empty()) {
                causes.code.push_back(endpoint.causes().code[i]);
            }
        }
    }
    if (time.empty()) {
        throw SpecError("--from " + spec_number_text(from) + " is not before the last time of " +
                        endpoint.paramcd() +
                        (endpoint.size() == 0 ? std::string(" (it has no records)")
                                              : " (" + spec_number_text(last) + ")") +
                        ": nobody is under follow-up then");
    }
    return TimeToEvent(endpoint.paramcd(), endpoint.param(), endpoint.time_unit(),
                       std::move(subject), std::move(time), std::move(event), std::move(causes));
}

} // namespace triallens
