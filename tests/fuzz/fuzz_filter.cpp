// libFuzzer target: any bytes as a subject filter (--filter, the Filters
// dock, a saved analysis) over a small fixed study of text, numeric and
// numeric-factor columns with missing values. A bad expression must end in
// FilterError, never a crash, a hang, a stack overflow or a sanitizer report;
// a good one keeps a mask of one entry per subject. And any text, quoted by
// quote_filter_text, is a literal the grammar reads back.

#include <triallens/analysis/subject_filter.h>
#include <triallens/data/build_study.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string_view>

namespace {

const triallens::SubjectTable& subjects() {
    static const triallens::Study study = [] {
        using triallens::number_column;
        using triallens::text_column;
        const double missing = std::numeric_limits<double>::quiet_NaN();
        triallens::RawTable adsl{"adsl.csv", {}, {}};
        adsl.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3", "S4", "S5"}));
        adsl.columns.push_back(text_column("TRT01P", "", {"A", "B", "A", "B", "A"}));
        adsl.columns.push_back(text_column("SEX", "", {"F", "M", "F", "", "M"}));
        adsl.columns.push_back(number_column("AGE", "", {70, 64, 65, missing, 30}));
        adsl.columns.push_back(number_column("ECOGBL", "", {0, 1, 2, missing, 1}));
        adsl.columns.push_back(
            text_column("NOTE", "", {"it's", "say \"hi\"", "both '\"", "", "plain"}));
        return triallens::build_study({adsl}, "fuzz");
    }();
    return study.subjects;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const triallens::SubjectTable& table = subjects();
    try {
        if (triallens::evaluate_filter(table, bytes).size() != table.size()) {
            std::abort();
        }
    } catch (const triallens::FilterError&) {
    }
    try {
        const std::string quoted = "NOTE == " + triallens::quote_filter_text(bytes);
        (void)triallens::evaluate_filter(table, quoted);
    } catch (const triallens::FilterError&) {
        std::abort(); // a quoted text must always read back
    }
    return 0;
}
