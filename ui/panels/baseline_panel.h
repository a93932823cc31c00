#pragma once
// The "Baseline" tab: Table 1 (BaselineModel) with its footnote, above the
// disposition of patients as a table (DispositionModel) and as a CONSORT
// flow (DispositionFlowView). Its choices — the variables (the
// "Variables…" chooser), the quantile type (type 2 as SAS, type 7 as R)
// and p-values — are the workspace's BaselineSpec: the panel shows the
// spec it is given and emits specEdited for each change, which the window
// makes an undoable step and a refit. A study without Table 1 shows why.

#include "document/km_figure_options.h"
#include "panels/baseline_variables_dialog.h"

#include <triallens/analysis/results.h>

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace triallens::ui {

class BaselineModel;
class DispositionFlowView;
class DispositionModel;
class FittedTableView;

class BaselinePanel : public QWidget {
    Q_OBJECT

public:
    explicit BaselinePanel(QWidget* parent = nullptr);

    void setStudy(const std::shared_ptr<const Study>& study);
    void setSpec(const BaselineSpec& spec);
    const BaselineSpec& spec() const { return spec_; }
    void setResults(const ResultsPtr& results);
    void setFigureOptions(const KmFigureOptions& options);

    // The variables Table 1 shows now: the spec's, else the study's defaults
    // (default_baseline_variables).
    QStringList shownVariables() const;

    BaselineModel* model() const { return model_; }
    DispositionModel* dispositionModel() const { return disposition_model_; }
    FittedTableView* table() const { return table_; }
    FittedTableView* dispositionTable() const { return disposition_table_; }
    DispositionFlowView* flowView() const { return flow_; }
    QPushButton* variablesButton() const { return variables_; }
    QComboBox* quantileTypeBox() const { return quantile_type_; }
    QCheckBox* pValuesBox() const { return p_values_; }
    QLabel* footnoteLabel() const { return footnote_; }
    QLabel* emptyLabel() const { return empty_; }
    // The chooser while it is open (chooseVariables()); null otherwise.
    BaselineVariablesDialog* variablesDialog() const { return dialog_; }

public slots:
    // Opens the chooser; accepting it edits the spec's variables.
    void chooseVariables();

signals:
    void specEdited(const BaselineSpec& spec);

private:
    void edit(const BaselineSpec& spec);

    std::shared_ptr<const Study> study_;
    BaselineSpec spec_;
    QStringList defaults_; // default_baseline_variables of the study
    BaselineModel* model_;
    DispositionModel* disposition_model_;
    FittedTableView* table_;
    FittedTableView* disposition_table_;
    DispositionFlowView* flow_;
    QPushButton* variables_;
    QComboBox* quantile_type_;
    QCheckBox* p_values_;
    QLabel* footnote_;
    QLabel* disposition_footnote_;
    QLabel* empty_;
    QWidget* content_;
    QPointer<BaselineVariablesDialog> dialog_;
};

} // namespace triallens::ui
