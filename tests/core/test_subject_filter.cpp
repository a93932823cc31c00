// Subject filters: the grammar of --filter, its semantics on text and
// numeric columns and missing values, and errors that point at the column.

#include <triallens/analysis/subject_filter.h>
#include <triallens/data/build_study.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace triallens;

namespace {

SubjectTable subjects() {
    const double missing = std::numeric_limits<double>::quiet_NaN();
    RawTable adsl{"adsl.csv", {}, {}};
    adsl.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3", "S4", "S5"}));
    adsl.columns.push_back(text_column("TRT01P", "", {"A", "B", "A", "B", "A"}));
    adsl.columns.push_back(text_column("SEX", "", {"F", "M", "F", "", "M"}));
    adsl.columns.push_back(text_column("ECOGBL", "", {"0", "1", "0", "1", "1"}));
    adsl.columns.push_back(number_column("AGE", "", {70, 64, 65, missing, 30}));
    adsl.columns.push_back(
        text_column("NOTE", "", {"it's", "say \"hi\"", "both '\"", "", "plain"}));
    // A numeric factor (few distinct values): levels "0", "1", "2.5".
    adsl.columns.push_back(number_column("NODES", "", {0, 1, 2.5, missing, 1}));
    return build_study({adsl}, "test").subjects;
}

QByteArray mask_text(const std::vector<std::uint8_t>& mask) {
    QByteArray text;
    for (const auto keep : mask) {
        text += keep ? '1' : '0';
    }
    return text;
}

} // namespace

class TestSubjectFilter : public QObject {
    Q_OBJECT

private slots:
    void keepsTheRightSubjects_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("kept");
        QTest::newRow("empty") << "" << QByteArray("11111");
        QTest::newRow("text equal") << "SEX == \"F\"" << QByteArray("10100");
        QTest::newRow("missing never matches !=") << "SEX != 'F'" << QByteArray("01001");
        QTest::newRow("numeric") << "AGE >= 65" << QByteArray("10100");
        QTest::newRow("numeric missing") << "AGE < 100" << QByteArray("11101");
        QTest::newRow("and or precedence")
            << "SEX == \"M\" or SEX == \"F\" and AGE > 66" << QByteArray("11001");
        QTest::newRow("parentheses")
            << "(SEX == \"M\" or SEX == \"F\") and AGE > 66" << QByteArray("10000");
        QTest::newRow("not") << "not SEX == \"F\"" << QByteArray("01011");
        QTest::newRow("in") << "TRT01P in (\"B\", \"C\")" << QByteArray("01010");
        QTest::newRow("number spelled on text") << "ECOGBL == 0" << QByteArray("10100");
        QTest::newRow("numeric in") << "AGE in (30, 64)" << QByteArray("01001");
        QTest::newRow("empty in keeps nobody") << "SEX in ()" << QByteArray("00000");
        QTest::newRow("text is missing") << "SEX is missing" << QByteArray("00010");
        QTest::newRow("text is not missing") << "SEX is not missing" << QByteArray("11101");
        QTest::newRow("numeric is missing or")
            << "AGE is missing or AGE < 40" << QByteArray("00011");
        QTest::newRow("not is missing") << "not AGE is missing" << QByteArray("11101");
        QTest::newRow("single quotes hold a double quote")
            << "NOTE == 'say \"hi\"'" << QByteArray("01000");
        QTest::newRow("doubled single quote") << "NOTE == 'it''s'" << QByteArray("10000");
        QTest::newRow("doubled double quote")
            << "NOTE in (\"both '\"\"\", 'x')" << QByteArray("00100");
        QTest::newRow("a lone doubled quote") << "NOTE == ''''" << QByteArray("00000");
        QTest::newRow("numeric factor ==") << "NODES == 0" << QByteArray("10000");
        QTest::newRow("numeric factor >=") << "NODES >= 1" << QByteArray("01101");
        QTest::newRow("numeric factor in") << "NODES in (0, 1)" << QByteArray("11001");
        QTest::newRow("numeric factor != drops missing") << "NODES != 1" << QByteArray("10100");
        QTest::newRow("numeric factor by spelling") << "NODES == \"2.5\"" << QByteArray("00100");
        QTest::newRow("numeric factor levels in")
            << "NODES in (\"0\", \"2.5\")" << QByteArray("10100");
        QTest::newRow("numeric factor not level") << "NODES != \"1\"" << QByteArray("10100");
        QTest::newRow("numeric factor is missing") << "NODES is missing" << QByteArray("00010");
    }

    void keepsTheRightSubjects() {
        QFETCH(QString, expression);
        QFETCH(QByteArray, kept);
        QCOMPARE(mask_text(evaluate_filter(subjects(), expression.toStdString())), kept);
    }

    // A forest row's subset: the filter in force and the level, whatever
    // quotes the level holds.
    void filterWithLevelKeepsTheLevelWithinTheFilter_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QByteArray>("kept");
        QTest::newRow("no filter") << ""
                                   << "SEX"
                                   << "F" << QByteArray("10100");
        QTest::newRow("within a filter") << "AGE > 66 or AGE < 40"
                                         << "SEX"
                                         << "F" << QByteArray("10000");
        QTest::newRow("or binds inside") << "TRT01P == 'B' or AGE < 40"
                                         << "SEX"
                                         << "M" << QByteArray("01001");
        QTest::newRow("double quotes") << ""
                                       << "NOTE"
                                       << "say \"hi\"" << QByteArray("01000");
        QTest::newRow("both quotes") << ""
                                     << "NOTE"
                                     << "both '\"" << QByteArray("00100");
        QTest::newRow("numeric factor level") << "NODES >= 1"
                                              << "NODES"
                                              << "1" << QByteArray("01001");
    }

    void filterWithLevelKeepsTheLevelWithinTheFilter() {
        QFETCH(QString, filter);
        QFETCH(QString, variable);
        QFETCH(QString, level);
        QFETCH(QByteArray, kept);
        const std::string expression =
            filter_with_level(filter.toStdString(), variable.toStdString(), level.toStdString());
        QCOMPARE(mask_text(evaluate_filter(subjects(), expression)), kept);
    }

    void errorsNameTheColumn_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<int>("column");
        QTest::newRow("unknown column") << "SEX == \"F\" and RACE == \"X\"" << 16;
        QTest::newRow("text order") << "SEX < \"M\"" << 7;
        QTest::newRow("text on number") << "AGE == \"old\"" << 8;
        QTest::newRow("text on numeric factor") << "NODES == \"many\"" << 10;
        QTest::newRow("text order on numeric factor") << "NODES < \"1\"" << 9;
        QTest::newRow("single =") << "SEX = \"F\"" << 5;
        QTest::newRow("unterminated") << "SEX == \"F" << 8;
        QTest::newRow("dangling and") << "SEX == \"F\" and" << 15;
        QTest::newRow("unclosed") << "(SEX == \"F\"" << 12;
        QTest::newRow("is without missing") << "SEX is \"F\"" << 8;
        QTest::newRow("in with a trailing comma") << "SEX in (\"F\",)" << 13;
    }

    void errorsNameTheColumn() {
        QFETCH(QString, expression);
        QFETCH(int, column);
        try {
            evaluate_filter(subjects(), expression.toStdString());
            QFAIL("accepted a bad filter");
        } catch (const FilterError& error) {
            QCOMPARE(static_cast<int>(error.column()), column);
        }
    }

    // Parentheses and `not` each take a parser level: past max_filter_depth
    // the filter is refused at the opener that goes too deep (a column), not
    // parsed until the stack overflows. At the limit it still works.
    void nestingPastTheLimitIsRefused_data() {
        QTest::addColumn<QString>("opener");
        QTest::addColumn<QString>("closer");
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("accepted");
        const int deep = 40000;
        const int limit = static_cast<int>(max_filter_depth);
        QTest::newRow("parentheses") << "("
                                     << ")" << deep << false;
        QTest::newRow("not") << "not "
                             << "" << deep << false;
        QTest::newRow("not and parentheses") << "not ("
                                             << ")" << deep / 2 << false;
        QTest::newRow("one past the limit") << "("
                                            << ")" << limit + 1 << false;
        QTest::newRow("parentheses at the limit") << "("
                                                  << ")" << limit << true;
        QTest::newRow("not at the limit") << "not "
                                          << "" << limit << true;
    }

    void nestingPastTheLimitIsRefused() {
        QFETCH(QString, opener);
        QFETCH(QString, closer);
        QFETCH(int, depth);
        QFETCH(bool, accepted);
        const std::string expression = opener.repeated(depth).toStdString() + "SEX == \"F\"" +
                                       closer.repeated(depth).toStdString();
        // Each "not" inverts: an even count keeps the F subjects.
        const int nots = opener.startsWith(QStringLiteral("not")) ? depth : 0;
        try {
            const auto kept = evaluate_filter(subjects(), expression);
            QVERIFY2(accepted, "accepted a filter nested past the limit");
            QCOMPARE(mask_text(kept), QByteArray(nots % 2 == 0 ? "10100" : "01011"));
        } catch (const FilterError& error) {
            QVERIFY2(!accepted, error.what());
            const std::size_t levels_per_opener = opener == QStringLiteral("not (") ? 2 : 1;
            const std::size_t refused_opener = max_filter_depth / levels_per_opener;
            QCOMPARE(error.column(), refused_opener * static_cast<std::size_t>(opener.size()) + 1);
            QVERIFY2(std::string(error.what()).find("nested deeper than 256 levels") !=
                         std::string::npos,
                     error.what());
        }
    }

    // A long flat filter (1 MB of `or` terms, of `and` terms, or of an `in`
    // list) is a loop, not a recursion per term: it evaluates, to the mask
    // one term gives.
    void longFlatFiltersEvaluate_data() {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("term");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QByteArray>("kept");
        QTest::newRow("or") << "SEX == \"F\""
                            << " or SEX == \"F\""
                            << "" << QByteArray("10100");
        QTest::newRow("and") << "AGE > 60"
                             << " and AGE > 60"
                             << "" << QByteArray("11100");
        QTest::newRow("in") << "AGE in (64"
                            << ", 64"
                            << ")" << QByteArray("01000");
    }

    void longFlatFiltersEvaluate() {
        QFETCH(QString, first);
        QFETCH(QString, term);
        QFETCH(QString, last);
        QFETCH(QByteArray, kept);
        const std::size_t megabyte = 1 << 20;
        std::string expression = first.toStdString();
        const std::string each = term.toStdString();
        expression.reserve(megabyte + each.size() + 1);
        while (expression.size() < megabyte) {
            expression += each;
        }
        expression += last.toStdString();
        QCOMPARE(mask_text(evaluate_filter(subjects(), expression)), kept);
    }
};

QTEST_APPLESS_MAIN(TestSubjectFilter)
#include "test_subject_filter.moc"
