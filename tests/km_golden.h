#pragma once
// Compares a Kaplan–Meier fit with a golden case from make_golden.R: every
// curve point (time, n at risk, events, censored, S, SE, CI) and the
// quartiles with their CIs. Records a QTest failure on the first mismatch.

#include "golden.h"

#include <triallens/analysis/results.h>
#include <triallens/stats/kaplan_meier.h>

#include <QJsonObject>

namespace golden {

inline triallens::ConfType conf_type_of(const QString& name) {
    if (name == "plain") {
        return triallens::ConfType::Plain;
    }
    return name == "log-log" ? triallens::ConfType::LogLog : triallens::ConfType::Log;
}

inline void compare_km(const triallens::KaplanMeier& km, const QJsonObject& golden) {
    const triallens::SurvivalCurve& c = km.curve;
    QCOMPARE(c.size(), static_cast<std::size_t>(as_array(golden["time"]).size()));
    for (std::size_t i = 0; i < c.size(); ++i) {
        const auto at = [&](const char* key) -> QJsonValue {
            return as_array(golden[key])[static_cast<int>(i)];
        };
        COMPARE_GOLDEN(c.time[i], at("time"));
        QCOMPARE(static_cast<double>(c.n_risk[i]), at("n_risk").toDouble());
        QCOMPARE(static_cast<double>(c.n_event[i]), at("n_event").toDouble());
        QCOMPARE(static_cast<double>(c.n_censor[i]), at("n_censor").toDouble());
        COMPARE_GOLDEN(c.surv[i], at("surv"));
        COMPARE_GOLDEN(c.std_err[i], at("std_err"));
        COMPARE_GOLDEN(c.lower[i], at("lower"));
        COMPARE_GOLDEN(c.upper[i], at("upper"));
    }
    for (const auto& value : golden["quantiles"].toArray()) {
        const QJsonObject q = value.toObject();
        const triallens::QuantileEstimate estimate = survival_quantile(km, q["p"].toDouble());
        COMPARE_GOLDEN(estimate.estimate, q["estimate"]);
        COMPARE_GOLDEN(estimate.lower, q["lower"]);
        COMPARE_GOLDEN(estimate.upper, q["upper"]);
    }
}

// A forest row against R: the variable, level, counts, hazard ratio with
// its CI and the interaction p.
inline void compare_subgroup_row(const triallens::SubgroupRow& row, const QJsonObject& r) {
    QCOMPARE(QString::fromStdString(row.variable), r["variable"].toString());
    QCOMPARE(QString::fromStdString(row.level), r["level"].toString());
    QCOMPARE(static_cast<double>(row.n), r["n"].toDouble());
    QCOMPARE(static_cast<double>(row.events), r["events"].toDouble());
    COMPARE_GOLDEN(row.hr, r["hr"]);
    COMPARE_GOLDEN(row.lower, r["lower"]);
    COMPARE_GOLDEN(row.upper, r["upper"]);
    COMPARE_GOLDEN(row.interaction_p, r["interaction_p"]);
}

} // namespace golden
