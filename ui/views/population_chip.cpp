#include "views/population_chip.h"

namespace triallens::ui {

QString population_text(const Results& results, Population population) {
    QStringList parts;
    if (!results.filter.empty()) {
        parts << QStringLiteral("Filtered: %1").arg(QString::fromStdString(results.filter));
    }
    const bool focused = population == Population::Focused && results.focus.has_value();
    if (focused) {
        parts << QStringLiteral("Subgroup: %1 = %2")
                     .arg(QString::fromStdString(variable_label(results, results.focus->variable)),
                          QString::fromStdString(results.focus->level));
    }
    if (parts.isEmpty()) {
        return {};
    }
    const std::size_t shown = population == Population::Forest && results.focus.has_value()
                                  ? results.forest_subjects
                                  : results.subjects;
    parts << QStringLiteral("%1 of %2").arg(shown).arg(results.subjects_total);
    return parts.join(QStringLiteral(" · "));
}

PopulationChip::PopulationChip(Population population, QWidget* parent)
    : QLabel(parent), population_(population) {
    setObjectName(QStringLiteral("populationChip"));
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    setStyleSheet(QStringLiteral("QLabel#populationChip { background: palette(alternate-base); "
                                 "border: 1px solid palette(mid); border-radius: 9px; "
                                 "padding: 1px 8px; margin: 2px 4px; }"));
    setToolTip(QStringLiteral("The subjects this view shows: the filter and the subgroup in "
                              "focus, out of the study's subjects"));
    hide();
}

void PopulationChip::setResults(const ResultsPtr& results) {
    const QString text = results ? population_text(*results, population_) : QString();
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace triallens::ui
