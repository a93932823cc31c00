#pragma once
// Cox proportional-hazards regression by Newton–Raphson on the partial
// likelihood, matching R's survival::coxph() (coxfit6.c, coxexact.c):
//   - ties: Efron (default), Breslow, or Exact — the exact conditional
//     likelihood (SAS TIES=DISCRETE; note SAS's TIES=EXACT is another model);
//   - strata: separate baseline hazards, risk-set sums reset per stratum;
//   - start at beta = 0; converged when |1 - loglik_old / loglik_new| <= 1e-9,
//     at most 20 iterations; step-halving when the log-likelihood falls or is
//     not finite, each by R's rule for that method; covariates centred and
//     scaled during iteration (changes the path, not the answer);
//   - R's tolerant Cholesky (toler.chol = eps^0.75): a covariate that is a
//     linear combination of others is "aliased" — held at 0, reported as NA,
//     with R's warning "X matrix deemed to be singular; variable k";
//   - R's warnings, worded as R words them: "Ran out of iterations and did not
//     converge"; "Loglik converged before variable k; coefficient may be
//     infinite." (monotone likelihood, e.g. an arm without events).
// Reports coefficients, their variance (the inverse information at the final
// beta), the null and final log-likelihoods and the Wald, score and
// likelihood-ratio statistics.

#include "triallens/stats/event_table.h"
#include "triallens/stats/risk_set_counts.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

enum class Ties { Efron, Breslow, Exact };

// "efron", "breslow", "exact": R's names for the methods.
const char* ties_name(Ties ties);
std::optional<Ties> ties_from_name(std::string_view name);

struct CoxOptions {
    Ties ties = Ties::Efron;
    int max_iter = 20;
    double eps = 1e-9;
    // Records with equal covariates are fitted as one pattern (the same
    // numbers in far less time). false walks every record on its own, the
    // plain computation, kept to check the fast one against.
    bool group_patterns = true;
};

struct CoxInput {
    std::span<const double> time;
    std::span<const std::uint8_t> event;
    std::span<const std::int32_t> stratum; // empty = one stratum
    std::size_t n_terms = 0;
    std::span<const double> covariates; // column-major: term j of subject i at j * n + i
};

// A model given as counts (risk_set_counts.h) and each pattern's covariates:
// column-major, term j of pattern g at j * counts->patterns + g. The counts'
// times must have been through timefix.
struct PatternCoxInput {
    const RiskSetCounts* counts = nullptr;
    std::size_t n_terms = 0;
    std::span<const double> covariates;
};

struct CoxFit {
    std::vector<double> coef;  // 0 where aliased
    std::vector<bool> aliased; // R's NA coefficients: singular columns
    std::vector<double> var;   // n_terms × n_terms, row-major
    double loglik_null = 0;
    double loglik = 0;
    double score_chisq = 0;
    double wald_chisq = 0;
    double lr_chisq = 0;
    int iterations = 0;
    bool converged = false;
    std::vector<std::string> warnings;
};

CoxFit fit_cox(const CoxInput& input, const CoxOptions& options = {});
CoxFit fit_cox(const PatternCoxInput& input, const CoxOptions& options = {});

} // namespace triallens
