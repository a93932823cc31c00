// Subjects per level: a tally of the codes in level order, missing apart;
// on the CDISC pilot ADSL the counts add up to the subjects.

#include "../cdisc_pilot.h"

#include <triallens/data/build_study.h>
#include <triallens/data/level_counts.h>

#include <QTest>

#include <limits>
#include <numeric>

using namespace triallens;

class TestLevelCounts : public QObject {
    Q_OBJECT

private slots:
    void talliesCodesInLevelOrderWithMissingApart() {
        const double missing = std::numeric_limits<double>::quiet_NaN();
        RawTable adsl{"adsl.csv", {}, {}};
        adsl.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3", "S4", "S5"}));
        adsl.columns.push_back(text_column("TRT01P", "", {"A", "B", "A", "B", "A"}));
        adsl.columns.push_back(text_column("SEX", "", {"M", "F", "", "M", "M"}));
        adsl.columns.push_back(number_column("AGE", "", {70, missing, 65, missing, 30}));
        const SubjectTable subjects = build_study({adsl}, "test").subjects;

        const LevelCounts sex = count_levels(*subjects.find("SEX"));
        QCOMPARE(sex.subjects, (std::vector<std::size_t>{1, 3})); // F, M
        QCOMPARE(sex.missing, std::size_t{1});

        // Three distinct ages make a numeric factor: levels 30, 65, 70.
        const LevelCounts age = count_levels(*subjects.find("AGE"));
        QCOMPARE(age.subjects, (std::vector<std::size_t>{1, 1, 1}));
        QCOMPARE(age.missing, std::size_t{2});

        // A measurement (too many values to be a factor) has no levels to tally.
        const Variable lab = Variable::measurement("LAB", "", {1.5, missing, 2.25});
        const LevelCounts measured = count_levels(lab);
        QVERIFY(measured.subjects.empty());
        QCOMPARE(measured.missing, std::size_t{1});
    }

    void pilotCountsAddUpToTheSubjects() {
        const SubjectTable& subjects = cdisc_pilot::study().subjects;
        const LevelCounts arm = count_levels(*subjects.find("TRT01P"));
        QCOMPARE(arm.subjects.size(), std::size_t{3});
        QCOMPARE(std::accumulate(arm.subjects.begin(), arm.subjects.end(), arm.missing),
                 subjects.size());
        // The pilot's published arms: 86 placebo, 84 high dose, 84 low dose.
        QCOMPARE(arm.subjects, (std::vector<std::size_t>{86, 84, 84}));
    }
};

QTEST_APPLESS_MAIN(TestLevelCounts)
#include "test_level_counts.moc"
