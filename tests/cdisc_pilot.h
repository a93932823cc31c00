#pragma once
// The public CDISC pilot study, loaded once per test program from its
// original SAS transport files (ADSL, ADTTE, ADAE) in tests/data.

#include "test_paths.h"
#include <triallens/io/load_study.h>

#include <QTest>

#include <filesystem>

namespace cdisc_pilot {

inline const triallens::Study& study() {
    static const triallens::Study loaded = [] {
        const std::filesystem::path folder = TRIALLENS_PILOT_DATA + "/cdiscpilot01";
        triallens::StudyLoad load =
            triallens::load_study({folder / "adsl.xpt", folder / "adtte.xpt", folder / "adae.xpt"});
        if (!load.ok()) {
            qFatal("cannot load the CDISC pilot: %s", load.findings.front().text().c_str());
        }
        return std::move(*load.study);
    }();
    return loaded;
}

} // namespace cdisc_pilot
