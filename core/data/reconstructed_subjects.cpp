#include "triallens/data/reconstructed_subjects.h"

#include "triallens/data/study.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace triallens {

namespace {

bool is_yes(const std::string& level) {
    return level.size() == 1 && std::toupper(static_cast<unsigned char>(level[0])) == 'Y';
}

} // namespace

ReconstructedSubjects reconstructed_subjects(const SubjectTable& subjects) {
    ReconstructedSubjects out;
    out.of = subjects.size();
    const Variable* flag = subjects.find("RECONFL");
    if (flag == nullptr || !flag->is_categorical()) {
        return out;
    }
    const Variable* source = subjects.find("SOURCE");
    if (source != nullptr && !source->is_categorical()) {
        source = nullptr;
    }
    std::vector<bool> yes(flag->levels().size());
    for (std::size_t level = 0; level < yes.size(); ++level) {
        yes[level] = is_yes(flag->levels()[level]);
    }
    std::vector<bool> named(source != nullptr ? source->levels().size() : 0);
    for (std::size_t row = 0; row < subjects.size(); ++row) {
        const std::int32_t code = flag->codes()[row];
        if (code < 0 || !yes[static_cast<std::size_t>(code)]) {
            continue;
        }
        ++out.count;
        if (source == nullptr) {
            continue;
        }
        const std::int32_t from = source->codes()[row];
        if (from >= 0 && !named[static_cast<std::size_t>(from)]) {
            named[static_cast<std::size_t>(from)] = true;
            out.sources.push_back(source->levels()[static_cast<std::size_t>(from)]);
        }
    }
    return out;
}

} // namespace triallens
