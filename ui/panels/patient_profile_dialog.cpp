#include "panels/patient_profile_dialog.h"

#include "views/patient_timeline.h"

#include <triallens/analysis/patient_profile.h>
#include <triallens/data/build_study.h>
#include <triallens/format/number_format.h>

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

QString day_text(double day) {
    return QString::fromStdString(time_text(day, time_decimals(std::span<const double>(&day, 1))));
}

const SubjectTumourResponse* tumour_response_of(const Results* results, std::int32_t subject) {
    if (results == nullptr || !results->tumour_response) {
        return nullptr;
    }
    const auto& subjects = results->tumour_response->subjects;
    const auto it =
        std::find_if(subjects.begin(), subjects.end(),
                     [&](const SubjectTumourResponse& s) { return s.subject == subject; });
    return it == subjects.end() ? nullptr : &*it;
}

} // namespace

PatientProfileDialog::PatientProfileDialog(QWidget* parent)
    : QDialog(parent), header_(new QLabel(this)), filter_(new QLineEdit(this)),
      fields_(new QStandardItemModel(0, 2, this)), proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)), timeline_(new PatientTimeline), scroll_(new QScrollArea(this)),
      previous_(new QPushButton(tr("Previous"), this)), next_(new QPushButton(tr("Next"), this)) {
    setObjectName(QStringLiteral("patientProfileDialog"));
    setModal(false);
    setWindowTitle(tr("Patient profile"));
    header_->setTextFormat(Qt::RichText);
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    fields_->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    proxy_->setSourceModel(fields_);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1); // the label, the name (tooltip) or the value
    proxy_->setFilterRole(Qt::UserRole);
    filter_->setPlaceholderText(tr("Filter variables"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    table_->setModel(proxy_);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    // Labels whole up to about 32 characters; the values take the rest.
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setMaximumSectionSize(table_->fontMetrics().averageCharWidth() *
                                                      28);
    table_->setTextElideMode(Qt::ElideRight);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);

    scroll_->setWidget(timeline_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);

    auto* left = new QWidget(this);
    auto* left_layout = new QVBoxLayout(left);
    left_layout->setContentsMargins(0, 0, 0, 0);
    left_layout->addWidget(filter_);
    left_layout->addWidget(table_);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(scroll_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({380, 820});

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(previous_, QDialogButtonBox::ActionRole);
    buttons->addButton(next_, QDialogButtonBox::ActionRole);
    previous_->setToolTip(tr("The previous subject in the figure's order (Up)"));
    next_->setToolTip(tr("The next subject in the figure's order (Down)"));
    previous_->setAutoDefault(false);
    next_->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(previous_, &QPushButton::clicked, this, [this] { step(-1); });
    connect(next_, &QPushButton::clicked, this, [this] { step(1); });
    // Up and Down step through subjects wherever the focus is in the dialog,
    // the table's own row keys included: the table is short and scrolls by wheel.
    for (const auto& [key, delta] : {std::pair{Qt::Key_Up, -1}, std::pair{Qt::Key_Down, 1}}) {
        auto* action = new QAction(this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        const int by = delta;
        connect(action, &QAction::triggered, this, [this, by] { step(by); });
        addAction(action);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(header_);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 720);
}

void PatientProfileDialog::setStudy(std::shared_ptr<const Study> study) {
    if (study == study_) {
        return;
    }
    study_ = std::move(study);
    results_.reset();
    analysed_.clear();
    order_.clear();
    position_ = -1;
    subject_ = -1;
    close();
}

void PatientProfileDialog::setResults(ResultsPtr results, std::vector<std::uint8_t> analysed) {
    results_ = std::move(results);
    analysed_ = std::move(analysed);
    if (subject_ >= 0) {
        refreshHeader();
    }
}

void PatientProfileDialog::showSubject(std::int32_t subject, QVector<std::int32_t> order) {
    if (!order.contains(subject)) {
        order = {subject};
    }
    order_ = std::move(order);
    position_ = static_cast<int>(order_.indexOf(subject));
    subject_ = subject;
    refresh();
}

void PatientProfileDialog::step(int delta) {
    if (order_.isEmpty()) {
        return;
    }
    const int next = std::clamp(position_ + delta, 0, static_cast<int>(order_.size()) - 1);
    if (next == position_) {
        return;
    }
    position_ = next;
    subject_ = order_[position_];
    refresh();
}

void PatientProfileDialog::refresh() {
    if (!study_ || subject_ < 0 || static_cast<std::size_t>(subject_) >= study_->subjects.size()) {
        return;
    }
    profile_ = patient_profile(*study_, subject_);
    const PatientProfile& profile = profile_;
    fields_->setRowCount(0);
    for (const ProfileField& field : profile.fields) {
        auto* label = new QStandardItem(QString::fromStdString(field.label));
        auto* value = new QStandardItem(QString::fromStdString(field.value));
        const QString name = QString::fromStdString(field.name);
        label->setToolTip(name);
        label->setData(QString::fromStdString(field.label) + ' ' + name, Qt::UserRole);
        value->setData(QString::fromStdString(field.value), Qt::UserRole);
        value->setToolTip(QString::fromStdString(field.value));
        fields_->appendRow({label, value});
    }
    timeline_->setProfile(profile, study_->adverse_events.grade_variable == "AESEV");
    setWindowTitle(tr("Patient %1 — %2 of %3")
                       .arg(QString::fromStdString(profile.usubjid))
                       .arg(position_ + 1)
                       .arg(order_.size()));
    previous_->setEnabled(position_ > 0);
    next_->setEnabled(position_ + 1 < order_.size());
    refreshHeader();
}

void PatientProfileDialog::refreshHeader() {
    if (!study_ || subject_ < 0) {
        return;
    }
    const auto row = static_cast<std::size_t>(subject_);
    const PatientProfile& facts = profile_;
    std::string recorded_bor; // the BOR record of ADRS, when the analysis has none
    for (const ProfileResponse& r : facts.responses) {
        if (r.paramcd == "BOR") {
            recorded_bor = r.value;
        }
    }
    // The arm: the analysis's treatment column, else the first the study has.
    QString arm;
    std::vector<std::string> columns;
    if (results_) {
        columns.push_back(results_->arm_variable);
    }
    columns.insert(columns.end(), std::begin(arm_column_candidates),
                   std::end(arm_column_candidates));
    for (const std::string& name : columns) {
        const Variable* variable = study_->subjects.find(name);
        if (variable != nullptr && variable->is_categorical() && variable->codes()[row] >= 0) {
            arm = QString::fromStdString(
                variable->levels()[static_cast<std::size_t>(variable->codes()[row])]);
            break;
        }
    }
    QStringList facts_text;
    const SubjectTumourResponse* response = tumour_response_of(results_.get(), subject_);
    const QString bor = response != nullptr && !response->bor.empty()
                            ? QString::fromStdString(response->bor)
                            : QString::fromStdString(recorded_bor);
    if (!bor.isEmpty() || study_->responses.size() > 0) {
        facts_text << tr("BOR: %1").arg(bor.isEmpty() ? tr("none") : bor);
    }
    if (response != nullptr && response->best_pchg) {
        facts_text << tr("Best change: %1%")
                          .arg(QString::fromStdString(percent_text(*response->best_pchg)));
    }
    if (facts.treatment_end_day) {
        facts_text << (facts.ongoing
                           ? tr("Treatment: ongoing, day %1 at the data cut")
                                 .arg(day_text(*facts.treatment_end_day))
                           : tr("Treatment: days 1–%1").arg(day_text(*facts.treatment_end_day)));
    } else {
        facts_text << tr("Treatment: no dates");
    }
    if (!facts.end_status.empty() && !facts.ongoing) {
        facts_text.back() += QStringLiteral(" (%1)").arg(QString::fromStdString(facts.end_status));
    }
    facts_text << (facts.death_day ? tr("Died: day %1").arg(day_text(*facts.death_day))
                   : facts.died    ? tr("Died (day unknown)")
                                   : tr("Alive at last contact"));
    QString html = QStringLiteral("<span style='font-size:large'><b>%1</b>%2</span><br>%3")
                       .arg(QString::fromStdString(study_->subjects.usubjid()[row]).toHtmlEscaped(),
                            arm.isEmpty() ? QString() : QStringLiteral(" · ") + arm.toHtmlEscaped(),
                            facts_text.join(QStringLiteral(" · ")).toHtmlEscaped());
    if (!analysed_.empty() && row < analysed_.size() && analysed_[row] == 0) {
        html += QStringLiteral("<br><i style='color:#b35900'>%1</i>")
                    .arg(tr("Not in the current analysis: its filter leaves this subject out."));
    }
    header_->setText(html);
}

} // namespace triallens::ui
