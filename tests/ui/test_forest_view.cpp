// The forest plot on the demo study's overall survival by PD-L1 status, ECOG
// and age group: the model's rows and raw roles mirror Results, clicks and
// arrow keys choose subgroups, and a protective subgroup's square is painted
// left of HR = 1.

#include "../test_paths.h"
#include <models/forest_model.h>
#include <views/forest_view.h>

#include <triallens/analysis/refit.h>
#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>
#include <triallens/format/number_format.h>
#include <triallens/io/load_study.h>

#include <QFontMetricsF>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <set>

using namespace triallens;
using namespace triallens::ui;

Q_DECLARE_METATYPE(triallens::ResultsPtr)

namespace {

ResultsPtr demo_results() {
    static const ResultsPtr results = [] {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.subgroups = {"PDL1STAT", "ECOGBL", "AGEGR1"};
        return std::make_shared<const Results>(
            compute_workspace(generate_demo_study(), WorkspaceSpec{spec, {}, {}, {}}));
    }();
    return results;
}

// The CDISC pilot's time to dermatologic event, Xanomeline Low Dose against
// placebo, by sex, age group and race: HRs to 8, CIs to 18, long race labels.
ResultsPtr pilot_results() {
    static const ResultsPtr results = [] {
        const std::string pilot = TRIALLENS_PILOT_DATA + "/cdiscpilot01/";
        StudyLoad load = load_study({pilot + "adsl.xpt", pilot + "adtte.xpt"}, {});
        if (!load.ok()) {
            qFatal("the pilot did not load");
        }
        AnalysisSpec spec;
        spec.paramcd = "TTDE";
        spec.subgroups = {"SEX", "AGEGR1", "RACE"};
        return std::make_shared<const Results>(
            compute_workspace(*load.study, WorkspaceSpec{spec, {}, {}, {}}));
    }();
    return results;
}

// The pilot with what real trials bring: arm names of 40 characters, a
// subgroup variable of 30 levels with 40-character names, a CI from 0.01 to
// 200 and a hazard ratio of 17.8.
ResultsPtr stress_results() {
    static const ResultsPtr results = [] {
        auto stress = std::make_shared<Results>(*pilot_results());
        const std::string reference(40, 'R');
        const std::string compared = "Experimental arm with a forty-char name";
        stress->all_patients->arms[0].arm = reference;
        stress->all_patients->arms[1].arm = compared;
        stress->compared_arm = compared;
        SubgroupRow level = stress->subgroups.front();
        level.variable = "SITEID";
        level.interaction_p = 0.5;
        for (int i = 0; i < 30; ++i) {
            level.level = QStringLiteral("Investigational site number %1, region X")
                              .arg(i, 2, 10, QChar('0'))
                              .toStdString();
            level.hr = i == 0 ? 17.8 : 1.0 + i / 10.0;
            level.lower = i == 1 ? 0.01 : *level.hr / 2;
            level.upper = i == 1 ? 200.0 : *level.hr * 2;
            stress->subgroups.push_back(level);
        }
        return std::shared_ptr<const Results>(stress);
    }();
    return results;
}

// Where `item`'s text lands: its drawn bounds.
QRectF bounds_of(const ForestView::TextItem& item) {
    return QFontMetricsF(item.font).boundingRect(item.box, item.flags, item.text);
}

QVariant role(const ForestModel& model, int row, int role) {
    return model.data(model.index(row, 0), role);
}

ForestModel::RowKind kind(const ForestModel& model, int row) {
    return role(model, row, ForestModel::RowKindRole).value<ForestModel::RowKind>();
}

// The model rows of the subgroup levels, in order.
QList<int> level_rows(const ForestModel& model) {
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (kind(model, row) == ForestModel::RowKind::Level) {
            rows.append(row);
        }
    }
    return rows;
}

QPoint centre_of(const ForestView& view, int row) {
    return view.rowRect(row).center().toPoint();
}

} // namespace

class TestForestView : public QObject {
    Q_OBJECT

private slots:
    void modelHasAllPatientsThenHeadersAndLevels() {
        const ResultsPtr results = demo_results();
        QVERIFY(!results->subgroups.empty());
        std::set<std::string> variables;
        for (const SubgroupRow& row : results->subgroups) {
            variables.insert(row.variable);
        }
        QCOMPARE(variables.size(), std::size_t{3});

        ForestModel model;
        model.setResults(results);
        QCOMPARE(model.rowCount(),
                 static_cast<int>(1 + variables.size() + results->subgroups.size()));
        QCOMPARE(model.columnCount(), int{ForestModel::ColumnCount});
        QCOMPARE(kind(model, 0), ForestModel::RowKind::AllPatients);
        QCOMPARE(model.index(0, ForestModel::SubgroupColumn).data().toString(),
                 QStringLiteral("All patients"));
        QCOMPARE(kind(model, 1), ForestModel::RowKind::Header);
        QCOMPARE(role(model, 1, ForestModel::VariableRole).toString(), QStringLiteral("PDL1STAT"));
        QCOMPARE(model.referenceArm(), QString::fromStdString(results->subgroups[0].arms[0].arm));
        QCOMPARE(model.comparedArm(), QString::fromStdString(results->subgroups[0].arms[1].arm));
        QVERIFY(model.headerData(ForestModel::HazardRatioColumn, Qt::Horizontal)
                    .toString()
                    .contains(QStringLiteral("95% CI")));
    }

    void levelRowsCarryTheSubgroupHazardRatios() {
        const ResultsPtr results = demo_results();
        ForestModel model;
        model.setResults(results);
        const QList<int> rows = level_rows(model);
        QCOMPARE(rows.size(), static_cast<qsizetype>(results->subgroups.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const SubgroupRow& subgroup = results->subgroups[static_cast<std::size_t>(i)];
            const int row = rows[i];
            QCOMPARE(role(model, row, ForestModel::VariableRole).toString(),
                     QString::fromStdString(subgroup.variable));
            QCOMPARE(role(model, row, ForestModel::LevelRole).toString(),
                     QString::fromStdString(subgroup.level));
            QCOMPARE(role(model, row, ForestModel::EventsRole).toULongLong(),
                     static_cast<qulonglong>(subgroup.events));
            const QVariant hr = role(model, row, ForestModel::HazardRatioRole);
            QCOMPARE(hr.isValid(), subgroup.hr.has_value());
            if (subgroup.hr) {
                QCOMPARE(hr.toDouble(), *subgroup.hr);
                QCOMPARE(role(model, row, ForestModel::LowerRole).toDouble(), *subgroup.lower);
                QCOMPARE(role(model, row, ForestModel::UpperRole).toDouble(), *subgroup.upper);
                QCOMPARE(model
                             .data(model.index(row, ForestModel::HazardRatioColumn),
                                   ForestModel::SortRole)
                             .toDouble(),
                         *subgroup.hr);
            } else {
                QCOMPARE(model.index(row, ForestModel::HazardRatioColumn).data().toString(),
                         QStringLiteral("NE"));
            }
            QCOMPARE(model.index(row, ForestModel::ReferenceCountsColumn).data().toString(),
                     QStringLiteral("%1/%2").arg(subgroup.arms[0].n).arg(subgroup.arms[0].events));
            QCOMPARE(model.index(row, ForestModel::ComparedCountsColumn).data().toString(),
                     QStringLiteral("%1/%2").arg(subgroup.arms[1].n).arg(subgroup.arms[1].events));
        }
    }

    void headerRowsCarryTheInteractionP() {
        const ResultsPtr results = demo_results();
        ForestModel model;
        model.setResults(results);
        int headers = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (kind(model, row) != ForestModel::RowKind::Header) {
                continue;
            }
            ++headers;
            const QString variable = role(model, row, ForestModel::VariableRole).toString();
            const auto first = std::find_if(
                results->subgroups.begin(), results->subgroups.end(), [&](const SubgroupRow& s) {
                    return QString::fromStdString(s.variable) == variable;
                });
            QVERIFY(first != results->subgroups.end());
            QVERIFY(first->interaction_p.has_value());
            QCOMPARE(role(model, row, ForestModel::InteractionPRole).toDouble(),
                     *first->interaction_p);
            QCOMPARE(model.index(row, ForestModel::InteractionColumn).data().toString(),
                     QString::fromStdString(p_value_label(first->interaction_p)));
            QCOMPARE(model.index(row, ForestModel::SubgroupColumn).data().toString(),
                     QString::fromStdString(variable_label(*results, variable.toStdString())));
            QCOMPARE(role(model, row, ForestModel::VariableRole).toString(), variable);
            QVERIFY(!role(model, row, ForestModel::HazardRatioRole).isValid());
            QVERIFY(!model.isSelectable(row));
        }
        QCOMPARE(headers, 3);
    }

    void allPatientsRowMatchesTheArmsAndCoxModel() {
        const ResultsPtr results = demo_results();
        ForestModel model;
        model.setResults(results);
        QVERIFY(results->cox.has_value());
        const HazardRatio& hr = results->cox->terms.front();
        QCOMPARE(role(model, 0, ForestModel::HazardRatioRole).toDouble(), *hr.hr);
        QCOMPARE(role(model, 0, ForestModel::LowerRole).toDouble(), *hr.lower);
        QCOMPARE(role(model, 0, ForestModel::UpperRole).toDouble(), *hr.upper);
        const int reference = model.referenceArmIndex();
        const int compared = model.comparedArmIndex();
        QVERIFY(reference >= 0 && compared >= 0);
        const ArmSurvival& ref = results->arms[static_cast<std::size_t>(reference)];
        const ArmSurvival& cmp = results->arms[static_cast<std::size_t>(compared)];
        QCOMPARE(role(model, 0, ForestModel::EventsRole).toULongLong(),
                 static_cast<qulonglong>(ref.km.n_events + cmp.km.n_events));
        QCOMPARE(model.index(0, ForestModel::ReferenceCountsColumn).data().toString(),
                 QStringLiteral("%1/%2").arg(ref.km.n).arg(ref.km.n_events));
        // The demo's times are in months: medians to one decimal; this arm's
        // upper limit is not estimable.
        QVERIFY(!cmp.median.upper.has_value());
        QCOMPARE(model.index(0, ForestModel::ComparedMedianColumn).data().toString(),
                 QStringLiteral("%1 (%2–NE)")
                     .arg(*cmp.median.estimate, 0, 'f', 1)
                     .arg(*cmp.median.lower, 0, 'f', 1));
    }

    void interactionPFollowsTheOneRule_data() {
        QTest::addColumn<double>("p");
        QTest::addColumn<QString>("text");
        QTest::newRow("three decimals") << 0.3141 << QStringLiteral("p = 0.314");
        QTest::newRow("trailing zero kept") << 0.31 << QStringLiteral("p = 0.310");
        QTest::newRow("near 0.05") << 0.0462 << QStringLiteral("p = 0.046");
        QTest::newRow("small") << 0.0004 << QStringLiteral("p < 0.001");
    }

    void interactionPFollowsTheOneRule() {
        QFETCH(double, p);
        QFETCH(QString, text);
        auto results = std::make_shared<Results>(*demo_results());
        const std::string variable = results->subgroups.front().variable;
        for (SubgroupRow& row : results->subgroups) {
            if (row.variable == variable) {
                row.interaction_p = p;
            }
        }
        ForestModel model;
        model.setResults(results);
        const int header = level_rows(model).front() - 1;
        QCOMPARE(model.index(header, ForestModel::SubgroupColumn).data().toString(),
                 QString::fromStdString(variable_label(*results, variable)));
        QCOMPARE(model.index(header, ForestModel::InteractionColumn).data().toString(), text);
    }

    void notReachedMediansAndMissingHazardRatiosReadNrAndNe() {
        auto results = std::make_shared<Results>(*demo_results());
        results->subgroups[0].arms[1].median =
            QuantileEstimate{0.5, std::nullopt, 12.5, std::nullopt};
        results->subgroups[0].hr.reset();
        results->subgroups[1].hr = 0.5;
        results->subgroups[1].lower = 0.25;
        results->subgroups[1].upper = std::numeric_limits<double>::infinity();
        ForestModel model;
        model.setResults(results);
        const int row = level_rows(model).front();
        QCOMPARE(model.index(row, ForestModel::ComparedMedianColumn).data().toString(),
                 QStringLiteral("NR (12.5–NE)"));
        QCOMPARE(model.index(row, ForestModel::HazardRatioColumn).data().toString(),
                 QStringLiteral("NE"));
        QVERIFY(!role(model, row, ForestModel::HazardRatioRole).isValid());
        QCOMPARE(
            model.index(level_rows(model)[1], ForestModel::HazardRatioColumn).data().toString(),
            QStringLiteral("0.50 (0.25–NE)"));
    }

    void clickingALevelRowEmitsItsVariableAndLevel() {
        ForestView view;
        view.setResults(demo_results());
        view.resize(view.sizeHint());
        QSignalSpy activated(&view, &ForestView::rowActivated);
        const ForestModel& model = *view.model();
        const int row = level_rows(model).at(1);
        QTest::mouseClick(&view, Qt::LeftButton, {}, centre_of(view, row));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.front().at(0).toString(),
                 role(model, row, ForestModel::VariableRole).toString());
        QCOMPARE(activated.front().at(1).toString(),
                 role(model, row, ForestModel::LevelRole).toString());
        QCOMPARE(view.selectedRow(), row);
    }

    void clickingAllPatientsEmitsEmptyStringsAndHeadersNothing() {
        ForestView view;
        view.setResults(demo_results());
        view.resize(view.sizeHint());
        QSignalSpy activated(&view, &ForestView::rowActivated);
        QTest::mouseClick(&view, Qt::LeftButton, {}, centre_of(view, 1)); // PDL1STAT's header
        QCOMPARE(activated.count(), 0);
        QCOMPARE(view.selectedRow(), -1);
        QTest::mouseClick(&view, Qt::LeftButton, {}, centre_of(view, 0));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.front().at(0).toString(), QString());
        QCOMPARE(activated.front().at(1).toString(), QString());
        QCOMPARE(view.selectedRow(), 0);
    }

    void arrowKeysStepOverHeaders() {
        ForestView view;
        view.setResults(demo_results());
        view.resize(view.sizeHint());
        QSignalSpy activated(&view, &ForestView::rowActivated);
        const ForestModel& model = *view.model();
        QTest::mouseClick(&view, Qt::LeftButton, {}, centre_of(view, 0));
        QTest::keyClick(&view, Qt::Key_Down); // over PDL1STAT's header to its first level
        QCOMPARE(view.selectedRow(), 2);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.last().at(0).toString(), QStringLiteral("PDL1STAT"));
        QCOMPARE(activated.last().at(1).toString(),
                 role(model, 2, ForestModel::LevelRole).toString());

        // From the last level of a variable over the next header.
        int last_of_first = 2;
        while (kind(model, last_of_first + 1) == ForestModel::RowKind::Level) {
            ++last_of_first;
        }
        view.selectRow(last_of_first);
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.selectedRow(), last_of_first + 2);
        QCOMPARE(activated.last().at(0).toString(), QStringLiteral("ECOGBL"));
        QTest::keyClick(&view, Qt::Key_Up);
        QCOMPARE(view.selectedRow(), last_of_first);
        QCOMPARE(activated.last().at(0).toString(), QStringLiteral("PDL1STAT"));

        // The last row stays selected at the bottom.
        view.selectRow(model.rowCount() - 1);
        const auto before = activated.count();
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.selectedRow(), model.rowCount() - 1);
        QCOMPARE(activated.count(), before);
    }

    void selectionSurvivesARefit() {
        ForestView view;
        view.setResults(demo_results());
        const int row = level_rows(*view.model()).at(3);
        view.selectRow(row);
        view.setResults(std::make_shared<const Results>(*demo_results()));
        QCOMPARE(view.selectedRow(), row);
        view.setResults(nullptr);
        QCOMPARE(view.selectedRow(), -1);
        QCOMPARE(view.model()->rowCount(), 0);
    }

    void followsAnExternalModelUntilItIsDestroyed() {
        ForestView view;
        auto model = std::make_unique<ForestModel>();
        view.setModel(model.get());
        QCOMPARE(view.model(), model.get());
        const int empty_height = view.sizeHint().height();
        model->setResults(demo_results());
        QVERIFY(view.sizeHint().height() > empty_height);
        QCOMPARE(view.rowAt(view.rowRect(2).center()), 2);
        model.reset();
        QVERIFY(view.model() != nullptr);
        QCOMPARE(view.model()->rowCount(), 0);
    }

    void sizeHintGrowsWithTheRows() {
        ForestView view;
        const QSize empty = view.sizeHint();
        view.setResults(demo_results());
        const QSize full = view.sizeHint();
        QVERIFY(full.height() >
                empty.height() + view.model()->rowCount() * view.fontMetrics().height());
    }

    void axisHoldsEveryEstimateAndMapsOneInside() {
        ForestView view;
        view.setResults(demo_results());
        view.resize(1200, 600);
        const ForestModel& model = *view.model();
        for (int row = 0; row < model.rowCount(); ++row) {
            const QVariant hr = role(model, row, ForestModel::HazardRatioRole);
            if (hr.isValid()) {
                QVERIFY(hr.toDouble() >= view.axisMinimum() && hr.toDouble() <= view.axisMaximum());
            }
        }
        const QRectF plot = view.plotArea();
        QCOMPARE(view.xForHazardRatio(view.axisMinimum(), plot), plot.left());
        QCOMPARE(view.xForHazardRatio(view.axisMaximum(), plot), plot.right());
        const double one = view.xForHazardRatio(1, plot);
        QVERIFY(one > plot.left() && one < plot.right());
        const std::vector<double> ticks = view.axisTicks();
        QVERIFY(std::find(ticks.begin(), ticks.end(), 1.0) != ticks.end());
        // Crowded labels thin out, keeping 1.
        const std::vector<double> sparse = view.axisTicks(100, 60);
        QVERIFY(sparse.size() < ticks.size());
        QVERIFY(std::find(sparse.begin(), sparse.end(), 1.0) != sparse.end());
    }

    void protectiveSubgroupSquareIsLeftOfOne() {
        ForestView view;
        view.setResults(demo_results());
        view.resize(1200, 600);
        const ForestModel& model = *view.model();
        int protective = -1;
        for (const int row : level_rows(model)) {
            const QVariant hr = role(model, row, ForestModel::HazardRatioRole);
            if (hr.isValid() && hr.toDouble() < 0.9) {
                protective = row;
                break;
            }
        }
        QVERIFY2(protective >= 0, "the demo has a subgroup with HR < 0.9");

        QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
        view.render(&image);
        const QRectF plot = view.plotArea();
        const QRectF band = view.rowRect(protective);
        const int one = static_cast<int>(std::floor(view.xForHazardRatio(1, plot)));
        const QRgb square = ForestView::squareColour().rgb();
        int left_of_one = 0;
        int right_of_one = 0;
        for (int y = static_cast<int>(band.top()) + 1; y < static_cast<int>(band.bottom()); ++y) {
            for (int x = static_cast<int>(plot.left()) - 4; x < static_cast<int>(plot.right()) + 4;
                 ++x) {
                if (image.pixel(x, y) == square) {
                    ++(x < one - 1 ? left_of_one : right_of_one);
                }
            }
        }
        const double hr = role(model, protective, ForestModel::HazardRatioRole).toDouble();
        const int centre = static_cast<int>(view.xForHazardRatio(hr, plot));
        QVERIFY(image.pixel(centre, static_cast<int>(band.center().y())) == square);
        QVERIFY2(left_of_one > 9, qPrintable(QString::number(left_of_one)));

        // The header row above draws no square at all.
        int header = protective - 1;
        while (kind(model, header) != ForestModel::RowKind::Header) {
            --header;
        }
        const QRectF header_band = view.rowRect(header);
        for (int x = static_cast<int>(plot.left()); x < static_cast<int>(plot.right()); ++x) {
            QVERIFY(image.pixel(x, static_cast<int>(header_band.center().y())) != square);
        }
    }

    // As the figure narrows, columns leave in one order — the medians, then
    // the arms' n/events, then the interaction p (onto the header rows) —
    // and none comes back at a narrower width; wide, all are shown.
    void columnsLeaveInOrderAsTheFigureNarrows() {
        ForestView view;
        view.setResults(pilot_results());
        using C = ForestModel::Column;
        const auto natural = view.shownColumns(0);
        QVERIFY(std::all_of(natural.begin(), natural.end(), [](bool shown) { return shown; }));
        const std::vector<C> order{C::ReferenceMedianColumn, C::ReferenceCountsColumn,
                                   C::InteractionColumn};
        int gone = 0; // how many of `order` have left
        for (double width = view.sizeHint().width(); width > 100; width -= 10) {
            const auto shown = view.shownColumns(width);
            QCOMPARE(shown[C::ReferenceMedianColumn], shown[C::ComparedMedianColumn]);
            QCOMPARE(shown[C::ReferenceCountsColumn], shown[C::ComparedCountsColumn]);
            QVERIFY(shown[C::SubgroupColumn] && shown[C::HazardRatioColumn]);
            int now = 0;
            while (now < 3 && !shown[order[static_cast<std::size_t>(now)]]) {
                ++now;
            }
            for (std::size_t later = static_cast<std::size_t>(now); later < 3; ++later) {
                QVERIFY2(shown[order[later]], qPrintable(QString::number(width)));
            }
            QVERIFY2(now >= gone, qPrintable(QString::number(width)));
            gone = now;
        }
        QCOMPARE(gone, 3);
    }

    // At any width from the natural one down to the narrowest reflow, on the
    // demo and the pilot: no text leaves the figure or overlaps another; the
    // hazard ratios, CIs and p-values are whole (only subgroup labels are
    // elided, and never inside a p-value); the arm names are whole.
    void noTextOverlapsLeavesOrIsCut_data() {
        QTest::addColumn<ResultsPtr>("results");
        QTest::newRow("demo") << demo_results();
        QTest::newRow("pilot") << pilot_results();
        QTest::newRow("stress") << stress_results();
    }
    void noTextOverlapsLeavesOrIsCut() {
        QFETCH(ResultsPtr, results);
        ForestView view;
        view.setResults(results);
        const ForestModel& model = *view.model();
        std::set<QString> numbers;
        for (int row = 0; row < model.rowCount(); ++row) {
            for (const int column : {int{ForestModel::HazardRatioColumn}}) {
                const QString text = model.data(model.index(row, column)).toString();
                if (!text.isEmpty()) {
                    numbers.insert(text);
                }
            }
        }
        const double natural = view.sizeHint().width();
        const double narrowest = view.minimumSizeHint().width();
        for (const double width : {natural, 0.75 * natural, 0.5 * natural, narrowest}) {
            const QRectF target(0, 0, width, view.contentHeight(width));
            const auto items = view.textItems(target);
            std::set<QString> seen;
            for (std::size_t i = 0; i < items.size(); ++i) {
                const QRectF a = bounds_of(items[i]);
                QVERIFY2(target.adjusted(-0.5, -0.5, 0.5, 0.5).contains(a),
                         qPrintable(QStringLiteral("%1 leaves the figure at %2")
                                        .arg(items[i].text)
                                        .arg(width)));
                for (std::size_t j = i + 1; j < items.size(); ++j) {
                    const QRectF overlap = a.intersected(bounds_of(items[j]));
                    QVERIFY2(overlap.width() * overlap.height() < 1,
                             qPrintable(QStringLiteral("\"%1\" overlaps \"%2\" at %3")
                                            .arg(items[i].text, items[j].text)
                                            .arg(width)));
                }
                seen.insert(items[i].text);
                if (items[i].text.contains(QChar(0x2026))) {
                    static const QRegularExpression cut_number(QStringLiteral("\\d\u2026"));
                    QVERIFY2(!items[i].text.contains(cut_number), qPrintable(items[i].text));
                }
            }
            for (const QString& number : numbers) {
                QVERIFY2(seen.count(number) == 1, qPrintable(number));
            }
            for (const QString& arm : {model.referenceArm(), model.comparedArm()}) {
                const bool whole =
                    std::any_of(items.begin(), items.end(), [&](const ForestView::TextItem& item) {
                        return item.text.contains(arm) && bounds_of(item).width() > 0;
                    });
                QVERIFY2(whole, qPrintable(arm));
            }
        }
    }

    // "Favours" labels meet at HR = 1: the compared arm's ends at or left of
    // it, the reference arm's starts right of where the left one ends.
    void favoursLabelsMeetAtOne() {
        ForestView view;
        view.setResults(pilot_results());
        for (const double width : {1400.0, 900.0, 600.0}) {
            const QRectF target(0, 0, width, view.contentHeight(width));
            const auto items = view.textItems(target);
            const auto favours = [&](const QString& arm, bool left) {
                for (const auto& item : items) {
                    if (item.text.contains(QStringLiteral("Favours")) && item.text.contains(arm) &&
                        item.text.startsWith(QChar(0x2190)) == left) {
                        return bounds_of(item);
                    }
                }
                return QRectF();
            };
            const QRectF compared = favours(view.model()->comparedArm(), true);
            const QRectF reference = favours(view.model()->referenceArm(), false);
            QVERIFY(!compared.isEmpty() && !reference.isEmpty());
            const double one = view.xForHazardRatio(1, view.plotAreaIn(target, &view));
            QVERIFY2(compared.right() <= one + 0.5, qPrintable(QString::number(width)));
            QVERIFY2(reference.left() >= compared.right(), qPrintable(QString::number(width)));
            QVERIFY2(std::abs(compared.right() - one) < 0.3 * width,
                     qPrintable(QString::number(width)));
        }
    }

    // The widget's height follows its rows at its width: without the race
    // rows it is shorter by about as many row heights.
    void heightFollowsTheRows() {
        ForestView view;
        view.setResults(pilot_results());
        QVERIFY(view.hasHeightForWidth());
        const int all = view.heightForWidth(900);
        const int rows = view.model()->rowCount();
        auto fewer = std::make_shared<Results>(*pilot_results());
        std::erase_if(fewer->subgroups,
                      [](const SubgroupRow& subgroup) { return subgroup.variable == "RACE"; });
        view.setResults(fewer);
        const int removed = rows - view.model()->rowCount();
        QVERIFY(removed >= 2);
        const double row_height = static_cast<double>(all - view.heightForWidth(900)) / removed;
        QVERIFY2(row_height > view.fontMetrics().height() &&
                     row_height < 2 * view.fontMetrics().height(),
                 qPrintable(QString::number(row_height)));
    }

    // Set TRIALLENS_FOREST_PNG to a path to look at the figure.
    void rendersAFigureToLookAt() {
        const QByteArray path = qgetenv("TRIALLENS_FOREST_PNG");
        if (path.isEmpty()) {
            QSKIP("TRIALLENS_FOREST_PNG not set");
        }
        ForestView view;
        view.setResults(demo_results());
        view.resize(1200, 600);
        view.selectRow(level_rows(*view.model()).at(1));
        QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
        view.render(&image);
        QVERIFY(image.save(QString::fromLocal8Bit(path)));

        // Narrow, with an interval beyond the axis and a level without an estimate.
        auto edges = std::make_shared<Results>(*demo_results());
        edges->subgroups[0].lower = 0.01;
        edges->subgroups[0].upper = 40;
        edges->subgroups[1].hr.reset();
        view.setResults(edges);
        view.resize(view.minimumSizeHint().width(), view.sizeHint().height());
        QImage narrow(view.size(), QImage::Format_ARGB32_Premultiplied);
        view.render(&narrow);
        QVERIFY(narrow.save(QString::fromLocal8Bit(path).replace(QStringLiteral(".png"),
                                                                 QStringLiteral("-narrow.png"))));

        // The stress case (40-character arms and levels, 30 levels) at 600 px.
        view.setResults(stress_results());
        view.resize(600, view.heightForWidth(600));
        QImage stress(view.size(), QImage::Format_ARGB32_Premultiplied);
        view.render(&stress);
        QVERIFY(stress.save(QString::fromLocal8Bit(path).replace(QStringLiteral(".png"),
                                                                 QStringLiteral("-stress.png"))));
    }
};

QTEST_MAIN(TestForestView)
#include "test_forest_view.moc"
