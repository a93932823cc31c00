#pragma once
// A generated stress study, loaded once per test program through the real
// loader from CSV files it writes: what issue 18 asks every figure and table
// to hold on besides the demo and the CDISC pilot.
//
//  - 8 arms in TRT01P, each name exactly 40 characters (with spaces and an
//    em dash), the first the reference; arms 1 and 2 are larger, so the
//    forest's pair has subjects in most subgroups.
//  - REGION1, a subgroup variable of 30 levels with long names (a default
//    forest subgroup), and SEX.
//  - OS in months up to 120 (a 10-year axis); every record of arm 8 ends by
//    t = 3.
//  - ADAE graded by AETOXGR, 15 SOCs and 45 PTs, some names 40+ characters.
//
// Deterministic: a fixed-seed std::mt19937_64 (fully specified by the
// standard) with the distributions written out here.

#include <triallens/data/raw_table.h>
#include <triallens/io/csv_writer.h>
#include <triallens/io/load_study.h>

#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace stress_study {

inline constexpr std::size_t arm_name_length = 40;

inline const std::array<std::string, 8>& arm_names() {
    static const std::array<std::string, 8> names{
        "Arm 1 — placebo matched to pembrolizumab", "Arm 2 — pembrolizumab 200 mg q3w + chemo",
        "Arm 3 — pembrolizumab 400 mg q6w + chemo", "Arm 4 — nivolumab 240mg + ipilimumab q6w",
        "Arm 5 — atezolizumab 840mg + bevacizumab", "Arm 6 — durvalumab + tremelimumab 300 mg",
        "Arm 7 — cemiplimab 350 mg q3w + platinum", "Arm 8 — dostarlimab 500 mg q3w (stopped)"};
    return names;
}

// The arm whose every time-to-event record ends by `short_arm_end`.
inline constexpr std::size_t short_arm = 7;
inline constexpr double short_arm_end = 3.0;
inline constexpr double follow_up_end = 120.0; // months: a 10-year axis
inline constexpr std::size_t region_count = 30;

namespace detail {

class Draws {
public:
    explicit Draws(std::uint64_t seed) : engine_(seed) {}
    // Uniform on (0, 1).
    double uniform() { return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    std::size_t below(std::size_t bound) {
        return static_cast<std::size_t>(uniform() * static_cast<double>(bound));
    }
    double exponential(double mean) { return -mean * std::log(uniform()); }

private:
    std::mt19937_64 engine_;
};

inline std::string region_name(std::size_t index) {
    static const std::array<const char*, 10> areas{"Northern Europe and Scandinavia",
                                                   "Southern Europe and Mediterranean",
                                                   "Eastern Europe and Central Asia",
                                                   "North America excluding Mexico",
                                                   "Latin America and the Caribbean",
                                                   "East Asia including Japan and Korea",
                                                   "South and Southeast Asia",
                                                   "Middle East and North Africa",
                                                   "Sub-Saharan Africa",
                                                   "Australia, New Zealand and Oceania"};
    const std::size_t tier = index / areas.size() + 1;
    std::string name = "Region " + std::to_string(index + 1 < 10 ? 0 : (index + 1) / 10) +
                       std::to_string((index + 1) % 10) + " — " + areas[index % areas.size()];
    return name + " (tier " + std::to_string(tier) + ")";
}

struct Term {
    const char* soc;
    const char* pt;
};

inline const std::vector<Term>& terms() {
    static const std::vector<Term> all = [] {
        static const std::array<std::array<const char*, 4>, 15> table{{
            {"Blood and lymphatic system disorders", "Anaemia", "Neutropenia", "Thrombocytopenia"},
            {"Cardiac disorders", "Atrial fibrillation", "Myocarditis", "Pericardial effusion"},
            {"Endocrine disorders", "Hypothyroidism", "Hyperthyroidism", "Adrenal insufficiency"},
            {"Gastrointestinal disorders", "Diarrhoea", "Nausea", "Immune-mediated enterocolitis"},
            {"General disorders and administration site conditions", "Fatigue", "Pyrexia",
             "Infusion site extravasation with tissue necrosis"},
            {"Hepatobiliary disorders", "Immune-mediated hepatitis", "Hepatic failure",
             "Cholangitis"},
            {"Immune system disorders", "Cytokine release syndrome", "Hypersensitivity",
             "Haemophagocytic lymphohistiocytosis secondary"},
            {"Infections and infestations", "Pneumonia", "Urinary tract infection", "Sepsis"},
            {"Injury, poisoning and procedural complications", "Infusion related reaction", "Fall",
             "Radiation recall phenomenon of the skin"},
            {"Investigations", "Alanine aminotransferase increased",
             "Aspartate aminotransferase increased", "Blood creatinine increased"},
            {"Metabolism and nutrition disorders", "Decreased appetite", "Hyperglycaemia",
             "Hypertriglyceridaemia"},
            {"Musculoskeletal and connective tissue disorders", "Arthralgia", "Myalgia",
             "Immune-mediated arthritis affecting large joints"},
            {"Nervous system disorders", "Peripheral sensory neuropathy", "Headache",
             "Guillain-Barre syndrome"},
            {"Respiratory, thoracic and mediastinal disorders", "Pneumonitis", "Dyspnoea",
             "Interstitial lung disease with respiratory failure"},
            {"Skin and subcutaneous tissue disorders", "Rash maculo-papular", "Pruritus",
             "Stevens-Johnson syndrome or toxic epidermal necrolysis"},
        }};
        std::vector<Term> listed;
        for (const auto& soc : table) {
            for (std::size_t p = 1; p < soc.size(); ++p) {
                listed.push_back({soc[0], soc[p]});
            }
        }
        return listed;
    }();
    return all;
}

} // namespace detail

// ADSL, ADTTE and ADAE of the stress study.
inline std::vector<triallens::RawTable> tables() {
    using namespace triallens;
    detail::Draws draws(18);
    constexpr std::size_t subjects = 400;
    std::vector<std::string> usubjid, arm, sex, region, saffl;
    std::vector<double> age;
    std::vector<std::string> tte_subject, paramcd, param, avalu;
    std::vector<double> aval, cnsr;
    std::vector<std::string> ae_subject, soc, pt, serious, related;
    std::vector<double> toxgr;
    for (std::size_t s = 0; s < subjects; ++s) {
        // Arms 1 and 2 a quarter each, arms 3 to 8 the other half.
        const std::size_t a = s % 4 < 2 ? s % 4 : 2 + draws.below(6);
        const std::string id = "STRESS-" + std::to_string(1000 + s);
        usubjid.push_back(id);
        arm.push_back(arm_names()[a]);
        sex.push_back(draws.uniform() < 0.5 ? "F" : "M");
        // The last regions are rare: a handful of subjects, the forest's wide CIs.
        const std::size_t r = draws.uniform() < 0.9 ? draws.below(region_count - 6)
                                                    : region_count - 6 + draws.below(6);
        region.push_back(detail::region_name(r));
        saffl.push_back("Y");
        age.push_back(std::round(draws.uniform(28, 84)));

        // OS: exponential with an arm's median, censored at entry-staggered follow-up.
        double time = 0;
        bool event = false;
        if (a == short_arm) {
            time = draws.uniform(0.1, short_arm_end);
            event = draws.uniform() < 0.7;
        } else {
            const double median = 14.0 + 6.0 * static_cast<double>(a);
            const double death = draws.exponential(median / std::log(2.0));
            const double follow_up = draws.uniform(24, follow_up_end);
            event = death <= follow_up;
            time = std::min(death, follow_up);
        }
        tte_subject.push_back(id);
        paramcd.push_back("OS");
        param.push_back("Overall survival (months)");
        avalu.push_back("MONTHS");
        aval.push_back(std::round(time * 100) / 100);
        cnsr.push_back(event ? 0 : 1);

        const std::size_t events = draws.below(7);
        for (std::size_t e = 0; e < events; ++e) {
            // Earlier terms more often: a table with common and rare rows.
            const auto& all = detail::terms();
            const double u = draws.uniform();
            const auto index = static_cast<std::size_t>(u * u * static_cast<double>(all.size()));
            ae_subject.push_back(id);
            soc.push_back(all[index].soc);
            pt.push_back(all[index].pt);
            toxgr.push_back(static_cast<double>(1 + draws.below(5)));
            serious.push_back(draws.uniform() < 0.15 ? "Y" : "N");
            related.push_back(draws.uniform() < 0.5 ? "RELATED" : "NOT RELATED");
        }
    }
    // The last subject followed to the end of the 10-year axis.
    aval.back() = follow_up_end;
    cnsr.back() = 1;

    RawTable adsl;
    adsl.source = "adsl.csv";
    adsl.columns.push_back(text_column("USUBJID", "Unique Subject Identifier", usubjid));
    adsl.columns.push_back(number_column("AGE", "Age (years)", age));
    adsl.columns.push_back(text_column("SEX", "Sex", sex));
    adsl.columns.push_back(text_column("REGION1", "Geographic Region 1", region));
    adsl.columns.push_back(text_column("TRT01P", "Planned Treatment for Period 01", arm));
    adsl.columns.push_back(text_column("TRT01A", "Actual Treatment for Period 01", arm));
    adsl.columns.push_back(text_column("SAFFL", "Safety Population Flag", saffl));

    RawTable adtte;
    adtte.source = "adtte.csv";
    adtte.columns.push_back(text_column("USUBJID", "Unique Subject Identifier", tte_subject));
    adtte.columns.push_back(text_column("PARAMCD", "Parameter Code", paramcd));
    adtte.columns.push_back(text_column("PARAM", "Parameter", param));
    adtte.columns.push_back(number_column("AVAL", "Analysis Value", aval));
    adtte.columns.push_back(text_column("AVALU", "Analysis Value Unit", avalu));
    adtte.columns.push_back(number_column("CNSR", "Censor (0 = event)", cnsr));

    RawTable adae;
    adae.source = "adae.csv";
    adae.columns.push_back(text_column("USUBJID", "Unique Subject Identifier", ae_subject));
    adae.columns.push_back(text_column("AEBODSYS", "Body System or Organ Class", soc));
    adae.columns.push_back(text_column("AEDECOD", "Dictionary-Derived Term", pt));
    adae.columns.push_back(number_column("AETOXGR", "Standard Toxicity Grade", toxgr));
    adae.columns.push_back(text_column("AESER", "Serious Event", serious));
    adae.columns.push_back(text_column("AEREL", "Causality", related));
    return {adsl, adtte, adae};
}

// Writes adsl.csv, adtte.csv and adae.csv into `folder`; returns their paths.
inline std::vector<std::filesystem::path> write_files(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> paths;
    for (const triallens::RawTable& table : tables()) {
        paths.push_back(folder / table.source);
        std::ofstream out(paths.back(), std::ios::binary);
        triallens::write_csv(out, table);
    }
    return paths;
}

inline const triallens::Study& study() {
    static const triallens::Study loaded = [] {
        for (const std::string& name : arm_names()) {
            if (QString::fromStdString(name).size() != static_cast<qsizetype>(arm_name_length)) {
                qFatal("stress arm \"%s\" is not %zu characters", name.c_str(), arm_name_length);
            }
        }
        QTemporaryDir folder;
        const std::filesystem::path root = folder.path().toStdString();
        triallens::LoadOptions options;
        options.name = "Stress study (generated)";
        triallens::StudyLoad load = triallens::load_study(write_files(root), options);
        if (!load.ok()) {
            qFatal("cannot load the stress study: %s", load.findings.front().text().c_str());
        }
        return std::move(*load.study);
    }();
    return loaded;
}

} // namespace stress_study
