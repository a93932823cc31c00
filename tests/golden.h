#pragma once
// Helpers for golden-file tests: load a JSON file written by
// tests/reference/make_golden.R and compare numbers to R's at a relative 1e-6.

#include "test_paths.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QTest>

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <vector>

namespace golden {

inline constexpr double relative_tolerance = 1e-6;

// How many numbers a suite compared with R, printed when it ends: the
// closing notes of the statistics work quote these counts.
struct ComparisonTally {
    std::size_t count = 0;
    ComparisonTally() = default;
    ComparisonTally(const ComparisonTally&) = delete;
    ComparisonTally& operator=(const ComparisonTally&) = delete;
    ~ComparisonTally() {
        if (count > 0) {
            std::fprintf(stderr, "golden: %zu numbers compared with R\n", count);
        }
    }
};
inline ComparisonTally tally;

inline QJsonValue load(const QString& name) {
    QFile file(QString::fromStdString(TRIALLENS_TEST_DATA + "/reference/golden/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot open golden file %s", qPrintable(file.fileName()));
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

inline bool close(double actual, double expected) {
    return std::fabs(actual - expected) <= relative_tolerance * std::fabs(expected) + 1e-12;
}

// Expected null (R's NA) must meet an undefined value, and a number a close number.
inline bool matches(const std::optional<double>& actual, const QJsonValue& expected) {
    ++tally.count;
    if (expected.isNull()) {
        return !actual.has_value();
    }
    return actual.has_value() && close(*actual, expected.toDouble());
}

// Vectors in R's JSON come as arrays, or as a bare number when of length one.
inline QJsonArray as_array(const QJsonValue& value) {
    return value.isArray() ? value.toArray() : QJsonArray{value};
}

// A golden vector as numbers of type T (R writes whole numbers as numbers too).
template <typename T = double> std::vector<T> values(const QJsonValue& value) {
    std::vector<T> out;
    for (const auto& v : as_array(value)) {
        out.push_back(static_cast<T>(v.toDouble()));
    }
    return out;
}

} // namespace golden

#define COMPARE_GOLDEN(actual, expected)                                                           \
    do {                                                                                           \
        const std::optional<double> actual_value_(actual);                                         \
        const QJsonValue expected_value_(expected);                                                \
        if (!golden::matches(actual_value_, expected_value_)) {                                    \
            QFAIL(                                                                                 \
                qPrintable(QStringLiteral("%1: got %2, R gives %3")                                \
                               .arg(QStringLiteral(#actual))                                       \
                               .arg(actual_value_ ? QString::number(*actual_value_, 'g', 17)       \
                                                  : QStringLiteral("NA"))                          \
                               .arg(expected_value_.isNull()                                       \
                                        ? QStringLiteral("NA")                                     \
                                        : QString::number(expected_value_.toDouble(), 'g', 17)))); \
        }                                                                                          \
    } while (false)
