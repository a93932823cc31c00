#pragma once
// Everything one refit produced, as an immutable value handed to the views,
// the command line and the exporters.

#include "triallens/analysis/adverse_event_overview.h"
#include "triallens/analysis/baseline_table.h"
#include "triallens/analysis/disposition.h"
#include "triallens/data/reconstructed_subjects.h"
#include "triallens/stats/adverse_event_incidence.h"
#include "triallens/stats/binomial_interval.h"
#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/odds_ratio.h"
#include "triallens/stats/restricted_mean.h"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace triallens {

struct ArmSurvival {
    std::string arm;
    std::string level; // of the spec's curves_by variable; empty for an arm's own curve
    KaplanMeier km;
    QuantileEstimate median;
    std::vector<QuantileEstimate> quartiles; // p = 0.25, 0.5, 0.75
    std::vector<SurvivalAt> landmarks;       // at the spec's landmark times
    std::optional<RestrictedMean> rmst;      // when the spec names a horizon
};

// An arm against the reference arm, with a Wald CI (normal approximation on
// independent arms): survival difference at a landmark, RMST difference and
// ratio (the ratio's CI on the log scale).
struct SurvivalDifference {
    std::string arm;
    double time = 0;
    std::optional<double> difference;
    std::optional<double> lower;
    std::optional<double> upper;
};

struct RmstComparison {
    std::string arm;
    double tau = 0;
    double difference = 0;
    double difference_lower = 0;
    double difference_upper = 0;
    std::optional<double> ratio;
    std::optional<double> ratio_lower;
    std::optional<double> ratio_upper;
    // The Wald p of "no difference" (difference / SE on the normal, as
    // survRM2's rmst2 reports it); absent when the SE is zero.
    std::optional<double> difference_p;
};

// coef and se as coxph reports them; the ratio, its CI and the Wald p are
// absent when the coefficient is not estimable (aliased, or zero variance as
// when the model has no information and R "ran out of iterations").
struct HazardRatio {
    std::string arm;   // compared with the reference arm; an adjustment's variable
    std::string level; // an adjustment's level against its first; empty otherwise
    double coef = 0;
    double se = 0;
    std::optional<double> hr;
    std::optional<double> lower;
    std::optional<double> upper;
    std::optional<double> p;
};

struct CoxSummary {
    std::string ties;
    std::string reference_arm;
    std::vector<HazardRatio> terms;       // the arm contrasts
    std::vector<HazardRatio> adjustments; // the adjustment covariates' columns
    double loglik_null = 0;
    double loglik = 0;
    double lr_chisq = 0;
    double wald_chisq = 0;
    double score_chisq = 0;
    std::size_t df = 0;
};

// cox.zph() of the arm model: the arm term (all its contrasts together, as R
// reports a factor) and GLOBAL, with R's default transform "km".
struct PhTestRow {
    std::string term; // "arm", then "GLOBAL"
    std::optional<double> chisq;
    std::size_t df = 0;
    std::optional<double> p;
};

struct PhTestSummary {
    std::string transform = "km";
    std::vector<PhTestRow> rows;
};

// Does the method matter at the reported precision? The arm hazard ratios
// under each ties method and every arm's median CI under each CI transform,
// from the same data as the main analysis.
struct TiesConcordance {
    std::string ties;
    std::vector<HazardRatio> terms;
};

struct MedianConcordance {
    std::string arm;
    std::string conf_type;
    QuantileEstimate median;
};

struct MethodConcordance {
    std::vector<TiesConcordance> ties;      // efron, breslow, exact (when there is a Cox model)
    std::vector<MedianConcordance> medians; // per arm: log, log-log, plain
};

struct LogRankSummary {
    double chisq = 0;
    std::size_t df = 0;
    double p = 1;
    std::vector<double> observed; // per arm, in arm order
    std::vector<double> expected;
};

// A weighted log-rank test of the compared arm against the reference
// (weighted_log_rank.h): z < 0 favours the compared arm. z, chisq and p are
// absent when the test has no variance.
struct WeightedLogRankRow {
    double rho = 0;
    double gamma = 0;
    std::optional<double> z;
    std::optional<double> chisq;
    std::optional<double> p;
};

// MaxCombo over the spec's FH tests (maxcombo.h): each test's z, their
// correlation (row-major, tests x tests), z_max = max |z| and the two-sided
// p = P(max |Z_k| >= z_max).
struct MaxComboSummary {
    std::vector<WeightedLogRankRow> tests;
    std::vector<double> correlation;
    double z_max = 0;
    double p = 1;
};

// One period of the piecewise hazard ratios (piecewise_cox.h): the compared
// arm against the reference in (from, to], `to` absent for the last period.
// events counts both arms; hr, lower, upper and p (Wald) are absent when an
// arm has no event in the period (a warning says so).
struct PiecewiseHazardRatio {
    double from = 0;
    std::optional<double> to;
    std::size_t events = 0;
    std::optional<double> hr;
    std::optional<double> lower;
    std::optional<double> upper;
    std::optional<double> p;
};

// Competing risks (competing_risks_analysis.h): the Aalen–Johansen
// cumulative incidence per arm and cause with Gray's variance and log-log
// limits (cumulative_incidence.h), its values at the spec's landmarks,
// Gray's test per cause (with the spec's strata) and the Fine–Gray
// subdistribution HR of each compared arm for the cause of interest
// (unstratified, as cmprsk::crr; a warning says so when strata are set).
// Times are as analysed (unit, `from`) but not timefixed, as in cmprsk.
struct IncidenceCurve {
    std::string arm;
    std::string cause;
    std::vector<double> time; // from 0, one point per time the arm has an event of this cause
    std::vector<std::size_t> n_event; // events of this cause at each time
    std::vector<double> estimate;
    std::vector<double> std_err;
    std::vector<double> lower;
    std::vector<double> upper;
};

// An estimate at a landmark; absent past the arm's last record (cmprsk's
// timepoints() NA).
struct IncidenceAtLandmark {
    std::string arm;
    std::string cause;
    double time = 0;
    std::optional<double> estimate;
    std::optional<double> std_err;
    std::optional<double> lower;
    std::optional<double> upper;
};

struct GrayTestRow {
    std::string cause;
    double chisq = 0;
    int df = 0;
    double p = 1;
};

// The ratio, its CI and p are absent when the arm or the reference arm has no
// event of the cause: the likelihood then only grows as the coefficient runs
// to infinity, and crr's numbers after its 10 steps are arbitrary.
struct FineGrayRow {
    std::string arm; // against the reference arm
    double coef = 0;
    double se = 0; // robust (sandwich), as crr reports
    std::optional<double> hr;
    std::optional<double> lower;
    std::optional<double> upper;
    std::optional<double> p;
};

struct FineGraySummary {
    std::string cause;
    std::vector<FineGrayRow> terms;
};

struct CompetingRisksSummary {
    std::string cause_column; // where the causes came from: EVNTDESC, a --cause or --status column
    std::string cause_of_interest;
    std::vector<std::string> causes;            // in code order
    std::vector<IncidenceCurve> cif;            // arms in arm order, causes inner
    std::vector<IncidenceAtLandmark> landmarks; // landmark outer, then arm, then cause
    std::vector<GrayTestRow> gray;              // per cause; empty with fewer than two arms
    std::optional<FineGraySummary> fine_gray;   // absent with fewer than two arms
};

// One forest-plot row: a level of a subgroup variable, the compared arm
// against the reference within it (Cox with the analysis's strata and ties),
// and the likelihood-ratio test of arm × variable interaction, repeated on
// every level of the variable.
struct SubgroupArm {
    std::string arm;
    std::size_t n = 0;
    std::size_t events = 0;
    QuantileEstimate median;
};

struct SubgroupRow {
    std::string variable;
    std::string level;
    std::size_t n = 0;
    std::size_t events = 0;
    std::vector<SubgroupArm> arms; // reference, then compared arm
    std::optional<double> hr;      // absent when the level lacks an arm or any event
    std::optional<double> lower;
    std::optional<double> upper;
    std::optional<double> interaction_p;
};

// Objective response (best overall response CR or PR in ADRS PARAMCD "BOR")
// per arm over every subject with an arm; subjects without a BOR record count
// as non-responders. Differences are against the reference arm. The same
// structs carry the disease control rate (ResponseSummary::disease_control).
struct ResponseRate {
    std::string arm;
    std::size_t n = 0;
    std::size_t responders = 0;
    double rate = 0;
    Interval clopper_pearson; // the default interval
    Interval wilson;
    Interval jeffreys;
};

// An arm against the reference: the difference in rates with Newcombe's and
// Miettinen–Nurminen's intervals, the odds ratio (Woolf's logit interval, and
// Fisher's conditional estimate with its exact interval and p), and with
// strata the Mantel–Haenszel common odds ratio and CMH test.
struct ResponseDifference {
    std::string arm;
    double difference = 0;
    Interval newcombe;
    Interval miettinen_nurminen;
    OddsRatio woolf;
    FisherExact fisher;
    std::optional<MantelHaenszel> cmh; // when the analysis has strata
};

// Best overall response of an arm's subjects, one subject once: at its best
// BOR record when it has several (the first category in the order below).
// `category` is an ADRS AVALC value; empty = no BOR record (or an empty
// AVALC), "no assessment / missing". `fraction` is of the arm's n.
struct BorCount {
    std::string category;
    std::size_t n = 0;
    double fraction = 0;
};

struct ArmBestResponse {
    std::string arm;
    std::size_t n = 0;
    std::vector<BorCount> counts; // in ResponseSummary::bor_categories order
};

struct ResponseSummary {
    std::vector<ResponseRate> arms; // objective response: CR or PR
    std::vector<ResponseDifference> differences;
    // The BOR categories: RECIST's CR, PR, SD, NON-CR/NON-PD, PD, NE, then any
    // other AVALC value present in sort order, then "" (no assessment /
    // missing); every arm lists every category, zeros included.
    std::vector<std::string> bor_categories;
    std::vector<ArmBestResponse> best_overall_response; // in `arms` order
    // Disease control: CR, PR, SD or NON-CR/NON-PD, by the same estimators
    // as objective response (rates, differences, odds ratios, CMH).
    std::vector<ResponseRate> disease_control;
    std::vector<ResponseDifference> disease_control_differences;
};

// Tumour response per subject and per arm (tumour_response.h): what the
// waterfall, spider and swimmer plots, the duration-of-response curves and
// `triallens response` show. Every time is in TumourResponse::time_unit, the
// analysis's unit (Results::time_unit); study days (ADY, day 1 = TRTSDT) are
// converted from days. The rules, stated in --help and the Methods text:
//   - best % change: the minimum post-baseline PCHG (records not flagged
//     ABLFL with a day after the baseline's); nadir: the minimum AVAL over
//     the baseline and later records;
//   - best overall response: the BOR record (ADRS PARAMCD "BOR"), else the
//     best per-visit overall response in RECIST order; responder = CR or PR;
//   - time to response: the study day of the first CR or PR visit;
//   - duration of response: the subject's DURRSP (or DOR) record in ADTTE
//     when the study has one; otherwise from the first CR/PR visit to the
//     first PD visit after it or death (DTHDT), whichever is first (event),
//     else censored at the last adequate assessment (CR, PR, SD or
//     NON-CR/NON-PD) on or after the first response; end - start + 1 days;
//   - treatment days: TRTDURD, else TRTEDT - TRTSDT + 1; ongoing (EOTSTT
//     "ONGOING", or a TRTSDT without TRTEDT): to the data cut, DCUTDT or
//     the last date the study holds, and `ongoing`.
struct ResponsePoint {
    double time = 0;
    double value = 0;
};

// A per-visit overall response (ADRS "OVR"/"OVRLRESP") at its time.
struct VisitResponse {
    double time = 0;
    std::string response; // AVALC
};

struct SubjectTumourResponse {
    std::int32_t subject = -1; // row in the study's SubjectTable
    std::string usubjid;
    std::optional<double> best_pchg;
    std::optional<double> nadir;
    std::string bor; // "" = none
    bool responder = false;
    std::optional<double> dor_time; // responders with a duration only
    std::optional<bool> dor_event;
    std::optional<double> ttr;
    std::optional<double> treatment_days; // in time_unit despite the name (the contract's key)
    bool ongoing = false;
    // For the figures: % change from baseline over time (the baseline at
    // time 0 with 0 %, then every post-baseline record with a PCHG), the
    // per-visit responses, and the times of the first PD and of death.
    std::vector<ResponsePoint> pchg_over_time;
    std::vector<VisitResponse> visits;
    std::optional<double> progression_time;
    std::optional<double> death_time;
};

// The analysed subjects' tumour responses, by arm, then study order. The
// per-subject rows depend only on the study and the time unit: they are made
// once (Study::derived) and shared by every refit's Results, so a refit of a
// million subjects copies none of them; this holds which rows a refit
// analyses and the arm of each.
class TumourSubjects {
public:
    using Table = std::vector<SubjectTumourResponse>; // one row per study subject

    TumourSubjects() = default;
    // `rows` index `table`; `arms[k]` is rows[k]'s index into TumourResponse::arms.
    TumourSubjects(std::shared_ptr<const Table> table, std::vector<std::int32_t> rows,
                   std::vector<std::uint32_t> arms)
        : table_(std::move(table)), rows_(std::move(rows)), arms_(std::move(arms)) {}

    std::size_t size() const { return rows_.size(); }
    bool empty() const { return rows_.empty(); }
    const SubjectTumourResponse& operator[](std::size_t k) const {
        return (*table_)[static_cast<std::size_t>(rows_[k])];
    }
    std::size_t arm(std::size_t k) const { return arms_[k]; }

    class iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = SubjectTumourResponse;
        using difference_type = std::ptrdiff_t;
        using pointer = const SubjectTumourResponse*;
        using reference = const SubjectTumourResponse&;

        iterator() = default;
        iterator(const TumourSubjects* owner, std::size_t k) : owner_(owner), k_(k) {}
        reference operator*() const { return (*owner_)[k_]; }
        pointer operator->() const { return &(*owner_)[k_]; }
        reference operator[](difference_type d) const {
            return (*owner_)[static_cast<std::size_t>(static_cast<difference_type>(k_) + d)];
        }
        iterator& operator++() {
            ++k_;
            return *this;
        }
        iterator operator++(int) {
            iterator was = *this;
            ++k_;
            return was;
        }
        iterator& operator--() {
            --k_;
            return *this;
        }
        iterator operator--(int) {
            iterator was = *this;
            --k_;
            return was;
        }
        iterator& operator+=(difference_type d) {
            k_ = static_cast<std::size_t>(static_cast<difference_type>(k_) + d);
            return *this;
        }
        iterator& operator-=(difference_type d) { return *this += -d; }
        friend iterator operator+(iterator it, difference_type d) { return it += d; }
        friend iterator operator+(difference_type d, iterator it) { return it += d; }
        friend iterator operator-(iterator it, difference_type d) { return it -= d; }
        friend difference_type operator-(const iterator& a, const iterator& b) {
            return static_cast<difference_type>(a.k_) - static_cast<difference_type>(b.k_);
        }
        friend bool operator==(const iterator& a, const iterator& b) { return a.k_ == b.k_; }
        friend auto operator<=>(const iterator& a, const iterator& b) { return a.k_ <=> b.k_; }

    private:
        const TumourSubjects* owner_ = nullptr;
        std::size_t k_ = 0;
    };

    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, rows_.size()}; }

private:
    std::shared_ptr<const Table> table_;
    std::vector<std::int32_t> rows_;
    std::vector<std::uint32_t> arms_;
};

struct ArmTumourResponse {
    std::string arm;
    std::size_t n = 0; // subjects of the arm analysed
    std::size_t responders = 0;
    double orr = 0;
    Interval orr_interval; // Clopper–Pearson
    // Kaplan–Meier of the responders' durations, its median with CI and the
    // spec's landmarks; absent without a responder with a duration.
    std::optional<KaplanMeier> dor;
    std::optional<QuantileEstimate> dor_median;
    std::vector<SurvivalAt> dor_landmarks;
    std::optional<double> ttr_median; // median() of the responders' times to response
    std::size_t measured = 0;         // subjects with a best % change
};

struct TumourResponse {
    std::string param;     // the ADTR parameter (PARAMCD), "" without ADTR
    std::string time_unit; // as Results::time_unit
    // Where the durations came from: the ADTTE parameter (DURRSP, DOR), or
    // "derived" by the rule above.
    std::string dor_source;
    // Whether the study has responses (ADRS BOR or per-visit records): without
    // them ORR, BOR, TTR and DoR are not known (not zero), and say so.
    bool has_responses = false;
    bool has_measurements = false;       // ADTR records of the parameter
    std::vector<ArmTumourResponse> arms; // in arm order
    TumourSubjects subjects;             // by arm, then study order
};

// A forest row in focus: the subjects whose `variable` is `level`.
struct SubgroupFocus {
    std::string variable;
    std::string level;

    bool operator==(const SubgroupFocus&) const = default;
};

struct Results {
    std::string study_name;
    bool synthetic = false;
    ReconstructedSubjects reconstructed; // the study's, as Study::reconstructed
    std::string paramcd;
    std::string param;
    std::string time_unit;
    // The spec's `from`: every number below is conditional on being
    // event-free and under follow-up then, with times counted from it.
    std::optional<double> from;
    std::string arm_variable;
    std::string filter;              // the subject filter applied, "" = none
    std::vector<std::string> strata; // of the log-rank test and the Cox model
    std::size_t subjects_total = 0;  // subjects in the study
    std::size_t subjects = 0;        // of them, those the filter keeps
    std::size_t n = 0;               // records of the endpoint analysed
    std::size_t events = 0;
    std::vector<ArmSurvival> arms; // in arm level order
    // With the spec's curves_by: one curve per arm x level (arm order, then
    // level order), for the KM figure; the comparisons stay by arm.
    std::vector<ArmSurvival> curve_groups;
    // Median follow-up by the reverse Kaplan-Meier method (censorings as
    // events), pooled over the analysed records, as survfit(Surv(time,
    // 1 - status) ~ 1) gives it; absent with no records.
    std::optional<QuantileEstimate> median_follow_up;
    std::vector<SurvivalDifference> landmark_differences;
    std::vector<RmstComparison> rmst_comparisons;
    std::optional<LogRankSummary> logrank; // absent with fewer than two arms
    std::optional<CoxSummary> cox;         // absent with fewer than two arms
    // The spec's fh_tests and maxcombo, of `delayed_effects_arm` against the
    // reference with the spec's strata; empty / absent when not asked for or
    // when the two arms cannot be compared (a warning says why).
    std::string delayed_effects_arm;
    std::vector<WeightedLogRankRow> weighted_logrank;
    std::optional<MaxComboSummary> maxcombo;
    // The spec's hr_cuts: one row per period, of delayed_effects_arm against
    // the reference; empty when not asked for or not computable.
    std::vector<PiecewiseHazardRatio> piecewise_hr;
    // The spec's cause_of_interest, of every arm.
    std::optional<CompetingRisksSummary> competing_risks;
    std::optional<PhTestSummary> ph_test; // with the Cox model
    MethodConcordance concordance;
    std::vector<SubgroupRow> subgroups;
    std::optional<ResponseSummary> response; // when the study has best overall responses
    // When the study has tumour measurements, responses or treatment dates.
    std::optional<TumourResponse> tumour_response;
    std::vector<std::string> warnings;

    // What compute_workspace (workspace.h) adds; refit alone leaves these empty.
    //
    // The forest compares `compared_arm` with the reference (the Cox model's
    // reference arm). Its first row, all patients, holds both arms' n, events
    // and medians, and the compared arm's hazard ratio from the arm model;
    // absent without two arms. With a focus, the forest stays on the
    // filtered subjects: all_patients, subgroups and forest_subjects are of
    // them, every other member of the focused subjects.
    std::string compared_arm;
    std::optional<SubgroupRow> all_patients;
    std::size_t forest_subjects = 0; // subjects the forest's rows are of
    std::optional<SubgroupFocus> focus;
    // The adverse-event table of the subjects the panels show, counted by
    // actual treatment (default_spec.h adverse_event_spec), with the column
    // it counts by; absent when the study has no adverse events or no
    // treatment column for them (then ae_error says why, when there was one).
    std::optional<AeTable> adverse_events;
    std::string ae_arm_variable;
    std::string ae_error;
    // The safety overview of the same subjects and arms; with the AE table.
    std::optional<AeOverview> ae_overview;
    // Table 1 and the disposition (workspace.h workspace_baseline) by the
    // analysis's treatment column; absent when the study has no arm column,
    // and then baseline_error says why.
    std::optional<BaselineTable> baseline;
    std::optional<Disposition> disposition;
    std::string baseline_error;
    // What to call each subject-level variable (adam_labels.h display_label),
    // by name: forest headers, figure titles and chips read "PD-L1 Status"
    // where the results name PDL1STAT, on screen and in every export.
    std::map<std::string, std::string> variable_labels;
};

// The label of the variable `name` (variable_labels), or `name` itself.
inline const std::string& variable_label(const Results& results, const std::string& name) {
    const auto found = results.variable_labels.find(name);
    return found == results.variable_labels.end() ? name : found->second;
}

using ResultsPtr = std::shared_ptr<const Results>;

} // namespace triallens
