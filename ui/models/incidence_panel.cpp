#include "models/incidence_panel.h"

#include <triallens/format/number_format.h>

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

QString unbroken(QString text) {
    return text.replace(QLatin1Char(' '), no_break_space);
}

QString text_of(const std::string& value) {
    return QString::fromStdString(value);
}

// Whether two times are one: the curve's times are cmprsk's (not timefixed),
// the grid's survfit's (timefixed), which differ only by rounding.
bool same_time(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

// The arm's KM curve with 1 − F of `incidence` on its grid, and its events.
ArmSurvival incidence_curve(const ArmSurvival& arm, const IncidenceCurve& incidence) {
    ArmSurvival panel;
    panel.arm = arm.arm;
    panel.km = arm.km;
    SurvivalCurve& curve = panel.km.curve;
    std::size_t at = 0; // the last incidence point at or before the grid time
    std::size_t events = 0;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        const double t = curve.time[i];
        while (at + 1 < incidence.time.size() &&
               (incidence.time[at + 1] < t || same_time(incidence.time[at + 1], t))) {
            ++at;
        }
        const bool step_here =
            !incidence.time.empty() && same_time(incidence.time[at], t) && incidence.time[at] > 0;
        const double estimate = incidence.time.empty() ? 0.0 : incidence.estimate[at];
        curve.surv[i] = 1 - estimate;
        curve.std_err[i] = incidence.time.empty() ? 0.0 : incidence.std_err[at];
        curve.lower[i] = incidence.time.empty() ? 1.0 : 1 - incidence.upper[at];
        curve.upper[i] = incidence.time.empty() ? 1.0 : 1 - incidence.lower[at];
        curve.n_event[i] = step_here ? incidence.n_event[at] : 0;
        events += curve.n_event[i];
    }
    panel.km.n_events = events;
    panel.km.cumhaz_se.clear();
    panel.median = QuantileEstimate{};
    return panel;
}

const IncidenceCurve* find_curve(const CompetingRisksSummary& risks, const std::string& arm,
                                 const std::string& cause) {
    for (const auto& curve : risks.cif) {
        if (curve.arm == arm && curve.cause == cause) {
            return &curve;
        }
    }
    return nullptr;
}

QString annotation(const Results& results, const std::string& cause) {
    const CompetingRisksSummary& risks = *results.competing_risks;
    QStringList parts;
    if (risks.fine_gray && risks.fine_gray->cause == cause && !results.arms.empty()) {
        const double level = results.arms.front().km.options.conf_level;
        const bool several = risks.fine_gray->terms.size() > 1;
        QStringList ratios;
        for (const FineGrayRow& term : risks.fine_gray->terms) {
            // No event of the cause in an arm: no ratio to give, and "NE (NE–NE)"
            // would read as a failure rather than as what the data say.
            ratios << (several ? text_of(term.arm) + QStringLiteral(" ") : QString()) +
                          unbroken(term.hr ? QStringLiteral("sHR %1 (%2 CI %3–%4)")
                                                 .arg(text_of(ratio_text(term.hr)),
                                                      text_of(conf_level_text(level)),
                                                      text_of(ratio_text(term.lower)),
                                                      text_of(ratio_text(term.upper)))
                                           : QStringLiteral("sHR not estimable"));
        }
        parts << QStringLiteral("%1 vs %2, Fine–Gray")
                     .arg(ratios.join(QStringLiteral(", ")), text_of(results.arms.front().arm));
    }
    for (const GrayTestRow& test : risks.gray) {
        if (test.cause == cause && std::isfinite(test.p)) {
            parts << QStringLiteral("Gray's test ") + unbroken(text_of(p_value_label(test.p)));
        }
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

std::vector<std::string> incidence_panel_causes(const Results& results) {
    if (!results.competing_risks) {
        return {};
    }
    const CompetingRisksSummary& risks = *results.competing_risks;
    std::vector<std::string> causes{risks.cause_of_interest};
    for (const auto& cause : risks.causes) {
        if (cause != risks.cause_of_interest) {
            causes.push_back(cause);
        }
    }
    return causes;
}

IncidencePanel incidence_panel(const Results& results, const std::string& cause) {
    IncidencePanel panel;
    Results& shown = panel.results;
    shown.study_name = results.study_name;
    shown.synthetic = results.synthetic;
    shown.reconstructed = results.reconstructed;
    shown.paramcd = results.paramcd;
    shown.param = results.param;
    shown.time_unit = results.time_unit;
    shown.from = results.from;
    shown.arm_variable = results.arm_variable;
    shown.filter = results.filter;
    shown.strata = results.strata;
    shown.subjects_total = results.subjects_total;
    shown.subjects = results.subjects;
    shown.n = results.n;
    shown.focus = results.focus;
    shown.competing_risks = results.competing_risks;
    if (!results.competing_risks) {
        return panel;
    }
    for (const ArmSurvival& arm : results.arms) {
        if (const IncidenceCurve* curve = find_curve(*results.competing_risks, arm.arm, cause)) {
            shown.arms.push_back(incidence_curve(arm, *curve));
            shown.events += shown.arms.back().km.n_events;
            panel.text.legend.push_back(
                QStringLiteral("%1   n=%2, %3")
                    .arg(text_of(arm.arm))
                    .arg(arm.km.n)
                    .arg(unbroken(QStringLiteral("events %1").arg(shown.arms.back().km.n_events))));
        }
    }
    // The cause alone: the y axis says "Cumulative incidence", and a title
    // of one line keeps side-by-side panels' plots level.
    panel.text.title = text_of(cause);
    panel.text.annotation = annotation(results, cause);
    return panel;
}

} // namespace triallens::ui
