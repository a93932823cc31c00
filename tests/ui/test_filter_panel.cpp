// The Filters dock on the demo study and the CDISC pilot ADSL: the panel
// offers populations, level checkboxes with their counts and numeric ranges;
// each user click emits one filterChanged whose expression evaluate_filter()
// accepts and which keeps exactly the subjects the widgets say; setState()
// restores silently, reset restores all, search hides, quotes round-trip.

#include "../cdisc_pilot.h"

#include <document/filter_expression.h>
#include <panels/filter_panel.h>
#include <panels/filter_section.h>
#include <panels/level_filter.h>
#include <panels/range_filter.h>

#include <triallens/analysis/subject_filter.h>
#include <triallens/data/build_study.h>
#include <triallens/demo/demo_study.h>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleOptionButton>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <map>
#include <memory>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::click;

namespace {

using StudyPtr = std::shared_ptr<const Study>;

StudyPtr pilot_study() {
    static const StudyPtr study = std::make_shared<const Study>(cdisc_pilot::study());
    return study;
}

StudyPtr study_named(const QString& name) {
    return name == QStringLiteral("demo") ? workspace_test::demo() : pilot_study();
}

// A study whose RACE levels hold quotes of either kind and both.
StudyPtr quoted_study() {
    RawTable adsl{"adsl.csv", {}, {}};
    adsl.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3", "S4", "S5"}));
    adsl.columns.push_back(text_column("TRT01P", "", {"A", "B", "A", "B", "A"}));
    adsl.columns.push_back(
        text_column("RACE", "Race", {"say \"hi\"", "it's", "both '\"", "plain", "say \"hi\""}));
    return std::make_shared<const Study>(build_study({adsl}, "quotes"));
}

bool is_missing(const Variable& variable, std::size_t i) {
    return variable.is_categorical() ? variable.codes()[i] < 0 : std::isnan(variable.numbers()[i]);
}

// The subjects the widgets say are kept, read off the widgets themselves.
std::vector<std::uint8_t> kept_by_widgets(const FilterPanel& panel, const Study& study) {
    const SubjectTable& subjects = study.subjects;
    std::vector<std::uint8_t> kept(subjects.size(), 1);
    for (const Variable& variable : subjects.variables()) {
        const QString name = QString::fromStdString(variable.name());
        for (std::size_t i = 0; i < subjects.size(); ++i) {
            bool keep = true;
            if (const QCheckBox* box = panel.populationBox(name); box && box->isChecked()) {
                keep = !is_missing(variable, i) &&
                       variable.levels()[static_cast<std::size_t>(variable.codes()[i])] == "Y";
            }
            if (const LevelFilter* levels = panel.levelFilter(name)) {
                const QCheckBox* box =
                    is_missing(variable, i)
                        ? levels->missingBox()
                        : levels->levelBox(QString::fromStdString(
                              variable.levels()[static_cast<std::size_t>(variable.codes()[i])]));
                keep = keep && box->isChecked();
            }
            if (const RangeFilter* range = panel.rangeFilter(name)) {
                const double x = variable.numbers()[i];
                keep = keep &&
                       (std::isnan(x) ? range->includeMissing()->isChecked()
                                      : range->low()->value() <= x && x <= range->high()->value());
            }
            kept[i] = kept[i] && keep ? 1 : 0;
        }
    }
    return kept;
}

std::vector<std::uint8_t> kept_by_expression(const Study& study, const QString& expression) {
    return evaluate_filter(study.subjects, expression.toStdString());
}

std::size_t count(const std::vector<std::uint8_t>& mask) {
    return static_cast<std::size_t>(std::ranges::count(mask, std::uint8_t{1}));
}

void expand(FilterPanel& panel, const QString& name) {
    FilterSection* section = panel.section(name);
    QVERIFY(section != nullptr);
    if (!section->isExpanded()) {
        QTest::mouseClick(section->header(), Qt::LeftButton);
    }
    QVERIFY(section->isExpanded());
    QVERIFY(section->body()->isVisible());
}

// Types a bound into a spin box as a user does, ending with Enter.
void type_bound(QDoubleSpinBox* box, const QString& text) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

// Lets posted layout requests run, as the event loop would before painting.
FilterPanel& settled(FilterPanel& panel) {
    QTest::qWait(20);
    return panel;
}

struct Shown {
    std::unique_ptr<FilterPanel> panel = std::make_unique<FilterPanel>();
    explicit Shown(StudyPtr study) {
        panel->setStudy(std::move(study));
        panel->resize(320, 700);
        panel->show();
    }
};

} // namespace

class TestFilterPanel : public QObject {
    Q_OBJECT

private slots:
    void studies_data() {
        QTest::addColumn<QString>("study");
        QTest::newRow("demo") << QStringLiteral("demo");
        QTest::newRow("cdisc pilot") << QStringLiteral("pilot");
    }

    void offersPopulationsLevelsAndRanges_data() { studies_data(); }
    void offersPopulationsLevelsAndRanges() {
        QFETCH(QString, study);
        const StudyPtr data = study_named(study);
        FilterPanel panel;
        panel.setStudy(data);
        int populations = 0;
        for (const Variable& variable : data->subjects.variables()) {
            const QString name = QString::fromStdString(variable.name());
            // Population flags are ADaM's: SAFFL, ITTFL, EFFFL, COMP24FL, ...
            // but not DTHFL or the demo's PRTAXFL, which are plain levels.
            const QStringList populations_named{"SAFFL",   "ITTFL",    "EFFFL",   "FASFL",
                                                "PPROTFL", "COMPLFL",  "RANDFL",  "ENRLFL",
                                                "COMP8FL", "COMP16FL", "COMP24FL"};
            const bool flag = variable.is_categorical() && populations_named.contains(name) &&
                              std::ranges::all_of(variable.levels(), [](const std::string& level) {
                                  return level == "Y" || level == "N";
                              });
            const bool identifier = name == "USUBJID" || name == "SUBJID";
            QCOMPARE(panel.populationBox(name) != nullptr, flag);
            populations += flag ? 1 : 0;
            QCOMPARE(panel.levelFilter(name) != nullptr,
                     variable.is_categorical() && !flag && !identifier &&
                         variable.levels().size() <= FilterPanel::max_levels);
            QCOMPARE(panel.rangeFilter(name) != nullptr, !variable.is_categorical() && !identifier);
        }
        QVERIFY(populations >= 2);
        QVERIFY(panel.populationBox("SAFFL") != nullptr);
        QCOMPARE(panel.populationBox("SAFFL")->text(),
                 QStringLiteral("Safety population (SAFFL = Y)"));
        QVERIFY(panel.levelFilter("USUBJID") == nullptr);
        QCOMPARE(panel.countLabel()->text(),
                 QStringLiteral("%1 of %1 subjects").arg(data->subjects.size()));
        QVERIFY(panel.expression().isEmpty());
        QVERIFY(panel.state().empty());
    }

    void levelCountsEqualATally_data() { studies_data(); }
    void levelCountsEqualATally() {
        QFETCH(QString, study);
        const StudyPtr data = study_named(study);
        FilterPanel panel;
        panel.setStudy(data);
        int filters = 0;
        for (const Variable& variable : data->subjects.variables()) {
            const LevelFilter* levels = panel.levelFilter(QString::fromStdString(variable.name()));
            if (levels == nullptr) {
                continue;
            }
            ++filters;
            std::map<std::string, int> tally;
            int missing = 0;
            for (std::size_t i = 0; i < variable.size(); ++i) {
                if (variable.codes()[i] < 0) {
                    ++missing;
                } else {
                    ++tally[variable.levels()[static_cast<std::size_t>(variable.codes()[i])]];
                }
            }
            for (const auto& [level, subjects] : tally) {
                const QCheckBox* box = levels->levelBox(QString::fromStdString(level));
                QVERIFY(box != nullptr);
                QCOMPARE(
                    box->text(),
                    QStringLiteral("%1 (%2)").arg(QString::fromStdString(level)).arg(subjects));
                QVERIFY(box->isChecked());
            }
            QCOMPARE(levels->missingBox() != nullptr, missing > 0);
            if (missing > 0) {
                QCOMPARE(levels->missingBox()->text(),
                         QStringLiteral("(missing) (%1)").arg(missing));
            }
        }
        QVERIFY(filters >= 5);
    }

    void clickingLevelsKeepsTheCheckedOnes_data() {
        QTest::addColumn<QString>("study");
        QTest::addColumn<QString>("variable");
        QTest::newRow("demo ECOG") << QStringLiteral("demo") << QStringLiteral("ECOGBL");
        QTest::newRow("demo PD-L1") << QStringLiteral("demo") << QStringLiteral("PDL1STAT");
        QTest::newRow("pilot race") << QStringLiteral("pilot") << QStringLiteral("RACE");
        QTest::newRow("pilot arm") << QStringLiteral("pilot") << QStringLiteral("TRT01P");
    }

    void clickingLevelsKeepsTheCheckedOnes() {
        QFETCH(QString, study);
        QFETCH(QString, variable);
        const StudyPtr data = study_named(study);
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        expand(panel, variable);
        const Variable& column = *data->subjects.find(variable.toStdString());
        QVERIFY(column.levels().size() >= 2);

        // Uncheck the levels one by one down to none, then check them back.
        std::vector<QCheckBox*> boxes;
        for (const std::string& level : column.levels()) {
            boxes.push_back(panel.levelFilter(variable)->levelBox(QString::fromStdString(level)));
        }
        if (QCheckBox* missing = panel.levelFilter(variable)->missingBox()) {
            boxes.push_back(missing);
        }
        int clicks = 0;
        for (int pass = 0; pass < 2; ++pass) {
            for (QCheckBox* box : boxes) {
                const bool was = box->isChecked();
                click(box);
                QCOMPARE(box->isChecked(), !was);
                QCOMPARE(spy.count(), ++clicks);
                const QString expression = spy.last().at(1).toString();
                QCOMPARE(spy.last().at(0).value<FilterState>(), panel.state());
                QCOMPARE(expression, panel.expression());
                const auto kept = kept_by_expression(*data, expression);
                QCOMPARE(kept, kept_by_widgets(panel, *data));
            }
            if (pass == 0) {
                QCOMPARE(count(kept_by_expression(*data, panel.expression())), std::size_t{0});
            }
        }
        QVERIFY(panel.expression().isEmpty());
        QVERIFY(panel.state().empty());
    }

    void uncheckingOneLevelListsOrExcludesIt() {
        const StudyPtr data = pilot_study();
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        expand(panel, "SEX");
        click(panel.levelFilter("SEX")->levelBox("F"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(1).toString(), QStringLiteral("SEX in (\"M\")"));
        expand(panel, "RACE");
        click(panel.levelFilter("RACE")->levelBox("WHITE"));
        QCOMPARE(spy.count(), 2);
        // RACE comes before SEX in the pilot's ADSL.
        QVERIFY2(spy.last().at(1).toString().startsWith(QStringLiteral("RACE != \"WHITE\" and ")),
                 qPrintable(spy.last().at(1).toString()));
    }

    void numericRangeKeepsMinToMax() {
        const StudyPtr data = pilot_study();
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        expand(panel, "AGE");
        RangeFilter* age = panel.rangeFilter("AGE");
        const Variable& column = *data->subjects.find("AGE");
        const auto [lowest, highest] = std::ranges::minmax(column.numbers());
        QCOMPARE(age->low()->value(), lowest);
        QCOMPARE(age->high()->value(), highest);
        QCOMPARE(age->low()->decimals(), 0);

        type_bound(age->low(), QStringLiteral("60"));
        QCOMPARE(spy.count(), 1); // Enter commits at once
        type_bound(age->high(), QStringLiteral("80"));
        QCOMPARE(spy.count(), 2);
        QTest::qWait(400); // the debounce timer must not report it again
        QCOMPARE(spy.count(), 2);
        const QString expression = spy.last().at(1).toString();
        QCOMPARE(expression, QStringLiteral("AGE >= 60 and AGE <= 80"));
        const auto kept = kept_by_expression(*data, expression);
        for (std::size_t i = 0; i < kept.size(); ++i) {
            QCOMPARE(kept[i] == 1, column.numbers()[i] >= 60 && column.numbers()[i] <= 80);
        }
        QCOMPARE(kept, kept_by_widgets(panel, *data));
        QVERIFY(panel.section("AGE")->header()->font().bold());
    }

    void typingIsDebounced() {
        const StudyPtr data = pilot_study();
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        expand(panel, "AGE");
        QDoubleSpinBox* low = panel.rangeFilter("AGE")->low();
        low->setFocus();
        low->selectAll();
        QTest::keyClicks(low, QStringLiteral("70"));
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(1000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(1).toString(), QStringLiteral("AGE >= 70"));
    }

    void excludingMissingNumbersKeepsTheOthers() {
        const StudyPtr data = pilot_study();
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        const Variable* with_missing = nullptr;
        for (const Variable& variable : data->subjects.variables()) {
            const RangeFilter* range = panel.rangeFilter(QString::fromStdString(variable.name()));
            if (range != nullptr && range->includeMissing() != nullptr) {
                with_missing = &variable;
                break;
            }
        }
        QVERIFY(with_missing != nullptr);
        const QString name = QString::fromStdString(with_missing->name());
        expand(panel, name);
        click(panel.rangeFilter(name)->includeMissing());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(1).toString(), name + QStringLiteral(" is not missing"));
        // Narrowed with missing included again: (low or missing).
        click(panel.rangeFilter(name)->includeMissing());
        const RangeFilter* range = panel.rangeFilter(name);
        type_bound(range->low(),
                   QString::number(range->low()->minimum() + 1 * range->low()->singleStep()));
        QCOMPARE(spy.count(), 3);
        QVERIFY2(spy.last().at(1).toString().contains(QStringLiteral(" is missing)")),
                 qPrintable(spy.last().at(1).toString()));
        QCOMPARE(kept_by_expression(*data, spy.last().at(1).toString()),
                 kept_by_widgets(panel, *data));
    }

    void populationSwitchKeepsFlagY_data() {
        QTest::addColumn<QString>("study");
        QTest::addColumn<QString>("flag");
        QTest::newRow("demo safety") << QStringLiteral("demo") << QStringLiteral("SAFFL");
        QTest::newRow("pilot efficacy") << QStringLiteral("pilot") << QStringLiteral("EFFFL");
        QTest::newRow("pilot completers") << QStringLiteral("pilot") << QStringLiteral("COMP24FL");
    }

    void populationSwitchKeepsFlagY() {
        QFETCH(QString, study);
        QFETCH(QString, flag);
        const StudyPtr data = study_named(study);
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        QCheckBox* box = panel.populationBox(flag);
        QVERIFY(box != nullptr);
        QVERIFY(!box->isChecked());
        click(box);
        QCOMPARE(spy.count(), 1);
        const QString expression = spy.last().at(1).toString();
        QCOMPARE(expression, flag + QStringLiteral(" == \"Y\""));
        const Variable& column = *data->subjects.find(flag.toStdString());
        const auto kept = kept_by_expression(*data, expression);
        std::size_t flagged = 0;
        for (std::size_t i = 0; i < kept.size(); ++i) {
            const bool yes = column.codes()[i] >= 0 &&
                             column.levels()[static_cast<std::size_t>(column.codes()[i])] == "Y";
            QCOMPARE(kept[i] == 1, yes);
            flagged += yes ? 1 : 0;
        }
        QVERIFY(flagged > 0 && flagged < kept.size());
    }

    void setStateRestoresWidgetsSilently() {
        const StudyPtr data = pilot_study();
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        click(panel.populationBox("SAFFL"));
        expand(panel, "RACE");
        click(panel.levelFilter("RACE")->levelBox("WHITE"));
        expand(panel, "AGE");
        type_bound(panel.rangeFilter("AGE")->high(), QStringLiteral("75"));
        QCOMPARE(spy.count(), 3);
        const FilterState edited = panel.state();
        const QString expression = panel.expression();
        QCOMPARE(kept_by_expression(*data, expression), kept_by_widgets(panel, *data));

        panel.setState(FilterState{});
        QVERIFY(panel.state().empty());
        QVERIFY(panel.levelFilter("RACE")->levelBox("WHITE")->isChecked());
        QVERIFY(!panel.populationBox("SAFFL")->isChecked());
        panel.setState(edited);
        QCOMPARE(spy.count(), 3);
        QCOMPARE(panel.state(), edited);
        QVERIFY(panel.populationBox("SAFFL")->isChecked());
        QVERIFY(!panel.levelFilter("RACE")->levelBox("WHITE")->isChecked());
        QCOMPARE(panel.rangeFilter("AGE")->high()->value(), 75.0);
        QCOMPARE(panel.expression(), expression);
        QTest::qWait(300); // no late debounce either
        QCOMPARE(spy.count(), 3);
    }

    void resetRestoresAll() {
        const StudyPtr data = pilot_study();
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        click(panel.populationBox("ITTFL"));
        expand(panel, "SEX");
        click(panel.levelFilter("SEX")->levelBox("M"));
        expand(panel, "AGE");
        type_bound(panel.rangeFilter("AGE")->low(), QStringLiteral("70"));
        QCOMPARE(spy.count(), 3);
        QTest::mouseClick(panel.resetButton(), Qt::LeftButton);
        QCOMPARE(spy.count(), 4);
        QVERIFY(spy.last().at(0).value<FilterState>().empty());
        QVERIFY(spy.last().at(1).toString().isEmpty());
        QVERIFY(!panel.populationBox("ITTFL")->isChecked());
        QVERIFY(panel.levelFilter("SEX")->levelBox("M")->isChecked());
        QCOMPARE(panel.rangeFilter("AGE")->low()->value(),
                 panel.rangeFilter("AGE")->low()->minimum());
        QVERIFY(!panel.section("SEX")->header()->font().bold());
        QTest::mouseClick(panel.resetButton(), Qt::LeftButton); // nothing left to reset
        QCOMPARE(spy.count(), 4);
    }

    void searchHidesNonMatchingVariables() {
        Shown shown(pilot_study());
        FilterPanel& panel = *shown.panel;
        QTest::keyClicks(panel.search(), QStringLiteral("race"));
        QVERIFY(panel.section("RACE")->isVisible());
        QVERIFY(!panel.section("SEX")->isVisible());
        QVERIFY(!panel.section("AGE")->isVisible());
        QVERIFY(!panel.populationBox("SAFFL")->isVisible());
        panel.search()->clear();
        panel.search()->setText(QStringLiteral("safety")); // the label, not the name
        QVERIFY(panel.populationBox("SAFFL")->isVisible());
        QVERIFY(!panel.section("RACE")->isVisible());
        panel.search()->clear();
        QVERIFY(panel.section("SEX")->isVisible());
        QVERIFY(panel.section("AGE")->isVisible());
    }

    void searchMatchesLabels() {
        Shown shown(workspace_test::demo());
        FilterPanel& panel = *shown.panel;
        panel.search()->setText(QStringLiteral("metastatic")); // "Number of Metastatic Sites"
        QVERIFY(panel.section("NMETSGR1")->isVisible());
        QVERIFY(!panel.section("AGE")->isVisible());
    }

    void quotedLevelsRoundTrip() {
        const StudyPtr data = quoted_study();
        Shown shown(data);
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        expand(panel, "RACE");
        LevelFilter* race = panel.levelFilter("RACE");
        QCOMPARE(race->levelBox("say \"hi\"")->text(), QStringLiteral("say \"hi\" (2)"));
        click(race->levelBox("plain"));
        click(race->levelBox("it's"));
        QCOMPARE(spy.count(), 2);
        QString expression = spy.last().at(1).toString();
        QCOMPARE(expression, QStringLiteral("RACE in (\"both '\"\"\", 'say \"hi\"')"));
        QCOMPARE(kept_by_expression(*data, expression), (std::vector<std::uint8_t>{1, 0, 1, 0, 1}));
        click(race->levelBox("say \"hi\""));
        expression = spy.last().at(1).toString();
        QCOMPARE(kept_by_expression(*data, expression), (std::vector<std::uint8_t>{0, 0, 1, 0, 0}));
        const FilterState state = panel.state();
        QVERIFY(state.levels.at("RACE").excluded.contains("say \"hi\""));
        panel.setState(FilterState{});
        panel.setState(state);
        QCOMPARE(panel.state(), state);
        QVERIFY(!race->levelBox("say \"hi\"")->isChecked());
        QCOMPARE(panel.expression(), expression);
    }

    void quoteFilterTextPicksAQuote() {
        QCOMPARE(quote_filter_text("plain"), std::string("\"plain\""));
        QCOMPARE(quote_filter_text("say \"hi\""), std::string("'say \"hi\"'"));
        QCOMPARE(quote_filter_text("it's \"x\""), std::string("\"it's \"\"x\"\"\""));
    }

    void setStudyResetsAndEmitsNothing() {
        Shown shown(pilot_study());
        FilterPanel& panel = *shown.panel;
        QSignalSpy spy(&panel, &FilterPanel::filterChanged);
        click(panel.populationBox("SAFFL"));
        QCOMPARE(spy.count(), 1);
        panel.setStudy(workspace_test::demo());
        QCOMPARE(spy.count(), 1);
        QVERIFY(panel.state().empty());
        QVERIFY(panel.levelFilter("RACE") == nullptr);
        QVERIFY(panel.levelFilter("PDL1STAT") != nullptr);
        QVERIFY(!panel.populationBox("SAFFL")->isChecked());
    }

    // Run by hand: TRIALLENS_FILTER_SHOTS=/tmp/filter-shots test_filter_panel grabForALook
    void grabForALook() {
        const QString folder = qEnvironmentVariable("TRIALLENS_FILTER_SHOTS");
        if (folder.isEmpty()) {
            QSKIP("set TRIALLENS_FILTER_SHOTS to a folder to grab the panel");
        }
        Shown shown(pilot_study());
        FilterPanel& panel = *shown.panel;
        panel.setSubjectCount(254, 254);
        QVERIFY(settled(panel).grab().save(folder + "/pilot-folded.png"));
        click(panel.populationBox("SAFFL"));
        expand(panel, "RACE");
        click(panel.levelFilter("RACE")->levelBox("WHITE"));
        expand(panel, "AGE");
        type_bound(panel.rangeFilter("AGE")->low(), QStringLiteral("65"));
        panel.setSubjectCount(37, 254);
        QVERIFY(settled(panel).grab().save(folder + "/pilot-filtered.png"));
        panel.search()->setText(QStringLiteral("bl"));
        QVERIFY(settled(panel).grab().save(folder + "/pilot-search.png"));
        qInfo("%s", qPrintable(panel.expression()));
    }

    void showsTheSubjectCount() {
        FilterPanel panel;
        panel.setStudy(workspace_test::demo());
        panel.setSubjectCount(71, 147);
        QCOMPARE(panel.countLabel()->text(), QStringLiteral("71 of 147 subjects"));
    }
};

QTEST_MAIN(TestFilterPanel)
#include "test_filter_panel.moc"
