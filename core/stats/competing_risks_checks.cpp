#include "competing_risks_checks.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace triallens {

namespace {

[[noreturn]] void refuse(const char* who, const std::string& what) {
    throw std::invalid_argument(std::string(who) + ": " + what);
}

} // namespace

void check_competing_risks(const CompetingRisksData& data, const char* who) {
    const std::size_t n = data.time.size();
    if (n == 0) {
        refuse(who, "no records");
    }
    if (data.status.size() != n || data.group.size() != n ||
        (!data.stratum.empty() && data.stratum.size() != n)) {
        refuse(who, "time, status, group and stratum differ in length");
    }
    if (data.n_groups < 1 || data.n_causes < 1 || data.n_strata < 1) {
        refuse(who, "n_groups, n_causes and n_strata must be at least 1");
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::string record = " (record " + std::to_string(i) + ")";
        if (!std::isfinite(data.time[i]) || data.time[i] < 0) {
            refuse(who,
                   "time " + std::to_string(data.time[i]) + " is negative or not finite" + record);
        }
        if (data.status[i] < 0 || data.status[i] > data.n_causes) {
            refuse(who, "status " + std::to_string(data.status[i]) + " is outside 0 … " +
                            std::to_string(data.n_causes) + record);
        }
        if (data.group[i] < 0 || data.group[i] >= data.n_groups) {
            refuse(who, "group " + std::to_string(data.group[i]) + " is outside 0 … " +
                            std::to_string(data.n_groups - 1) + record);
        }
        if (!data.stratum.empty() && (data.stratum[i] < 0 || data.stratum[i] >= data.n_strata)) {
            refuse(who, "stratum " + std::to_string(data.stratum[i]) + " is outside 0 … " +
                            std::to_string(data.n_strata - 1) + record);
        }
    }
}

} // namespace triallens
