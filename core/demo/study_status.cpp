#include "study_status.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace triallens::demo {

namespace {

// Of the living, per subject: withdrawn, lost (about 2 in 147 and 1 in 147
// at the demo's size), as a trial at its interim shows.
constexpr double withdrawal_chance = 0.04;
constexpr double lost_chance = 0.02;

} // namespace

void append_study_status(RawTable& adsl, RandomStream&& random) {
    const auto dthfl = std::find_if(adsl.columns.begin(), adsl.columns.end(),
                                    [](const RawColumn& column) { return column.name == "DTHFL"; });
    if (dthfl == adsl.columns.end()) {
        throw std::logic_error("append_study_status: ADSL has no DTHFL");
    }
    std::vector<std::string> status;
    std::vector<std::string> reason;
    for (std::size_t row = 0; row < dthfl->size(); ++row) {
        // One draw per subject, dead or alive, so the reasons do not shift
        // when a death is added.
        const double u = random.uniform();
        if (dthfl->text(row) == "Y") {
            status.emplace_back("DISCONTINUED");
            reason.emplace_back("DEATH");
        } else if (u < withdrawal_chance) {
            status.emplace_back("DISCONTINUED");
            reason.emplace_back("WITHDRAWAL BY SUBJECT");
        } else if (u < withdrawal_chance + lost_chance) {
            status.emplace_back("DISCONTINUED");
            reason.emplace_back("LOST TO FOLLOW-UP");
        } else {
            status.emplace_back("ONGOING");
            reason.emplace_back("");
        }
    }
    adsl.columns.push_back(text_column("EOSSTT", "End of Study Status", status));
    adsl.columns.push_back(text_column("DCSREAS", "Reason for Discontinuation from Study", reason));
}

} // namespace triallens::demo
