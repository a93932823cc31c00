#pragma once
// The Analysis settings dock: endpoint, treatment column with its reference
// and compared arms, "curves by", stratification factors, subgroup
// variables, ties, CI transform and level, time unit, landmark times and the
// RMST horizon. It edits every AnalysisSpec field but the filter and the
// covariates, which it carries through unchanged.
//
// setSpec() shows a spec without emitting anything (undo/redo and new
// studies use it); a user's edit emits specEdited() with the whole new spec.

#include <triallens/analysis/analysis_spec.h>
#include <triallens/data/study.h>

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
QT_END_NAMESPACE

namespace triallens::ui {

class SettingsPanel : public QWidget {
    Q_OBJECT

public:
    explicit SettingsPanel(QWidget* parent = nullptr);

    // Fills the choices from the study's columns and shows `spec` (resolved:
    // its parameter, arm column and reference named).
    void setStudy(std::shared_ptr<const Study> study, const AnalysisSpec& spec);
    void setSpec(const AnalysisSpec& spec);
    // The spec the widgets show, on top of the last spec set (its filter and
    // covariates).
    AnalysisSpec spec() const;

    QComboBox* endpointBox() const { return endpoint_; }
    QComboBox* armVariableBox() const { return arm_variable_; }
    QComboBox* referenceBox() const { return reference_; }
    QComboBox* compareBox() const { return compare_; }
    QComboBox* curvesByBox() const { return curves_by_; }
    QListWidget* strataList() const { return strata_; }
    QListWidget* subgroupList() const { return subgroups_; }
    QComboBox* tiesBox() const { return ties_; }
    QComboBox* confTypeBox() const { return conf_type_; }
    QDoubleSpinBox* confLevelBox() const { return conf_level_; }
    QComboBox* timeUnitBox() const { return time_unit_; }
    QLineEdit* landmarksEdit() const { return landmarks_; }
    QLineEdit* tauEdit() const { return tau_; }

signals:
    void specEdited(const triallens::AnalysisSpec& spec);

private:
    void fillArms(const std::string& arm_variable);
    void show(const AnalysisSpec& spec);
    void edited();

    std::shared_ptr<const Study> study_;
    AnalysisSpec spec_; // the last spec shown; spec() starts from it
    bool showing_ = false;
    QComboBox* endpoint_;
    QComboBox* arm_variable_;
    QComboBox* reference_;
    QComboBox* compare_;
    QComboBox* curves_by_;
    QListWidget* strata_;
    QListWidget* subgroups_;
    QComboBox* ties_;
    QComboBox* conf_type_;
    QDoubleSpinBox* conf_level_;
    QComboBox* time_unit_;
    QLineEdit* landmarks_;
    QLineEdit* tau_;
};

} // namespace triallens::ui
