#pragma once
// The "Adverse events" tab: toggles for which events count (treatment-
// emergent, related, serious) and a minimum-incidence threshold above the
// SOC ▸ PT tree of an AeTable. The toggles change what the core counts, so
// the view only reports them (filterChanged) and its owner recomputes the
// table off the GUI thread; the threshold only hides rows, so it applies
// here through the proxy.
//
// Fitting the table to the window: column headings are short ("Any",
// "≥ 3" or "Severe") under each arm's name and N, the grading variable is
// named beside the toggles and in the severe headings' tooltips, the term
// column is as wide as its terms up to what the arms' count columns leave,
// or about 30 characters when so many arms' counts scroll anyway (longer
// terms elided, whole in their tooltip), and stays in place when the
// table scrolls sideways (frozen_column_tree_view.h). With three or more
// arms, "Arms shown" narrows the table to one compared arm and the
// reference with their risk difference; that choice is the view's alone:
// it is not part of the workspace, not saved, and exports show every arm.
//
// "Find term" narrows the tree to the preferred terms whose name holds the
// typed text; a click on a term of the dot or volcano plot narrows it to
// that one term (showOnlyTerm). Neither is saved nor exported.

#include <triallens/stats/adverse_event_incidence.h>

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTreeView;

namespace triallens::ui {

class AeFilterProxy;
class AeTreeModel;
class FrozenColumnTreeView;
class GroupedHeaderView;

class AeTableView : public QWidget {
    Q_OBJECT

public:
    explicit AeTableView(QWidget* parent = nullptr);

    void setTable(std::shared_ptr<const AeTable> table);

    AeFilter filter() const;
    // Sets the toggles without emitting filterChanged, e.g. from undo.
    void setFilter(const AeFilter& filter);

    double minimumIncidence() const;
    void setMinimumIncidence(double percent);

    // Shows only the preferred term named `term` (exactly), under its SOC;
    // "" shows every term again.
    void showOnlyTerm(const QString& term);
    QLineEdit* termSearchBox() const { return term_search_; }

    AeTreeModel* model() const { return model_; }
    AeFilterProxy* proxy() const { return proxy_; }
    QCheckBox* treatmentEmergentBox() const { return treatment_emergent_; }
    QCheckBox* relatedBox() const { return related_; }
    QCheckBox* seriousBox() const { return serious_; }
    QDoubleSpinBox* minimumIncidenceBox() const { return minimum_incidence_; }
    QTreeView* treeView() const;
    // The view over the term column that stays put when treeView() scrolls.
    QTreeView* frozenTermView() const;
    GroupedHeaderView* header() const { return header_; }
    // "All arms", then with three or more arms one "<arm> vs <reference>"
    // per compared arm (item data: its arm index, -1 for all).
    QComboBox* armsShownBox() const { return arms_shown_; }
    // "Grade from AESEV: severe counted as grade ≥ 3", as in the exports.
    QLabel* gradeNoteLabel() const { return grade_note_; }

signals:
    void filterChanged(triallens::AeFilter filter);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void resizeColumns();
    void fillArmsShown();
    void showChosenArms();
    void showChosenArmsTip();

    AeTreeModel* model_;
    AeFilterProxy* proxy_;
    QCheckBox* treatment_emergent_;
    QCheckBox* related_;
    QCheckBox* serious_;
    QDoubleSpinBox* minimum_incidence_;
    QComboBox* arms_shown_;
    QLineEdit* term_search_;
    QLabel* arms_shown_label_;
    QLabel* grade_note_;
    FrozenColumnTreeView* tree_;
    GroupedHeaderView* header_;
};

} // namespace triallens::ui
