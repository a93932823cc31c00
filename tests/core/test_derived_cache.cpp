// What a study keeps between refits (Study::derived): made once, shared, never
// carried into a copy; and the refit's use of it must not change a number.

#include <triallens/analysis/refit.h>
#include <triallens/data/derived_cache.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/event_table.h>

#include <QTest>

#include <atomic>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace triallens;

class TestDerivedCache : public QObject {
    Q_OBJECT

private slots:
    void makesEachValueOnceAndSharesIt() {
        const DerivedCache cache;
        int made = 0;
        const auto first = cache.get<int>("a", [&] { return ++made; });
        const auto again = cache.get<int>("a", [&] { return ++made; });
        const auto other = cache.get<int>("b", [&] { return ++made; });
        QCOMPARE(made, 2);
        QCOMPARE(first.get(), again.get());
        QCOMPARE(*first, 1);
        QCOMPARE(*other, 2);
        // The same key of another type is another value.
        const auto text = cache.get<std::string>("a", [] { return std::string("x"); });
        QCOMPARE(*text, std::string("x"));
    }

    void twoThreadsAskingAtOnceMakeItOnce() {
        const DerivedCache cache;
        std::atomic<int> made{0};
        const auto make = [&] {
            ++made;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return 7;
        };
        std::shared_ptr<const int> a;
        std::shared_ptr<const int> b;
        std::thread one([&] { a = cache.get<int>("k", make); });
        std::thread two([&] { b = cache.get<int>("k", make); });
        one.join();
        two.join();
        QCOMPARE(made.load(), 1);
        QCOMPARE(a.get(), b.get());
    }

    void aFailedMakeLeavesNothingBehind() {
        const DerivedCache cache;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, cache.get<int>("k", []() -> int {
            throw std::runtime_error("no");
        }));
        QCOMPARE(*cache.get<int>("k", [] { return 3; }), 3);
    }

    void aCopyStartsEmpty() {
        DerivedCache cache;
        (void)cache.get<int>("k", [] { return 1; });
        const DerivedCache copy = cache;
        QCOMPARE(*copy.get<int>("k", [] { return 2; }), 2);
        DerivedCache assigned;
        (void)assigned.get<int>("k", [] { return 5; });
        assigned = cache;
        QCOMPARE(*assigned.get<int>("k", [] { return 6; }), 6);
        QCOMPARE(*cache.get<int>("k", [] { return 9; }), 1);
    }

    // Counting records per distinct time, then tabulating, is tabulate_events
    // of the records: timefix included (times a hair apart, as days / 30.4375
    // make them).
    void countedEventsEqualTheRecordsTabulated() {
        std::mt19937_64 random(20261206);
        for (int trial = 0; trial < 200; ++trial) {
            std::uniform_int_distribution<int> day(1, 60);
            std::bernoulli_distribution event(0.6);
            std::bernoulli_distribution hair(0.2);
            std::vector<double> time;
            std::vector<std::uint8_t> status;
            const int n = 1 + trial % 40;
            for (int i = 0; i < n; ++i) {
                double t = day(random) / 30.4375;
                if (hair(random)) {
                    t *= 1 + 1e-10; // a near tie timefix must join
                }
                time.push_back(t);
                status.push_back(event(random) ? 1 : 0);
            }
            std::vector<double> distinct = time;
            std::sort(distinct.begin(), distinct.end());
            distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
            distinct.insert(distinct.begin() + static_cast<std::ptrdiff_t>(distinct.size() / 2),
                            distinct[distinct.size() / 2]); // a value nobody has: counts 0
            std::sort(distinct.begin(), distinct.end());
            distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
            distinct.push_back(distinct.back() + 1); // counted by no record
            std::vector<std::size_t> events(distinct.size(), 0);
            std::vector<std::size_t> censored(distinct.size(), 0);
            for (std::size_t i = 0; i < time.size(); ++i) {
                const auto k = static_cast<std::size_t>(
                    std::lower_bound(distinct.begin(), distinct.end(), time[i]) - distinct.begin());
                ++(status[i] ? events : censored)[k];
            }
            for (const bool timefix : {true, false}) {
                const EventTable expected = tabulate_events(time, status, timefix);
                const EventTable counted =
                    tabulate_counted_events(distinct, events, censored, timefix);
                QCOMPARE(counted.n, expected.n);
                QCOMPARE(counted.time, expected.time);
                QCOMPARE(counted.n_event, expected.n_event);
                QCOMPARE(counted.n_censor, expected.n_censor);
            }
        }
    }

    // The tumour responses are made once per study and unit: a second refit,
    // with another filter, reads the same rows; and its numbers are those of
    // a study that never had a cache (a fresh copy).
    void refitsShareTheTumourRowsAndAgreeWithAFreshStudy() {
        const Study study = generate_demo_study();
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.time_unit = "months";
        const Results all = refit(study, spec);
        spec.filter = "AGE < 50";
        const Results younger = refit(study, spec);
        QVERIFY(all.tumour_response && younger.tumour_response);
        QVERIFY(younger.tumour_response->subjects.size() < all.tumour_response->subjects.size());
        const SubjectTumourResponse& first = younger.tumour_response->subjects[0];
        bool shared = false;
        for (const SubjectTumourResponse& subject : all.tumour_response->subjects) {
            shared = shared || &subject == &first;
        }
        QVERIFY(shared);

        const Study fresh = study; // a copy starts without the cache
        const Results again = refit(fresh, spec);
        const TumourResponse& a = *younger.tumour_response;
        const TumourResponse& b = *again.tumour_response;
        QVERIFY(&a.subjects[0] != &b.subjects[0]);
        QCOMPARE(a.subjects.size(), b.subjects.size());
        for (std::size_t k = 0; k < a.subjects.size(); ++k) {
            QCOMPARE(a.subjects[k].usubjid, b.subjects[k].usubjid);
            QCOMPARE(a.subjects.arm(k), b.subjects.arm(k));
        }
        QCOMPARE(a.arms.size(), b.arms.size());
        for (std::size_t arm = 0; arm < a.arms.size(); ++arm) {
            QCOMPARE(a.arms[arm].n, b.arms[arm].n);
            QCOMPARE(a.arms[arm].responders, b.arms[arm].responders);
            QCOMPARE(a.arms[arm].ttr_median, b.arms[arm].ttr_median);
            QVERIFY(a.arms[arm].dor_median.has_value() == b.arms[arm].dor_median.has_value());
        }
    }
};

QTEST_APPLESS_MAIN(TestDerivedCache)
#include "test_derived_cache.moc"
