// The subject-level columns are immutable and checked once (study.h): each
// factory of Variable, and the SubjectTable constructor, accepts a good
// column and refuses a broken one with std::invalid_argument naming it.

#include <triallens/data/study.h>

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using namespace triallens;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

using Codes = std::vector<std::int32_t>;
using Levels = std::vector<std::string>;
using Numbers = std::vector<double>;

// The message of the std::invalid_argument `make` throws; empty when it throws none.
std::string refusal(const std::function<void()>& make) {
    try {
        make();
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Codes)
Q_DECLARE_METATYPE(Levels)
Q_DECLARE_METATYPE(Numbers)

class TestVariable : public QObject {
    Q_OBJECT

private slots:
    void factorKeepsItsColumns() {
        // Levels in level order, not sorted: AGEGR1 as ordered by AGEGR1N.
        const Variable agegr1 = Variable::factor("AGEGR1", "Pooled Age Group 1", {1, 0, -1, 2, 0},
                                                 {"<65", "65-80", ">80"});
        QCOMPARE(agegr1.name(), std::string("AGEGR1"));
        QCOMPARE(agegr1.label(), std::string("Pooled Age Group 1"));
        QVERIFY(agegr1.is_categorical());
        QVERIFY(!agegr1.is_numeric());
        QCOMPARE(agegr1.codes(), (Codes{1, 0, -1, 2, 0}));
        QCOMPARE(agegr1.levels(), (Levels{"<65", "65-80", ">80"}));
        QVERIFY(agegr1.numbers().empty());
        QCOMPARE(agegr1.size(), std::size_t{5});
        QCOMPARE(agegr1.level_code(">80"), std::optional<std::int32_t>(2));
        QCOMPARE(agegr1.level_code("80+"), std::optional<std::int32_t>());
    }

    void factorRefusesABrokenColumn_data() {
        QTest::addColumn<Codes>("codes");
        QTest::addColumn<Levels>("levels");
        QTest::addColumn<QString>("why");
        QTest::newRow("code past the levels") << Codes{0, 2, 1} << Levels{"A", "B"} << "code 2";
        QTest::newRow("code below -1") << Codes{0, -2} << Levels{"A", "B"} << "code -2";
        QTest::newRow("code with no levels") << Codes{0} << Levels{} << "code 0";
        QTest::newRow("duplicate level")
            << Codes{0, 1} << Levels{"A", "A"} << "\"A\" appears twice";
        QTest::newRow("duplicate level, apart")
            << Codes{0, 2} << Levels{"B", "A", "B"} << "\"B\" appears twice";
        QTest::newRow("empty level") << Codes{0, 1} << Levels{"A", ""} << "empty";
    }

    void factorRefusesABrokenColumn() {
        QFETCH(Codes, codes);
        QFETCH(Levels, levels);
        QFETCH(QString, why);
        const std::string message = refusal([&] { Variable::factor("ARM", "", codes, levels); });
        QVERIFY2(message.starts_with("variable ARM: "), message.c_str());
        QVERIFY2(message.find(why.toStdString()) != std::string::npos, message.c_str());
    }

    void measurementKeepsItsNumbers() {
        const Variable age = Variable::measurement("AGE", "Age", {63, missing, 71.5});
        QVERIFY(!age.is_categorical());
        QVERIFY(age.is_numeric());
        QCOMPARE(age.size(), std::size_t{3});
        QCOMPARE(age.numbers()[2], 71.5);
        QVERIFY(std::isnan(age.numbers()[1]));
        QVERIFY(age.codes().empty() && age.levels().empty());
        QCOMPARE(age.level_code("63"), std::optional<std::int32_t>());
    }

    void numericFactorKeepsCodesAndNumbers() {
        const Variable ecog = Variable::numeric_factor("ECOGBL", "", {0, 2, -1, 1}, {"0", "1", "2"},
                                                       {0, 2, missing, 1});
        QVERIFY(ecog.is_categorical());
        QVERIFY(ecog.is_numeric());
        QCOMPARE(ecog.size(), std::size_t{4});
        QCOMPARE(ecog.codes(), (Codes{0, 2, -1, 1}));
        QCOMPARE(ecog.numbers()[1], 2.0);
        QCOMPARE(ecog.level_code("1"), std::optional<std::int32_t>(1));
    }

    void numericFactorRefusesABrokenColumn_data() {
        QTest::addColumn<Codes>("codes");
        QTest::addColumn<Levels>("levels");
        QTest::addColumn<Numbers>("numbers");
        QTest::addColumn<QString>("why");
        QTest::newRow("fewer numbers than codes")
            << Codes{0, 1, 1} << Levels{"0", "1"} << Numbers{0, 1} << "3 codes but 2 numbers";
        QTest::newRow("no numbers")
            << Codes{0, 1} << Levels{"0", "1"} << Numbers{} << "2 codes but 0 numbers";
        QTest::newRow("more numbers than codes")
            << Codes{0} << Levels{"0", "1"} << Numbers{0, 1} << "1 codes but 2 numbers";
        QTest::newRow("code past the levels")
            << Codes{0, 2} << Levels{"0", "1"} << Numbers{0, 2} << "code 2";
        QTest::newRow("duplicate level")
            << Codes{0, 1} << Levels{"1", "1"} << Numbers{1, 1} << "\"1\" appears twice";
        QTest::newRow("missing code, known number")
            << Codes{0, -1} << Levels{"0"} << Numbers{0, 0} << "missing in its code";
        QTest::newRow("known code, missing number")
            << Codes{0, 0} << Levels{"0"} << Numbers{0, missing} << "missing in its number";
    }

    void numericFactorRefusesABrokenColumn() {
        QFETCH(Codes, codes);
        QFETCH(Levels, levels);
        QFETCH(Numbers, numbers);
        QFETCH(QString, why);
        const std::string message =
            refusal([&] { Variable::numeric_factor("ECOGBL", "", codes, levels, numbers); });
        QVERIFY2(message.starts_with("variable ECOGBL: "), message.c_str());
        QVERIFY2(message.find(why.toStdString()) != std::string::npos, message.c_str());
    }

    void withLevelOrderKeepsEachRowsLevel() {
        const Variable arm =
            Variable::factor("TRT01P", "", {0, 1, 2, -1, 1}, {"High", "Low", "Placebo"});
        const Variable reordered = arm.with_level_order({"Placebo", "Low", "High"});
        QCOMPARE(reordered.levels(), (Levels{"Placebo", "Low", "High"}));
        QCOMPARE(reordered.codes(), (Codes{2, 1, 0, -1, 1}));
        QVERIFY(!refusal([&] { (void)arm.with_level_order({"Placebo", "Low"}); }).empty());
        QVERIFY(!refusal([&] { (void)arm.with_level_order({"Placebo", "Low", "Low"}); }).empty());
        QVERIFY(!refusal([&] { (void)arm.with_level_order({"Placebo", "Low", "Mid"}); }).empty());
        const Variable age = Variable::measurement("AGE", "", {60, 70});
        QVERIFY(!refusal([&] { (void)age.with_level_order({}); }).empty());
    }

    void subjectTableKeepsItsColumns() {
        const SubjectTable subjects({"S1", "S2", "S3"},
                                    {Variable::factor("ARM", "", {0, 1, 0}, {"A", "B"}),
                                     Variable::measurement("AGE", "", {50, 60, missing})});
        QCOMPARE(subjects.size(), std::size_t{3});
        QCOMPARE(subjects.usubjid(), (Levels{"S1", "S2", "S3"}));
        QCOMPARE(subjects.variables().size(), std::size_t{2});
        QVERIFY(subjects.find("AGE") == &subjects.variables()[1]);
        QVERIFY(subjects.find("SEX") == nullptr);
        QCOMPARE(SubjectTable().size(), std::size_t{0});
    }

    void subjectTableRefusesAVariableOfAnotherLength() {
        const std::string message = refusal([] {
            SubjectTable({"S1", "S2", "S3"}, {Variable::factor("ARM", "", {0, 1, 0}, {"A", "B"}),
                                              Variable::measurement("AGE", "", {50, 60})});
        });
        QCOMPARE(message, std::string("subject table: variable AGE has 2 rows for 3 subjects"));
        // A numeric factor's length is its codes' and numbers' alike.
        QVERIFY(!refusal([] {
                     SubjectTable({"S1"},
                                  {Variable::numeric_factor("ECOGBL", "", {0, 0}, {"0"}, {0, 0})});
                 }).empty());
    }

    void subjectTableRefusesTwoVariablesOfOneName() {
        const std::string message = refusal([] {
            SubjectTable({"S1", "S2"}, {Variable::factor("ARM", "", {0, 1}, {"A", "B"}),
                                        Variable::factor("ARM", "", {1, 1}, {"A", "B"})});
        });
        QCOMPARE(message, std::string("subject table: two variables are named ARM"));
    }
};

QTEST_APPLESS_MAIN(TestVariable)
#include "test_variable.moc"
