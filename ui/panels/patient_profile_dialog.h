#pragma once
// One subject's profile (core's patient_profile()): a header with the
// subject, the arm and the key facts (best overall response, best % change,
// treatment, death), the ADSL row as a two-column table (label, value) that
// a filter line narrows, and the time line (views/patient_timeline.h).
// Non-modal, and one instance is reused: a figure's click shows another
// subject in it. Up and Down (and the Previous / Next buttons) step through
// the subjects in the order the dialog was opened with — the figure's — and
// the title says where: "Patient 01-701-1015 — 3 of 75".
//
// After a refit the dialog keeps its subject and order (a profile is the
// subject's data, which no filter changes) and refreshes the facts the
// analysis gives (BOR, best % change); a subject the new filter or focus
// leaves out says so in the header rather than vanishing under the user.
// A new study closes the dialog: its rows are another study's.

#include <triallens/analysis/patient_profile.h>
#include <triallens/analysis/results.h>
#include <triallens/data/study.h>

#include <QDialog>
#include <QVector>

#include <cstdint>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
QT_END_NAMESPACE

namespace triallens::ui {

class PatientTimeline;

class PatientProfileDialog : public QDialog {
    Q_OBJECT

public:
    explicit PatientProfileDialog(QWidget* parent = nullptr);

    // The study whose subjects are shown; a different study closes the dialog.
    void setStudy(std::shared_ptr<const Study> study);
    // The analysis shown beside the profile, and which subjects it analyses
    // (analysed_subjects(), one flag per subject; empty: all).
    void setResults(ResultsPtr results, std::vector<std::uint8_t> analysed);
    // Shows `subject` (a row of the study's subjects), stepping through `order`
    // (the subject alone when `order` does not hold it).
    void showSubject(std::int32_t subject, QVector<std::int32_t> order);
    // Moves `delta` places in the order, stopping at its ends.
    void step(int delta);

    std::int32_t subject() const { return subject_; }
    int position() const { return position_; }
    const QVector<std::int32_t>& order() const { return order_; }

    QLabel* header() const { return header_; }
    QLineEdit* filterEdit() const { return filter_; }
    QTableView* fieldTable() const { return table_; }
    PatientTimeline* timeline() const { return timeline_; }
    QPushButton* previousButton() const { return previous_; }
    QPushButton* nextButton() const { return next_; }

private:
    void refresh();
    void refreshHeader();

    std::shared_ptr<const Study> study_;
    ResultsPtr results_;
    std::vector<std::uint8_t> analysed_;
    QVector<std::int32_t> order_;
    int position_ = -1;
    std::int32_t subject_ = -1;
    PatientProfile profile_;

    QLabel* header_;
    QLineEdit* filter_;
    QStandardItemModel* fields_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    PatientTimeline* timeline_;
    QScrollArea* scroll_;
    QPushButton* previous_;
    QPushButton* next_;
};

} // namespace triallens::ui
