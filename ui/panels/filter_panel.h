#pragma once
// The Filters dock: narrows the analysis to a subset of subjects by clicks,
// built from the study's subject-level columns:
//   - analysis populations first: Y/N flags named *FL (SAFFL, ITTFL, ...),
//     each one checkbox "Safety population (SAFFL = Y)", off by default;
//   - categorical variables of at most 50 levels (identifiers skipped): a
//     folding section of level checkboxes with subject counts, all checked;
//   - numeric variables: min/max spin boxes at the data's range, and
//     "include missing" when some values are missing.
// A search line shows only the variables whose name or label match; "Reset
// filters" checks everything again. The owner reports how many subjects the
// filter keeps with setSubjectCount().
//
// Every user edit emits filterChanged() with the state and its expression in
// the core grammar (filter_expression.h): checkboxes at once, spin boxes
// 250 ms after the last keystroke or on Enter. setState() and setStudy()
// never emit, so undo/redo can restore a state silently.

#include "document/filter_state.h"
#include <triallens/analysis/factor_columns.h>

#include <triallens/data/study.h>

#include <QTimer>
#include <QWidget>

#include <map>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;
QT_END_NAMESPACE

namespace triallens::ui {

class FilterSection;
class LevelFilter;
class RangeFilter;

class FilterPanel : public QWidget {
    Q_OBJECT

public:
    // Categorical variables with more levels than this are identifiers or
    // free text, not something to tick through (triallens/analysis/factor_columns.h).
    static constexpr std::size_t max_levels = max_factor_levels;

    explicit FilterPanel(QWidget* parent = nullptr);
    ~FilterPanel() override;

    void setStudy(std::shared_ptr<const Study> study); // rebuilds, resets; emits nothing
    FilterState state() const;
    void setState(const FilterState& state); // restores every widget; emits nothing
    QString expression() const;              // of state(), for the current study

    void setSubjectCount(std::size_t kept, std::size_t total);

    // The widgets, for tests and the owner's focus handling.
    QLineEdit* search() const { return search_; }
    QPushButton* resetButton() const { return reset_; }
    QLabel* countLabel() const { return count_; }
    QCheckBox* populationBox(const QString& name) const;
    FilterSection* section(const QString& name) const;
    LevelFilter* levelFilter(const QString& name) const;
    RangeFilter* rangeFilter(const QString& name) const;

    // "Safety population (SAFFL = Y)"; "COMP24FL = Y" for a flag not known.
    static QString populationText(const QString& name);

signals:
    void filterChanged(const triallens::ui::FilterState& state, const QString& expression);

private:
    void detachFilters();
    void commit(); // emits when the state differs from the last one emitted
    void reset();
    void applySearch(const QString& text);
    void markActive();

    std::shared_ptr<const Study> study_;
    QLabel* count_;
    QPushButton* reset_;
    QLineEdit* search_;
    QWidget* content_;
    QVBoxLayout* content_layout_;
    QGroupBox* populations_ = nullptr;
    std::map<QString, QCheckBox*> population_boxes_;
    std::vector<FilterSection*> sections_;
    std::map<QString, LevelFilter*> level_filters_;
    std::map<QString, RangeFilter*> range_filters_;
    QTimer debounce_;
    FilterState emitted_;
};

} // namespace triallens::ui
