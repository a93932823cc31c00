#pragma once
// The "Adverse events" tab: toggles for which events count (treatment-
// emergent, related, serious) and a minimum-incidence threshold above the
// SOC ▸ PT tree of an AeTable. The toggles change what the core counts, so
// the view only reports them (filterChanged) and its owner recomputes the
// table off the GUI thread; the threshold only hides rows, so it applies
// here through the proxy.

#include <triallens/stats/adverse_event_incidence.h>

#include <QWidget>

#include <memory>

class QCheckBox;
class QDoubleSpinBox;
class QTreeView;

namespace triallens::ui {

class AeFilterProxy;
class AeTreeModel;

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

    AeTreeModel* model() const { return model_; }
    AeFilterProxy* proxy() const { return proxy_; }
    QCheckBox* treatmentEmergentBox() const { return treatment_emergent_; }
    QCheckBox* relatedBox() const { return related_; }
    QCheckBox* seriousBox() const { return serious_; }
    QDoubleSpinBox* minimumIncidenceBox() const { return minimum_incidence_; }
    QTreeView* treeView() const { return tree_; }

signals:
    void filterChanged(triallens::AeFilter filter);

private:
    void resizeColumns();

    AeTreeModel* model_;
    AeFilterProxy* proxy_;
    QCheckBox* treatment_emergent_;
    QCheckBox* related_;
    QCheckBox* serious_;
    QDoubleSpinBox* minimum_incidence_;
    QTreeView* tree_;
};

} // namespace triallens::ui
