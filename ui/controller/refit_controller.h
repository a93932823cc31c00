#pragma once
// Owns the current study and workspace spec and refits off the GUI thread
// with the one core call, compute_workspace (triallens/analysis/workspace.h).
// Every change bumps a generation number; a finished refit is published only
// if no newer change has been made since it started, so stale results are
// dropped and views always show the latest spec.

#include <triallens/analysis/analysis_spec.h>
#include <triallens/analysis/results.h>
#include <triallens/analysis/workspace.h>
#include <triallens/data/study.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace triallens::ui {

class RefitController : public QObject {
    Q_OBJECT

public:
    explicit RefitController(QObject* parent = nullptr);

    void setStudy(std::shared_ptr<const Study> study, const AnalysisSpec& spec = {});
    void setSpec(const AnalysisSpec& spec);
    // The whole workspace at once, with one refit (undo and redo of a
    // workspace state).
    void setWorkspace(const WorkspaceSpec& workspace);
    // Which adverse events the AE table counts; refits like a spec change.
    void setAdverseEventFilter(const AeFilter& filter);
    // The forest row in focus (nullopt: all patients); refits.
    void setFocus(const std::optional<SubgroupFocus>& focus);

    const std::shared_ptr<const Study>& study() const { return study_; }
    const AnalysisSpec& spec() const { return workspace_.analysis; }
    const WorkspaceSpec& workspace() const { return workspace_; }
    const std::optional<SubgroupFocus>& focus() const { return workspace_.focus; }
    const ResultsPtr& results() const { return results_; }
    const std::shared_ptr<const AeTable>& adverseEvents() const { return adverse_events_; }
    // The safety overview of the same refit, set before adverseEventsReady.
    const std::shared_ptr<const AeOverview>& adverseEventOverview() const { return ae_overview_; }
    const AeFilter& adverseEventFilter() const { return workspace_.adverse_events; }
    std::uint64_t generation() const { return generation_; }
    // A refit for the current spec is running.
    bool busy() const { return busy_; }

signals:
    // The AE table of the same refit arrives first (null when the study has
    // none or the workspace cannot make one), then the results; when the
    // analysis cannot be resolved, the AE table and then refitFailed.
    void adverseEventsReady(const std::shared_ptr<const triallens::AeTable>& table);
    void refitted(const triallens::ResultsPtr& results, double milliseconds);
    void refitFailed(const QString& message);
    // From idle to refitting and back; a newer spec while refitting keeps it busy.
    void busyChanged(bool busy);

private:
    void start();

    std::shared_ptr<const Study> study_;
    WorkspaceSpec workspace_;
    ResultsPtr results_;
    std::shared_ptr<const AeTable> adverse_events_;
    std::shared_ptr<const AeOverview> ae_overview_;
    std::uint64_t generation_ = 0;
    bool busy_ = false;
};

} // namespace triallens::ui

Q_DECLARE_METATYPE(triallens::ResultsPtr)
Q_DECLARE_METATYPE(std::shared_ptr<const triallens::AeTable>)
