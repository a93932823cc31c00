#include "views/methods_text.h"

#include <triallens/format/data_caveat.h>
#include <triallens/format/number_format.h>

#include <QStringList>

#include <set>

namespace triallens::ui {

namespace {

QString joined(const std::vector<std::string>& names) {
    QStringList list;
    for (const std::string& name : names) {
        list << QString::fromStdString(name);
    }
    if (list.size() <= 1) {
        return list.join(QString());
    }
    const QString last = list.takeLast();
    return QStringLiteral("%1 and %2").arg(list.join(QStringLiteral(", ")), last);
}

QString transform_phrase(ConfType type) {
    switch (type) {
    case ConfType::Log:
        return QStringLiteral("log");
    case ConfType::LogLog:
        return QStringLiteral("log-log");
    case ConfType::Plain:
        return QStringLiteral("plain (linear)");
    }
    return {};
}

QString ties_phrase(const std::string& ties) {
    if (ties == "breslow") {
        return QStringLiteral("Breslow's method for ties");
    }
    if (ties == "exact") {
        return QStringLiteral("the exact conditional likelihood for ties (SAS TIES=DISCRETE)");
    }
    return QStringLiteral("Efron's method for ties");
}

QString conf_level_text(const KmOptions& options) {
    return QString::fromStdString(triallens::conf_level_text(options.conf_level));
}

} // namespace

QString methods_footnote(const Results& results) {
    const KmOptions options = results.arms.empty() ? KmOptions{} : results.arms.front().km.options;
    const QString strata = joined(results.strata);
    const QString stratified =
        strata.isEmpty() ? QString() : QStringLiteral(" stratified by %1").arg(strata);
    QStringList methods;
    methods << QStringLiteral("Kaplan–Meier estimates with %1 pointwise CIs (%2 transform)")
                   .arg(conf_level_text(options), transform_phrase(options.conf_type));
    if (results.logrank) {
        methods << QStringLiteral("log-rank test%1").arg(stratified);
    }
    if (results.cox) {
        methods << QStringLiteral("hazard ratios from a Cox model with %1%2")
                       .arg(ties_phrase(results.cox->ties),
                            strata.isEmpty() ? QString() : QStringLiteral(",") + stratified);
    }
    QStringList text;
    text << methods.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (!results.filter.empty()) {
        text << QStringLiteral("Filter: %1 (%2 of %3 subjects).")
                    .arg(QString::fromStdString(results.filter))
                    .arg(results.subjects)
                    .arg(results.subjects_total);
    }
    if (!results.study_name.empty()) {
        text << QStringLiteral("Study: %1%2.")
                    .arg(QString::fromStdString(results.study_name),
                         results.synthetic             ? QStringLiteral(" (synthetic data)")
                         : results.reconstructed.all() ? QStringLiteral(" (reconstructed data)")
                         : results.reconstructed.any()
                             ? QStringLiteral(" (partly reconstructed data)")
                             : QString());
    }
    return text.join(QLatin1Char(' '));
}

QString methods_paragraph(const Results& results) {
    const KmOptions options = results.arms.empty() ? KmOptions{} : results.arms.front().km.options;
    const QString level = conf_level_text(options);
    const QString strata = joined(results.strata);
    QStringList text;

    const QString endpoint =
        results.param.empty()
            ? QString::fromStdString(results.paramcd)
            : QStringLiteral("%1 (%2)").arg(QString::fromStdString(results.param),
                                            QString::fromStdString(results.paramcd));
    text << QStringLiteral("%1 was compared between the treatment arms (%2).")
                .arg(endpoint.isEmpty() ? QStringLiteral("Time to event") : endpoint,
                     results.arm_variable.empty() ? QStringLiteral("arm")
                                                  : QString::fromStdString(results.arm_variable));
    text << QStringLiteral("Survival curves were estimated by the Kaplan–Meier method with "
                           "Greenwood's variance and %1 pointwise confidence intervals on the "
                           "%2 transform; confidence intervals for median survival follow "
                           "Brookmeyer and Crowley.")
                .arg(level, transform_phrase(options.conf_type));
    if (results.logrank) {
        text << (strata.isEmpty() ? QStringLiteral("Arms were compared with the log-rank test.")
                                  : QStringLiteral("Arms were compared with the log-rank test "
                                                   "stratified by %1.")
                                        .arg(strata));
    }
    if (results.cox) {
        QString cox = QStringLiteral("Hazard ratios against %1 come from a Cox proportional-"
                                     "hazards model using %2")
                          .arg(QString::fromStdString(results.cox->reference_arm),
                               ties_phrase(results.cox->ties));
        if (!strata.isEmpty()) {
            cox += QStringLiteral(", stratified by %1").arg(strata);
        }
        std::vector<std::string> covariates;
        std::set<std::string> seen;
        for (const HazardRatio& term : results.cox->adjustments) {
            if (seen.insert(term.arm).second) {
                covariates.push_back(term.arm);
            }
        }
        if (!covariates.empty()) {
            cox += QStringLiteral(", adjusted for %1").arg(joined(covariates));
        }
        text << cox + QStringLiteral(", with %1 Wald confidence intervals.").arg(level);
    }
    if (results.ph_test) {
        text << QStringLiteral("Proportional hazards were checked with the score test of "
                               "cox.zph (%1 time transform).")
                    .arg(QString::fromStdString(results.ph_test->transform));
    }
    if (results.response) {
        QString response =
            QStringLiteral("Objective response (best overall response CR or PR) and disease "
                           "control (CR, PR, SD or NON-CR/NON-PD) rates have Clopper–Pearson "
                           "%1 confidence intervals; differences between arms have "
                           "Miettinen–Nurminen intervals, odds ratios Woolf intervals and "
                           "Fisher's exact test")
                .arg(level);
        if (!strata.isEmpty()) {
            response += QStringLiteral(", and the Cochran–Mantel–Haenszel test stratified by %1")
                            .arg(strata);
        }
        text << response + QLatin1Char('.');
    }
    if (const auto& tumour = results.tumour_response; tumour && tumour->has_measurements) {
        text << QStringLiteral("Best percentage change is the smallest post-baseline change "
                               "from baseline in %1 (PCHG, or 100 (AVAL − BASE) / BASE).")
                    .arg(QString::fromStdString(tumour->param));
    }
    if (const auto& tumour = results.tumour_response; tumour && tumour->has_responses) {
        text << (tumour->dor_source == "derived"
                     ? QStringLiteral("Duration of response runs from the first CR or PR visit "
                                      "to the first PD visit after it or death, whichever came "
                                      "first, and is censored at the last CR, PR, SD or "
                                      "NON-CR/NON-PD visit otherwise (end − start + 1 days); ")
                     : QStringLiteral("Duration of response is ADTTE %1; ")
                           .arg(QString::fromStdString(tumour->dor_source))) +
                    QStringLiteral("its median among responders is a Kaplan–Meier estimate, and "
                                   "time to response is the study day of the first CR or PR "
                                   "(day 1 = first dose).");
    }
    if (!results.filter.empty()) {
        text << QStringLiteral("Subjects were restricted by the filter %1 (%2 of %3 subjects).")
                    .arg(QString::fromStdString(results.filter))
                    .arg(results.subjects)
                    .arg(results.subjects_total);
    }
    text << QStringLiteral("The analysis included %1 subjects with %2 events.")
                .arg(results.n)
                .arg(results.events);
    text << QStringLiteral("Analyses matched R survival conventions (timefix).");
    if (!results.warnings.empty()) {
        QStringList warnings;
        for (const std::string& warning : results.warnings) {
            QString sentence = QString::fromStdString(warning);
            if (sentence.endsWith(QLatin1Char('.'))) {
                sentence.chop(1);
            }
            warnings << sentence;
        }
        text << QStringLiteral("Warnings: %1.").arg(warnings.join(QStringLiteral("; ")));
    }
    if (const std::string caveat = data_caveat_sentence(results.synthetic, results.reconstructed);
        !caveat.empty()) {
        text << QString::fromStdString(caveat);
    }
    return text.join(QLatin1Char(' '));
}

} // namespace triallens::ui
