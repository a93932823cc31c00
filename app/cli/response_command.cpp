#include "cli/response_command.h"

#include "cli/analyze_command.h"
#include "cli/summary_table.h"

#include <triallens/format/number_format.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace triallens::cli {

namespace {

QJsonValue number_or_null(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue text_or_null(const std::string& text) {
    return text.empty() ? QJsonValue() : QJsonValue(QString::fromStdString(text));
}

std::string optional_time(const std::optional<double>& time, int decimals) {
    return time ? time_text(*time, decimals) : std::string("-");
}

std::string response_text(const TumourResponse& response, double conf_level) {
    std::vector<double> times;
    for (const SubjectTumourResponse& subject : response.subjects) {
        for (const auto& time : {subject.dor_time, subject.ttr, subject.treatment_days}) {
            if (time) {
                times.push_back(*time);
            }
        }
    }
    const int decimals = time_decimals(times);
    const std::string unit = response.time_unit;
    const std::string level = conf_level_text(conf_level);
    std::string out = "Tumour response" +
                      (response.param.empty() ? std::string() : " (" + response.param + ")") +
                      "; times in " + unit + "; duration of response: " +
                      (response.dor_source == "derived" ? "derived from the visits"
                                                        : "from " + response.dor_source) +
                      "\n\n";
    std::size_t arm_width = 12;
    for (const ArmTumourResponse& arm : response.arms) {
        arm_width = std::max(arm_width, display_width(arm.arm));
    }
    std::size_t subject_width = 8;
    for (const SubjectTumourResponse& subject : response.subjects) {
        subject_width = std::max(subject_width, display_width(subject.usubjid));
    }
    out += padded("Arm", arm_width) + "  " + padded("N", 5) +
           padded("Responders, ORR (" + level + " CI)", 30) +
           padded("Median DoR (" + level + " CI)", 26) + "Median TTR\n";
    for (const ArmTumourResponse& arm : response.arms) {
        const std::string orr = !response.has_responses
                                    ? std::string("no responses")
                                    : count_of_text(arm.responders, arm.n) + " " +
                                          decimal_text(100 * arm.orr_interval.lower, 1) + "\u2013" +
                                          decimal_text(100 * arm.orr_interval.upper, 1);
        const std::string dor =
            arm.dor_median ? median_ci_text(arm.dor_median->estimate, arm.dor_median->lower,
                                            arm.dor_median->upper, decimals)
                           : std::string("-");
        out += padded(arm.arm, arm_width) + "  " + padded(std::to_string(arm.n), 5) +
               padded(orr, 30) + padded(dor, 26) + optional_time(arm.ttr_median, decimals) + "\n";
    }
    out += "\n" + padded("Subject", subject_width) + "  " + padded("Arm", arm_width) + "  " +
           padded("Best %", 9) + padded("BOR", 15) + padded("DoR", 10) + padded("TTR", 8) +
           "Treatment\n";
    for (std::size_t k = 0; k < response.subjects.size(); ++k) {
        const SubjectTumourResponse& subject = response.subjects[k];
        const std::string dor = subject.dor_time ? time_text(*subject.dor_time, decimals) +
                                                       (*subject.dor_event ? "" : "+")
                                                 : std::string("-");
        const std::string treatment =
            subject.treatment_days
                ? time_text(*subject.treatment_days, decimals) + (subject.ongoing ? " ongoing" : "")
                : std::string("-");
        out += padded(subject.usubjid, subject_width) + "  " +
               padded(response.arms[response.subjects.arm(k)].arm, arm_width) + "  " +
               padded(subject.best_pchg ? percent_text(*subject.best_pchg) : "-", 9) +
               padded(subject.bor.empty() ? "-" : subject.bor, 15) + padded(dor, 10) +
               padded(optional_time(subject.ttr, decimals), 8) + treatment + "\n";
    }
    return out + "\nORR: CR or PR as best overall response, Clopper-Pearson CI. DoR: " +
           "Kaplan-Meier median among responders (+ = censored). Best %: the minimum " +
           "post-baseline % change in the sum of diameters.\n";
}

} // namespace

QJsonObject response_json(const TumourResponse& response) {
    QJsonArray subjects;
    for (std::size_t k = 0; k < response.subjects.size(); ++k) {
        const SubjectTumourResponse& subject = response.subjects[k];
        subjects.append(QJsonObject{
            {"usubjid", QString::fromStdString(subject.usubjid)},
            {"arm", QString::fromStdString(response.arms[response.subjects.arm(k)].arm)},
            {"best_pchg", number_or_null(subject.best_pchg)},
            {"nadir", number_or_null(subject.nadir)},
            {"bor", text_or_null(subject.bor)},
            {"responder", response.has_responses ? QJsonValue(subject.responder) : QJsonValue()},
            {"dor_time", number_or_null(subject.dor_time)},
            {"dor_event", subject.dor_event ? QJsonValue(*subject.dor_event) : QJsonValue()},
            {"ttr", number_or_null(subject.ttr)},
            {"treatment_days", number_or_null(subject.treatment_days)},
            {"ongoing", subject.ongoing}});
    }
    // Without responses nobody is known to respond: ORR is null, not 0.
    const auto known = [&](double value) {
        return response.has_responses ? QJsonValue(value) : QJsonValue();
    };
    QJsonArray arms;
    for (const ArmTumourResponse& arm : response.arms) {
        const auto median = arm.dor_median.value_or(QuantileEstimate{});
        arms.append(QJsonObject{{"arm", QString::fromStdString(arm.arm)},
                                {"n", static_cast<double>(arm.n)},
                                {"responders", static_cast<double>(arm.responders)},
                                {"orr", known(arm.orr)},
                                {"orr_lower", known(arm.orr_interval.lower)},
                                {"orr_upper", known(arm.orr_interval.upper)},
                                {"dor_median", number_or_null(median.estimate)},
                                {"dor_lower", number_or_null(median.lower)},
                                {"dor_upper", number_or_null(median.upper)},
                                {"ttr_median", number_or_null(arm.ttr_median)}});
    }
    return QJsonObject{{"schema", "triallens.response/1"},
                       {"param", text_or_null(response.param)},
                       {"time_unit", QString::fromStdString(response.time_unit)},
                       {"dor_source", QString::fromStdString(response.dor_source)},
                       {"subjects", subjects},
                       {"arms", arms}};
}

int run_response(const CommandLine& line) {
    const Results results = command_line_results(line);
    if (!results.tumour_response) {
        throw std::runtime_error("the study has no tumour response data (ADTR, ADRS or the ADSL "
                                 "treatment dates TRTSDT/TRTEDT)");
    }
    if (line.json) {
        std::cout << QJsonDocument(response_json(*results.tumour_response))
                         .toJson(QJsonDocument::Indented)
                         .toStdString();
    } else {
        std::cout << caveat_heading(results.study_name, results.synthetic, results.reconstructed);
        std::cout << response_text(*results.tumour_response, line.spec.km.conf_level);
    }
    return 0;
}

} // namespace triallens::cli
