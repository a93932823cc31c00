#include "document/cif_arrangement.h"

namespace triallens::ui {

QString cif_arrangement_name(CifArrangement arrangement) {
    return arrangement == CifArrangement::Stacked ? QStringLiteral("stacked")
                                                  : QStringLiteral("side-by-side");
}

std::optional<CifArrangement> parse_cif_arrangement(const QString& name) {
    for (const CifArrangement arrangement : {CifArrangement::SideBySide, CifArrangement::Stacked}) {
        if (name == cif_arrangement_name(arrangement)) {
            return arrangement;
        }
    }
    return std::nullopt;
}

} // namespace triallens::ui
