#pragma once
// Pseudo individual patient data for one arm from its published
// Kaplan–Meier curve and number-at-risk table, by the algorithm of
//   Guyot P, Ades AE, Ouwens MJ, Welton NJ (2012). Enhanced secondary
//   analysis of survival data: reconstructing the data from published
//   Kaplan-Meier survival curves. BMC Med Res Methodol 12:9.
// (the algorithm IPDfromKM's getIPD also implements; Liu et al. 2021).
//
// The curve is first cleaned (clean_digitised_curve.h). Then, per interval
// [t_i, t_{i+1}) between the table's times, with digitised points
// T_a = t_i <= T_k < T_b = t_{i+1} (a point is added at a table time the
// curve has none at, with the survival of the point before: the step's value
// there), starting from n̂_a at risk (the table's n at t_0 = 0, after that
// the rebuilt number):
//   1. first guess of the censored in the interval:
//        c = round(n̂_a S_b / S_a − n_{i+1}), at least 0;
//   2. the c censor times spread evenly over (T_a, T_b):
//        T_a + j (T_b − T_a) / (c + 1), j = 1..c;
//   3. at each point k: deaths d_k = round(n̂_k (1 − S_k / Ŝ_last)), kept in
//      [0, n̂_k], where Ŝ_last is the rebuilt KM at the last point with deaths
//      (1 before any); Ŝ = Ŝ_last (1 − d_k / n̂_k) when d_k > 0; then
//      n̂_{k+1} = n̂_k − d_k − (censor times in [T_k, T_{k+1}));
//   4. c += n̂_b − n_{i+1} and back to 2, until n̂_b equals the table.
// A flat stretch of the curve (S_k = Ŝ_last) gives d_k = 0: a flat censored
// tail gets censorings, never deaths.
//
// Bounded: step 4 runs at most max_adjustments times per interval, and stops
// early when c would repeat a value already tried or go below 0 with too many
// patients removed; the c whose n̂_b came closest to the table is kept. When
// that still misses the published number by more than
// max(2, 5 % of it) patients, the table cannot be met and reconstruct_arm
// throws, naming the interval, the published and the best rebuilt number.
// A smaller miss is kept (best fit) and said in `changes`; the next interval
// then starts from the rebuilt number, so the patients always add up to n.
//
// The last interval [t_last, T_end] has no number to meet. With the arm's
// total events given, c is adjusted as in step 4 until the deaths of the
// whole arm equal it (best fit, said when missed: the curve cannot get more
// deaths than its drops show). Without it, Guyot's rule: the censoring rate
// per unit time of the earlier intervals carries on, c = round(rate ·
// (T_end − t_last)), at most n̂. Whoever is left at T_end is censored there.
//
// The input is checked, each a ReconstructionError: the table must start at
// time 0 with the arm's n (1 to max_reconstructed_patients), its times rise
// strictly and lie within the cleaned curve's range (no later than its last
// point), its numbers never rise, at most max_at_risk_times of them; the
// total events, when given, lie in [0, n]. A table whose number reaches 0
// ends there; a 0 after the curve's last point (the table's last column
// when the curve stops just before it) is consistent and left out, said.

#include "triallens/reconstruct/clean_digitised_curve.h"
#include "triallens/reconstruct/digitised_curve.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace triallens {

struct GuyotOptions {
    std::optional<int> total_events; // the arm's published total events
    int max_adjustments = 100;       // step 4's bound, per interval
    CurveCleaningOptions cleaning;
};

// The published and rebuilt numbers at risk at one table time: the rebuilt
// number counts the pseudo-patients whose time is at or after it.
struct AtRiskComparison {
    double time = 0;
    int published = 0;
    int rebuilt = 0;
};

// How well the pseudo-data reproduce what was published.
struct FitReport {
    std::size_t n = 0;
    std::size_t events = 0;
    std::size_t censored = 0;
    // The rebuilt KM against the cleaned digitised points: at each point the
    // vertical distance to the rebuilt step function (0 when the point lies
    // on a step's vertical edge between S(t-) and S(t)); the largest and the
    // root mean square.
    double max_abs_difference = 0;
    double rms_difference = 0;
    std::size_t points = 0; // digitised points compared
    std::vector<AtRiskComparison> at_risk;
    std::optional<int> total_events_published;
};

struct ReconstructedArm {
    std::vector<double> time;        // one per pseudo-patient, ascending
    std::vector<std::uint8_t> event; // 1 = event, 0 = censored
    FitReport fit;
    std::vector<std::string> changes; // cleaning changes, then the algorithm's notes
};

// Throws ReconstructionError (reconstruction_error.h) for unusable input.
ReconstructedArm reconstruct_arm(const DigitisedCurve& curve, const AtRiskTable& at_risk,
                                 const GuyotOptions& options = {});

// The fit of pseudo-data against a cleaned curve and a table (what
// reconstruct_arm reports; usable on any (time, event) data).
FitReport fit_report(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                     const DigitisedCurve& cleaned, const AtRiskTable& at_risk);

} // namespace triallens
