#include "models/tumour_figure_needs.h"

#include <algorithm>

namespace triallens::ui {

namespace {

const QString adtr = QStringLiteral(
    "ADTR, the tumour measurements (USUBJID, PARAMCD such as SDIAM, AVAL with BASE or PCHG, "
    "ADY, ABLFL)");
const QString adsl_dates = QStringLiteral(
    "treatment dates in ADSL (TRTSDT with TRTEDT or TRTDURD; EOTSTT, DTHDT for the markers)");
const QString adrs_visits =
    QStringLiteral("per-visit overall responses in ADRS (PARAMCD OVR, AVALC, ADY)");

} // namespace

QString tumour_figure_missing_text(const Results& results, TumourFigure figure) {
    if (!results.tumour_response) {
        return QStringLiteral("No tumour response in these data. The waterfall and spider plots "
                              "need %1; the swimmer plot needs %2, and %3 for its response "
                              "markers; duration of response needs responders from ADRS.")
            .arg(adtr, adsl_dates, adrs_visits);
    }
    const auto& subjects = results.tumour_response->subjects;
    const auto any = [&](auto predicate) {
        return std::any_of(subjects.begin(), subjects.end(), predicate);
    };
    switch (figure) {
    case TumourFigure::Waterfall:
        if (!any([](const SubjectTumourResponse& s) { return s.best_pchg.has_value(); })) {
            return QStringLiteral("No best % change from baseline to draw: none of the %1 "
                                  "subjects has a post-baseline measurement. The waterfall "
                                  "needs %2.")
                .arg(subjects.size())
                .arg(adtr);
        }
        break;
    case TumourFigure::Spider:
        if (!any([](const SubjectTumourResponse& s) { return s.pchg_over_time.size() > 1; })) {
            return QStringLiteral("No % change over time to draw: none of the %1 subjects has "
                                  "a post-baseline measurement. The spider plot needs %2.")
                .arg(subjects.size())
                .arg(adtr);
        }
        break;
    case TumourFigure::Swimmer:
        if (!any([](const SubjectTumourResponse& s) { return s.treatment_days.has_value(); })) {
            return QStringLiteral("No time on treatment to draw: the swimmer plot needs %1, "
                                  "and %2 for its response markers.")
                .arg(adsl_dates, adrs_visits);
        }
        break;
    case TumourFigure::DurationOfResponse:
        if (std::none_of(results.tumour_response->arms.begin(), results.tumour_response->arms.end(),
                         [](const ArmTumourResponse& arm) { return arm.dor.has_value(); })) {
            return QStringLiteral("No duration of response to draw: no responder (CR or PR) "
                                  "has a duration. It needs best overall responses or %1, "
                                  "and DURRSP in ADTTE or the dates to derive it.")
                .arg(adrs_visits);
        }
        break;
    }
    return {};
}

} // namespace triallens::ui
