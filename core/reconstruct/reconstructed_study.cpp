#include "triallens/reconstruct/reconstructed_study.h"

#include "triallens/data/build_study.h"
#include "triallens/io/csv_writer.h"

#include <cctype>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string_view>

namespace triallens {

namespace {

std::string id_part(const std::string& arm) {
    std::string part;
    for (const char c : arm) {
        const auto u = static_cast<unsigned char>(c);
        part += std::isalnum(u) ? static_cast<char>(std::toupper(u)) : c == '-' ? '-' : '_';
    }
    return part;
}

// Text that a spreadsheet would open as a formula (=, +, -, @ first): the
// files are data a study loads, so such text is refused rather than escaped,
// which would change the value every command reads.
void refuse_formula(const std::string& text, const char* what) {
    if (!text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos) {
        throw std::invalid_argument(std::string(what) + " \"" + text + "\" starts with '" +
                                    text.front() +
                                    "', which a spreadsheet would open as a formula");
    }
}

std::string padded(std::size_t number, std::size_t width) {
    std::string text = std::to_string(number);
    return std::string(text.size() < width ? width - text.size() : 0, '0') + text;
}

} // namespace

std::vector<RawTable> reconstructed_tables(const std::vector<NamedArm>& arms,
                                           const ReconstructedStudyOptions& options) {
    if (arms.empty()) {
        throw std::invalid_argument("a reconstructed study needs at least one arm");
    }
    if (options.paramcd.empty()) {
        throw std::invalid_argument("a reconstructed study needs a PARAMCD");
    }
    refuse_formula(options.source, "the source");
    refuse_formula(options.param, "the parameter's label");
    std::set<std::string> names;
    std::set<std::string> id_parts;
    TextColumnBuilder usubjid, arm_column, adtte_usubjid, evntdesc;
    std::vector<double> aval, cnsr;
    for (const NamedArm& named : arms) {
        if (named.name.empty() || !names.insert(named.name).second) {
            throw std::invalid_argument(named.name.empty()
                                            ? "an arm has no name"
                                            : "the arm " + named.name + " is given twice");
        }
        refuse_formula(named.name, "the arm");
        std::string part = id_part(named.name);
        for (int k = 2; !id_parts.insert(part).second; ++k) {
            part = id_part(named.name) + "-" + std::to_string(k);
        }
        const ReconstructedArm& arm = named.arm;
        const std::size_t width = std::max<std::size_t>(4, std::to_string(arm.time.size()).size());
        for (std::size_t i = 0; i < arm.time.size(); ++i) {
            const std::string id = options.studyid + "-" + part + "-" + padded(i + 1, width);
            usubjid.push_back(id);
            arm_column.push_back(named.name);
            adtte_usubjid.push_back(id);
            aval.push_back(arm.time[i]);
            cnsr.push_back(arm.event[i] == 1 ? 0.0 : 1.0);
            evntdesc.push_back(arm.event[i] == 1 ? "RECONSTRUCTED EVENT"
                                                 : "RECONSTRUCTED CENSORING");
        }
    }
    const std::size_t rows = usubjid.size();
    const auto constant = [rows](const std::string& value) {
        return std::vector<std::string>(rows, value);
    };
    RawTable adsl{"reconstructed:ADSL", {}, {}};
    adsl.columns.push_back(text_column("STUDYID", "Study Identifier", constant(options.studyid)));
    RawColumn trt01p =
        text_column("TRT01P", "Planned Treatment for Period 01", TextColumnBuilder(arm_column));
    adsl.columns.push_back(text_column("USUBJID", "Unique Subject Identifier", std::move(usubjid)));
    adsl.columns.push_back(text_column("ARM", "Description of Planned Arm", std::move(arm_column)));
    adsl.columns.push_back(std::move(trt01p));
    adsl.columns.push_back(text_column("ITTFL", "Intent-To-Treat Population Flag", constant("Y")));
    adsl.columns.push_back(
        text_column("RECONFL", "Reconstructed From a Publication Flag", constant("Y")));
    adsl.columns.push_back(
        text_column("SOURCE", "Source of the Reconstruction", constant(options.source)));

    RawTable adtte{"reconstructed:ADTTE", {}, {}};
    adtte.columns.push_back(text_column("STUDYID", "Study Identifier", constant(options.studyid)));
    adtte.columns.push_back(
        text_column("USUBJID", "Unique Subject Identifier", std::move(adtte_usubjid)));
    adtte.columns.push_back(text_column("PARAMCD", "Parameter Code", constant(options.paramcd)));
    adtte.columns.push_back(text_column("PARAM", "Parameter", constant(options.param)));
    adtte.columns.push_back(number_column("AVAL", "Analysis Value", std::move(aval)));
    adtte.columns.push_back(
        text_column("AVALU", "Analysis Value Unit", constant(time_unit_label(options.time_unit))));
    adtte.columns.push_back(number_column("CNSR", "Censor", std::move(cnsr)));
    adtte.columns.push_back(
        text_column("EVNTDESC", "Event or Censoring Description", std::move(evntdesc)));
    return {std::move(adsl), std::move(adtte)};
}

Study reconstructed_study(const std::vector<NamedArm>& arms,
                          const ReconstructedStudyOptions& options, std::string name) {
    return build_study(reconstructed_tables(arms, options), std::move(name));
}

void write_reconstructed_tables(const std::vector<RawTable>& tables,
                                const std::filesystem::path& dir) {
    if (tables.size() != 2) {
        throw std::invalid_argument("write_reconstructed_tables expects ADSL and ADTTE");
    }
    std::filesystem::create_directories(dir);
    const char* names[] = {"adsl.csv", "adtte.csv"};
    std::vector<std::filesystem::path> written;
    for (std::size_t t = 0; t < 2; ++t) {
        const std::filesystem::path part = dir / (std::string(".") + names[t] + ".part");
        {
            std::ofstream out(part, std::ios::binary | std::ios::trunc);
            write_csv(out, tables[t]);
            out.flush();
            if (!out) {
                std::error_code ignored;
                std::filesystem::remove(part, ignored);
                for (const auto& done : written) {
                    std::filesystem::remove(done, ignored);
                }
                throw std::runtime_error("cannot write " + (dir / names[t]).string());
            }
        }
        written.push_back(part);
    }
    for (std::size_t t = 0; t < 2; ++t) {
        std::filesystem::rename(written[t], dir / names[t]);
    }
}

} // namespace triallens
