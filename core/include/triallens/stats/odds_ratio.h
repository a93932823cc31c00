#pragma once
// Odds ratios of an event (e.g. objective response) in an arm against a
// reference arm, from one 2×2 table or from K strata of them. With
//
//                 event   no event
//     arm           a        b        a + b = arm_n
//     reference     c        d        c + d = reference_n
//
// the odds ratio is (a d) / (b c); > 1 means higher odds in the arm. These are
// R's tables matrix(c(a, c, b, d), 2) and array(..., c(2, 2, K)).
//
//   woolf_odds_ratio   the sample odds ratio a d / (b c) with the Woolf (logit)
//                      interval exp(log OR -+ z sqrt(1/a + 1/b + 1/c + 1/d)).
//                      Base R has no function for it; it is what
//                      mantelhaen.test() gives for a single stratum (the
//                      Robins–Breslow–Greenland variance reduces to Woolf's).
//   fisher_exact       fisher.test(): the conditional maximum-likelihood
//                      estimate (the odds ratio psi whose noncentral
//                      hypergeometric mean is a), the exact conditional
//                      interval (P(X >= a; psi) = alpha/2 and
//                      P(X <= a; psi) = alpha/2), and the two-sided p-value
//                      summing the null probabilities no larger than that of a
//                      (with R's relative tolerance 1e-7). R's fisher.test()
//                      stops uniroot() at its default tolerance (~1.2e-4 on
//                      its search scale, 0..1 or 1/psi), so its estimate and
//                      limits differ from these in the fourth to sixth digit
//                      in ordinary tables, and grossly in extreme ones (120/121
//                      vs 4/113: R's upper limit is 4.5e15, 1/eps, for 1.3e5;
//                      its estimate 2547 for 2706). These are the roots to full
//                      precision (TOMS 748 on log psi) and agree to 1e-6 with
//                      fisher.test()'s own code run with a tight uniroot()
//                      tolerance. The p-value needs no root: R's, to rounding.
//   mantel_haenszel    mantelhaen.test() for 2×2×K tables: the Mantel–Haenszel
//                      common odds ratio sum(a d / n) / sum(b c / n), its
//                      interval exp(+-z sd) around it with the
//                      Robins–Breslow–Greenland (1986) sd of the log, and the
//                      Cochran–Mantel–Haenszel chi-square on 1 df,
//                        (|sum(a - E a)| - cc)^2 / sum(Var a),
//                      E a and Var a the null hypergeometric mean and variance
//                      of a in each stratum (Var a = the product of the four
//                      margins / (n^2 (n - 1))), with cc = 1/2 when
//                      |sum(a - E a)| >= 1/2: `chisq` and
//                      `p_value` carry the continuity correction, as R's
//                      default correct = TRUE; the `_uncorrected` pair is
//                      correct = FALSE. Estimate and interval do not depend on it.
//
// Edges. Where R returns Inf or NaN these return an empty optional ("not
// estimable"), and the same numbers as R wherever R's are finite:
//   - woolf: the estimate is empty when b c = 0 (0 when a d = 0 < b c); the
//     interval is empty when any cell is 0 (no Haldane 0.5 correction).
//   - fisher: the estimate is 0 when a is the smallest value the margins allow
//     and empty (R: Inf) when it is the largest; the lower limit is then 0 and
//     the upper empty (R: Inf). Deliberately unlike R, a table with a zero
//     margin (an empty arm, or no events or no non-events at all) has no
//     estimate or interval (R reports 0 and [0, Inf]); its p-value is 1.
//   - mantel_haenszel: the estimate is empty when sum(b c / n) = 0 (0 when only
//     sum(a d / n) is); the interval is empty unless both sums are positive;
//     the chi-squares and p-values are empty when the null variance is 0
//     (every stratum has a zero margin). R refuses strata of fewer than two
//     subjects ("sample size in each stratum must be > 1") and K < 2 ("each
//     dimension in table must be >= 2"). Here strata of fewer than two
//     subjects are skipped: they carry no information (a d = b c = 0 and
//     a = E a; only the variance term's n - 1 = 0 makes R's sum 0/0), and
//     `strata` counts the ones used. A single stratum is computed by the same
//     formulas: the Mantel–Haenszel test of one table (Pearson's chi-square
//     times (n - 1)/n) and Woolf's interval. A stratum in which one arm is
//     empty adds nothing to any sum, in R as here.
//
// Counts with events > n throw std::invalid_argument; so does a confidence
// level outside (0, 1).

#include <cstddef>
#include <optional>
#include <span>

namespace triallens {

struct TwoByTwo {
    std::size_t arm_events = 0; // a
    std::size_t arm_n = 0;      // a + b
    std::size_t reference_events = 0;
    std::size_t reference_n = 0;
};

struct OddsRatio {
    std::optional<double> estimate; // empty: not estimable (R: Inf or NaN)
    std::optional<double> lower;
    std::optional<double> upper; // empty also where R's limit is Inf
};

struct FisherExact {
    OddsRatio odds_ratio;
    double p_value = 1; // two-sided
};

struct MantelHaenszel {
    OddsRatio odds_ratio;
    std::optional<double> chisq; // with continuity correction (R's default)
    std::optional<double> p_value;
    std::optional<double> chisq_uncorrected; // correct = FALSE
    std::optional<double> p_value_uncorrected;
    std::size_t strata = 0; // strata used (of two or more subjects)
};

OddsRatio woolf_odds_ratio(const TwoByTwo& table, double conf_level = 0.95);
FisherExact fisher_exact(const TwoByTwo& table, double conf_level = 0.95);
// fisher_exact's p-value alone, in time linear in the support (no roots):
// for tables by the hundred, as the AE table's terms.
double fisher_exact_p(const TwoByTwo& table);
MantelHaenszel mantel_haenszel(std::span<const TwoByTwo> strata, double conf_level = 0.95);

} // namespace triallens
