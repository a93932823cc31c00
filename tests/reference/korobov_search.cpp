// Korobov generators minimising P_2 (unit weights) for rank-1 lattices: the
// table in core/stats/multivariate_normal.cpp. g++ -O3 korobov_search.cpp && ./a.out
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>
int main() {
    const std::vector<std::int64_t> sizes{1021, 4093, 16381, 65521, 262139};
    const int D = 9;
    const double c = 2 * M_PI * M_PI;
    for (std::int64_t N : sizes) {
        std::vector<std::int64_t> cands;
        if (N <= 16381) {
            for (std::int64_t a = 2; a <= N / 2; ++a)
                cands.push_back(a);
        } else {
            const double g = (std::sqrt(5.0) - 1) / 2;
            for (int k = 1; k <= 3000; ++k) {
                double x = k * g;
                x -= std::floor(x);
                std::int64_t a = 2 + (std::int64_t)(x * (N / 2 - 2));
                cands.push_back(a);
            }
        }
        std::vector<double> best(D, 1e300);
        std::vector<std::int64_t> besta(D, 0);
        std::vector<double> table(N);
        for (std::int64_t k = 0; k < N; ++k) {
            double x = double(k) / N;
            table[k] = 1 + c * (x * x - x + 1.0 / 6);
        }
        for (std::int64_t a : cands) {
            std::vector<std::int64_t> z(D);
            z[0] = 1;
            for (int j = 1; j < D; ++j)
                z[j] = z[j - 1] * a % N;
            double acc[D] = {0};
            for (std::int64_t k = 0; k < N; ++k) {
                double p = 1;
                for (int j = 0; j < D; ++j) {
                    p *= table[k * z[j] % N];
                    acc[j] += p;
                }
            }
            for (int j = 0; j < D; ++j) {
                double P = acc[j] / N - 1;
                if (P < best[j]) {
                    best[j] = P;
                    besta[j] = a;
                }
            }
        }
        printf("{%lld, {", (long long)N);
        for (int j = 0; j < D; ++j)
            printf("%lld%s", (long long)besta[j], j + 1 < D ? ", " : "");
        printf("}}, // P2:");
        for (int j = 0; j < D; ++j)
            printf(" %.2e", best[j]);
        printf("\n");
        fflush(stdout);
    }
}
