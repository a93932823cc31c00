#include "export/table_notes.h"

#include <triallens/format/data_caveat.h>
#include <triallens/format/number_format.h>

#include <QString>

namespace triallens::ui {

namespace {

QString level_text(const Results& results) {
    const double level = results.arms.empty() ? 0.95 : results.arms.front().km.options.conf_level;
    return QString::fromStdString(conf_level_text(level));
}

QString strata_text(const Results& results) {
    QStringList names;
    for (const std::string& name : results.strata) {
        names << QString::fromStdString(name);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

QStringList data_notes(const Results& results, Population population) {
    QStringList notes;
    if (const QString subjects = population_text(results, population); !subjects.isEmpty()) {
        notes << QStringLiteral("Subjects: %1.").arg(subjects);
    }
    if (results.synthetic) {
        notes << QStringLiteral("Synthetic data: no real patient is in this study.");
    } else if (const std::string caveat =
                   data_caveat_sentence(results.synthetic, results.reconstructed);
               !caveat.empty()) {
        notes << QString::fromStdString(caveat);
    }
    return notes;
}

QStringList survival_notes(const Results& results, bool with_logrank, Population population) {
    QStringList notes;
    const QString level = level_text(results);
    const QString unit = QString::fromStdString(results.time_unit).toLower();
    const char* conf_type =
        results.arms.empty() ? "log" : conf_type_name(results.arms.front().km.options.conf_type);
    notes << QStringLiteral("Medians%1: Kaplan–Meier, %2 CI by the %3 transform "
                            "(Brookmeyer–Crowley); NR: not reached; NE: not estimable.")
                 .arg(unit.isEmpty() ? QString() : QStringLiteral(" in ") + unit, level,
                      QString::fromLatin1(conf_type));
    if (results.cox) {
        QString ties = QString::fromStdString(results.cox->ties);
        if (!ties.isEmpty()) {
            ties[0] = ties[0].toUpper();
        }
        const QString stratified =
            results.strata.empty() ? QString()
                                   : QStringLiteral(", stratified by %1").arg(strata_text(results));
        notes << QStringLiteral("HR: hazard ratio against %1, Cox model (%2 ties)%3, with the "
                                "Wald %4 CI and p%5.")
                     .arg(QString::fromStdString(results.cox->reference_arm), ties, stratified,
                          level,
                          with_logrank ? QStringLiteral("; log-rank test") + stratified
                                       : QString());
    }
    return notes + data_notes(results, population);
}

} // namespace triallens::ui
