#include "triallens/demo/demo_study.h"

#include "adverse_event_actions.h"
#include "adverse_event_terms.h"
#include "random_stream.h"
#include "response_course.h"
#include "study_status.h"
#include "triallens/data/build_study.h"
#include "triallens/stats/event_table.h"
#include "triallens/stats/kaplan_meier.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <unordered_set>

namespace triallens {

namespace {

using demo::RandomStream;
using demo::ResponseCourse;

constexpr double days_per_month = 30.4375;
constexpr double reference_subjects = 147;
constexpr int experimental = 0;
constexpr int control = 1;

// Published figures the generator is calibrated to (months).
constexpr std::array<double, 2> pfs_median{7.85, 5.55};
constexpr std::array<double, 2> os_median{35.81, 21.03};
// Shape of the latent survival distributions. Control OS is exponential. The
// combination shares the control hazard until a delay, then has a lower one
// (the delayed separation typical of immunotherapy): that is how a median
// ratio of 1.70 goes with an HR of only 0.78. PFS is Weibull with shape 1.1
// in both arms, proportional hazards. With prognostic heterogeneity these
// give, at 10^5 subjects, PFS HR 0.70 and OS HR 0.78.
constexpr double os_shape = 1.0;
constexpr double os_effect_delay = 13.5; // months
constexpr double pfs_shape = 1.1;
// Accrual ramps up over 36 months (entry density grows linearly, as sites
// open); the data cut at 44 months gives a median follow-up of about 18
// months, and a tail long enough to estimate the combination's OS median.
constexpr double accrual_months = 36;
constexpr double accrual_power = 0.5; // entry = accrual_months * u^power
constexpr double data_cut_months = 44;
constexpr double lost_to_follow_up_rate = 0.002;
constexpr double pfs_dropout_rate = 0.055; // censored before progression: new therapy, missed scans
// Calibration uses at most this many subjects per arm; up to it, medians match to the day.
constexpr std::size_t calibration_subjects = 50000;

// Tumour scans, treatment dates and durations of response draw from a
// stream of their own, so the draws of everything generated before them
// (and every table made of those) stay as they were.
constexpr std::uint64_t course_stream = 0x7475'6d6f'7572'0001;
constexpr std::uint64_t action_stream = 0x6165'6163'6e00'0001; // AEACN and AEOUT
constexpr const char* date_format = "E8601DA10.";              // as column_typing gives ISO dates

constexpr const char* study_id = "TL-DEMO-TNBC1L";
constexpr std::array<const char*, 12> site_ids{"101", "102", "103", "104", "105", "106",
                                               "107", "108", "109", "110", "111", "112"};
constexpr std::array<double, 12> site_weights{20, 18, 16, 14, 13, 12, 12, 11, 10, 8, 7, 6};

struct Subject {
    std::string usubjid;
    std::string siteid;
    std::size_t site = 0; // index into site_ids
    int arm = experimental;
    double age = 0;
    bool ecog1 = false;
    bool pdl1_positive = false;
    bool de_novo = false;
    bool three_plus_sites = false;
    bool prior_taxane = false;
    bool liver_brain = false;
    bool treated = true;
    double entry = 0;        // months after the first randomisation
    double admin_censor = 0; // data cut - entry
    double lost = 0;         // lost to follow-up
    double pfs_dropout = 0;
    double os_base = 0; // latent times at scale 1, prognosis applied
    double pfs_base = 0;
    double os_latent = 0; // after calibration
    int os_days = 0;
    bool os_event = false;
    int pfs_days = 0;
    bool pfs_event = false;
    bool pfs_by_death = false; // the PFS event, if any, is death before progression
};

double to_months(int days) {
    return std::round(days / days_per_month * 1e4) / 1e4;
}

int to_days(double months) {
    return std::max(1, static_cast<int>(std::lround(months * days_per_month)));
}

std::size_t scaled_count(std::size_t n, double count_at_reference) {
    return static_cast<std::size_t>(
        std::llround(static_cast<double>(n) * count_at_reference / reference_subjects));
}

// Weibull with median 1: S(t) = 2^(-t^shape).
double weibull_unit_median(double u, double shape) {
    return std::pow(-std::log(u) / std::numbers::ln2, 1 / shape);
}

std::optional<double> km_median(const std::vector<double>& months,
                                const std::vector<std::uint8_t>& events) {
    const KaplanMeier km = fit_kaplan_meier(tabulate_events(months, events));
    return survival_quantile(km, 0.5).estimate;
}

// Finds the time scale at which the observed (censored, day-rounded) KM
// median equals the target, by bisection on a monotone map; returns the
// scale whose median lies closest to the target.
double calibrate_scale(const std::function<std::optional<double>(double)>& median_at, double target,
                       double low, double high) {
    const auto value = [&](double scale) {
        const auto median = median_at(scale);
        return median ? *median : std::numeric_limits<double>::infinity();
    };
    for (int i = 0; i < 60; ++i) {
        const double mid = std::sqrt(low * high);
        (value(mid) < target ? low : high) = mid;
    }
    return std::fabs(value(low) - target) < std::fabs(value(high) - target) ? low : high;
}

std::vector<Subject*> arm_members(std::vector<Subject>& subjects, int arm, std::size_t limit) {
    std::vector<Subject*> members;
    for (auto& s : subjects) {
        if (s.arm == arm && members.size() < limit) {
            members.push_back(&s);
        }
    }
    return members;
}

// The latent OS time of a subject given the calibrated parameter of its arm.
using OsLatent = std::function<double(const Subject&, double)>;

void observe_os(Subject& s, double latent) {
    const double censor = std::min(s.admin_censor, s.lost);
    s.os_latent = latent;
    s.os_event = latent <= censor;
    s.os_days = to_days(std::min(latent, censor));
}

void observe_pfs(Subject& s, double scale) {
    const double progression = scale * s.pfs_base;
    const double event_time = std::min(progression, s.os_latent); // death counts as progression
    const double censor = std::min({s.admin_censor, s.lost, s.pfs_dropout});
    s.pfs_event = event_time <= censor;
    s.pfs_by_death = s.os_latent < progression;
    s.pfs_days = to_days(std::min(event_time, censor));
}

double calibrate_arm(std::vector<Subject>& subjects, int arm, const OsLatent& os_latent) {
    const auto sample = arm_members(subjects, arm, calibration_subjects);
    const auto median_with = [&](auto observe, auto days_of, auto event_of) {
        return [&, observe, days_of, event_of](double scale) {
            std::vector<double> months;
            std::vector<std::uint8_t> events;
            for (Subject* s : sample) {
                observe(*s, scale);
                months.push_back(to_months(days_of(*s)));
                events.push_back(event_of(*s) ? 1 : 0);
            }
            return km_median(months, events);
        };
    };
    const double os_scale =
        calibrate_scale(median_with([&](Subject& s, double p) { observe_os(s, os_latent(s, p)); },
                                    [](const Subject& s) { return s.os_days; },
                                    [](const Subject& s) { return s.os_event; }),
                        os_median[static_cast<std::size_t>(arm)], 0.05, 500);
    for (auto& s : subjects) {
        if (s.arm == arm) {
            observe_os(s, os_latent(s, os_scale));
        }
    }
    const double pfs_scale =
        calibrate_scale(median_with(
                            observe_pfs, [](const Subject& s) { return s.pfs_days; },
                            [](const Subject& s) { return s.pfs_event; }),
                        pfs_median[static_cast<std::size_t>(arm)], 0.05, 500);
    for (auto& s : subjects) {
        if (s.arm == arm) {
            observe_pfs(s, pfs_scale);
        }
    }
    return os_scale;
}

// Permuted blocks of four within the randomisation strata (prior taxane ×
// liver/brain metastases), then exact 75:72 totals by moving the last
// allocations of the larger arm.
void randomise(std::vector<Subject>& subjects, RandomStream& random) {
    std::array<std::vector<int>, 4> blocks;
    for (auto& s : subjects) {
        auto& block = blocks[static_cast<std::size_t>(s.prior_taxane) * 2 + s.liver_brain];
        if (block.empty()) {
            block = {experimental, experimental, control, control};
            random.shuffle(block);
        }
        s.arm = block.back();
        block.pop_back();
    }
    const std::size_t target = scaled_count(subjects.size(), 75);
    auto count = static_cast<std::size_t>(std::count_if(
        subjects.begin(), subjects.end(), [](const Subject& s) { return s.arm == experimental; }));
    for (auto it = subjects.rbegin(); it != subjects.rend() && count != target; ++it) {
        if (count > target && it->arm == experimental) {
            it->arm = control;
            --count;
        } else if (count < target && it->arm == control) {
            it->arm = experimental;
            ++count;
        }
    }
}

std::vector<Subject> make_subjects(const DemoOptions& options, RandomStream& random) {
    std::vector<Subject> subjects(options.subjects);
    const std::vector<double> weights(site_weights.begin(), site_weights.end());
    std::array<int, 12> per_site{};
    for (auto& s : subjects) {
        const std::size_t site = random.weighted(weights);
        s.site = site;
        s.siteid = site_ids[site];
        char id[48];
        std::snprintf(id, sizeof id, "%s-%s-%04d", study_id, site_ids[site], ++per_site[site]);
        s.usubjid = id;
        s.age = std::clamp(std::round(51 + 10.5 * random.normal()), 24.0, 79.0);
        s.ecog1 = random.chance(0.55);
        s.pdl1_positive = random.chance(0.42);
        s.de_novo = random.chance(0.30);
        s.three_plus_sites = random.chance(0.40);
        s.prior_taxane = random.chance(0.38);
        s.liver_brain = random.chance(0.34);
        s.entry = accrual_months * std::pow(random.uniform(), accrual_power);
        s.admin_censor = data_cut_months - s.entry;
        s.lost = -std::log(random.uniform()) / lost_to_follow_up_rate;
        s.pfs_dropout = -std::log(random.uniform()) / pfs_dropout_rate;
    }
    std::sort(subjects.begin(), subjects.end(),
              [](const Subject& a, const Subject& b) { return a.entry < b.entry; });
    randomise(subjects, random);

    // Subjects who never received study treatment: one control patient per 147.
    std::vector<Subject*> controls;
    for (auto& s : subjects) {
        if (s.arm == control) {
            controls.push_back(&s);
        }
    }
    for (Subject* s : random.sample(controls, scaled_count(subjects.size(), 1))) {
        s->treated = false;
    }

    // Latent times: Gaussian copula ties PFS to OS; prognostic factors
    // shorten both; PD-L1 positivity lengthens them on the combination.
    for (auto& s : subjects) {
        const double z_os = random.normal();
        const double z_pfs = 0.6 * z_os + 0.8 * random.normal();
        const auto u_of = [](double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); };
        double prognosis =
            std::exp(-0.25 * s.ecog1 - 0.35 * s.liver_brain - 0.2 * s.three_plus_sites);
        if (s.arm == experimental && s.pdl1_positive) {
            prognosis *= std::exp(0.25);
        }
        s.os_base = prognosis * weibull_unit_median(1 - u_of(z_os), os_shape);
        s.pfs_base = prognosis * weibull_unit_median(1 - u_of(z_pfs), pfs_shape);
    }
    const auto scaled = [](const Subject& s, double scale) { return scale * s.os_base; };
    const double control_scale = calibrate_arm(subjects, control, scaled);
    // The combination follows the control hazard until the delay, then a
    // lower one: OS time beyond the delay is stretched by the calibrated factor.
    calibrate_arm(subjects, experimental, [control_scale](const Subject& s, double stretch) {
        const double time = control_scale * s.os_base;
        return time < os_effect_delay ? time : os_effect_delay + (time - os_effect_delay) * stretch;
    });
    return subjects;
}

const char* arm_name(int arm) {
    return arm == experimental ? demo_experimental_arm : demo_control_arm;
}

std::string iso_date(double months_after_start) {
    using namespace std::chrono;
    const sys_days start = year{2021} / March / 1;
    const year_month_day date{start + days{to_days(months_after_start) - 1}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

// The first randomisation, 2021-03-01, as a SAS date (days since 1960-01-01).
constexpr int study_start_sas =
    static_cast<int>((std::chrono::sys_days{std::chrono::year{2021} / std::chrono::March / 1} -
                      std::chrono::sys_days{std::chrono::year{1960} / std::chrono::January / 1})
                         .count());

// Randomisation and first dose are the same day, study day 1; a study day
// d is that date + d - 1 (as iso_date counts, month 0 being day 1).
int first_dose_sas(const Subject& s) {
    return study_start_sas + to_days(s.entry) - 1;
}

int data_cut_sas() {
    return study_start_sas + to_days(data_cut_months) - 1;
}

double sas_date_of_day(const Subject& s, int study_day) {
    return first_dose_sas(s) + study_day - 1;
}

std::string iso_of_sas(double sas_day) {
    using namespace std::chrono;
    const year_month_day date{sys_days{year{1960} / January / 1} + days{static_cast<int>(sas_day)}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

RawColumn date_column(std::string name, std::string label, std::vector<double> sas_days) {
    RawColumn column = number_column(std::move(name), std::move(label), std::move(sas_days));
    column.format = date_format;
    return column;
}

std::string yes_no(bool value) {
    return value ? "Y" : "N";
}

// A table for `source` whose rows belong to `owners` (pointers into
// `subjects`), led by the identifier columns every ADaM dataset carries.
// Identifiers are coded per subject, not looked up per row: ADAE at 10^6
// subjects has millions of rows.
RawTable start_table(const char* source, const std::vector<Subject>& subjects,
                     const std::vector<const Subject*>& owners) {
    RawColumn studyid =
        text_column("STUDYID", "Study Identifier", std::vector<std::string>{study_id});
    RawColumn usubjid =
        text_column("USUBJID", "Unique Subject Identifier", std::vector<std::string>{});
    RawColumn siteid = text_column("SITEID", "Study Site Identifier",
                                   std::vector<std::string>(site_ids.begin(), site_ids.end()));
    studyid.codes.clear();
    siteid.codes.clear();
    std::vector<std::uint32_t> usubjid_code(subjects.size(), 0);
    for (const Subject* s : owners) {
        auto& code = usubjid_code[static_cast<std::size_t>(s - subjects.data())];
        if (code == 0) {
            code = static_cast<std::uint32_t>(usubjid.levels.size());
            usubjid.levels.push_back(s->usubjid);
        }
        studyid.codes.push_back(1);
        usubjid.codes.push_back(code);
        siteid.codes.push_back(static_cast<std::uint32_t>(s->site) + 1);
    }
    RawTable table{source, {}, {}};
    table.columns.push_back(std::move(studyid));
    table.columns.push_back(std::move(usubjid));
    table.columns.push_back(std::move(siteid));
    return table;
}

using Courses = std::vector<std::optional<ResponseCourse>>; // one per subject; none: untreated

RawTable make_adsl(const std::vector<Subject>& subjects, const Courses& courses) {
    std::vector<const Subject*> owners;
    TextColumnBuilder agegr, sex, ecog, pdl1, disstat, nmets, prtax, livbrn, arm, trt01p, trt01a,
        ittfl, saffl, randdt, eotstt, dctreas, dthfl;
    std::vector<double> age, trtsdt, trtedt, trtdurd, dthdt, dcutdt;
    constexpr double missing = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        const Subject& s = subjects[i];
        const auto& course = courses[i];
        // 0: ongoing or untreated (a last dose is on day 1 at the earliest).
        const int end = course ? course->treatment_end_day.value_or(0) : 0;
        trtsdt.push_back(course ? sas_date_of_day(s, 1) : missing);
        trtedt.push_back(end > 0 ? sas_date_of_day(s, end) : missing);
        trtdurd.push_back(end > 0 ? end : missing);
        eotstt.push_back(course ? course->end_status : "");
        dctreas.push_back(course ? course->end_reason : "");
        dthfl.push_back(yes_no(s.os_event));
        dthdt.push_back(s.os_event ? sas_date_of_day(s, s.os_days) : missing);
        dcutdt.push_back(data_cut_sas());
        owners.push_back(&s);
        age.push_back(s.age);
        agegr.push_back(s.age < 50 ? "<50" : ">=50");
        sex.push_back("F");
        ecog.push_back(s.ecog1 ? "1" : "0");
        pdl1.push_back(s.pdl1_positive ? "Positive" : "Negative");
        disstat.push_back(s.de_novo ? "De novo" : "Recurrent");
        nmets.push_back(s.three_plus_sites ? ">=3" : "<3");
        prtax.push_back(yes_no(s.prior_taxane));
        livbrn.push_back(yes_no(s.liver_brain));
        arm.push_back(arm_name(s.arm));
        trt01p.push_back(arm_name(s.arm));
        trt01a.push_back(s.treated ? arm_name(s.arm) : "");
        ittfl.push_back("Y");
        saffl.push_back(yes_no(s.treated));
        randdt.push_back(iso_date(s.entry));
    }
    RawTable table = start_table("demo:ADSL", subjects, owners);
    auto& c = table.columns;
    c.push_back(number_column("AGE", "Age (years)", std::move(age)));
    c.push_back(text_column("AGEGR1", "Age Group", std::move(agegr)));
    c.push_back(text_column("SEX", "Sex", std::move(sex)));
    c.push_back(text_column("ECOGBL", "Baseline ECOG Performance Status", std::move(ecog)));
    c.push_back(text_column("PDL1STAT", "PD-L1 Status", std::move(pdl1)));
    c.push_back(text_column("DISSTAT", "De Novo or Recurrent Disease", std::move(disstat)));
    c.push_back(text_column("NMETSGR1", "Number of Metastatic Sites", std::move(nmets)));
    c.push_back(text_column("PRTAXFL", "Prior Taxane Exposure (stratum)", std::move(prtax)));
    c.push_back(
        text_column("LIVBRNFL", "Baseline Liver or Brain Metastases (stratum)", std::move(livbrn)));
    c.push_back(text_column("ARM", "Description of Planned Arm", std::move(arm)));
    c.push_back(text_column("TRT01P", "Planned Treatment for Period 01", std::move(trt01p)));
    c.push_back(text_column("TRT01A", "Actual Treatment for Period 01", std::move(trt01a)));
    c.push_back(text_column("ITTFL", "Intent-To-Treat Population Flag", std::move(ittfl)));
    c.push_back(text_column("SAFFL", "Safety Population Flag", std::move(saffl)));
    c.push_back(text_column("RANDDT", "Date of Randomization", std::move(randdt)));
    c.push_back(date_column("TRTSDT", "Date of First Exposure to Treatment", std::move(trtsdt)));
    c.push_back(date_column("TRTEDT", "Date of Last Exposure to Treatment", std::move(trtedt)));
    c.push_back(number_column("TRTDURD", "Total Treatment Duration (Days)", std::move(trtdurd)));
    c.push_back(text_column("EOTSTT", "End of Treatment Status", std::move(eotstt)));
    c.push_back(
        text_column("DCTREAS", "Reason for Discontinuation of Treatment", std::move(dctreas)));
    c.push_back(text_column("DTHFL", "Subject Death Flag", std::move(dthfl)));
    c.push_back(date_column("DTHDT", "Date of Death", std::move(dthdt)));
    c.push_back(date_column("DCUTDT", "Data Cutoff Date", std::move(dcutdt)));
    return table;
}

RawTable make_adtte(const std::vector<Subject>& subjects, const Courses& courses) {
    std::vector<const Subject*> owners;
    TextColumnBuilder trtp, paramcd, param, avalu, evntdesc, startdt, adt;
    std::vector<double> aval, cnsr;
    const auto add = [&](const Subject& s, const char* code, const char* name, int days, bool event,
                         std::string_view event_text, std::string_view censor_text) {
        owners.push_back(&s);
        trtp.push_back(arm_name(s.arm));
        paramcd.push_back(code);
        param.push_back(name);
        aval.push_back(to_months(days));
        avalu.push_back("MONTHS");
        cnsr.push_back(event ? 0 : 1);
        evntdesc.push_back(event ? event_text : censor_text);
        startdt.push_back(iso_date(s.entry));
        adt.push_back(iso_date(s.entry + days / days_per_month));
    };
    for (const auto& s : subjects) {
        add(s, "PFS", "Progression-free survival (IRC, RECIST 1.1) (months)", s.pfs_days,
            s.pfs_event, s.pfs_by_death ? "DEATH" : "DISEASE PROGRESSION",
            "LAST ADEQUATE TUMOUR ASSESSMENT");
    }
    for (const auto& s : subjects) {
        add(s, "OS", "Overall survival (months)", s.os_days, s.os_event, "DEATH",
            "LAST KNOWN ALIVE");
    }
    // Unrounded, so that it equals the duration the core derives from ADRS
    // and ADSL by the same rule.
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        const auto& course = courses[i];
        if (!course || !course->duration) {
            continue;
        }
        const Subject& s = subjects[i];
        const demo::ResponseDuration& d = *course->duration;
        owners.push_back(&s);
        trtp.push_back(arm_name(s.arm));
        paramcd.push_back("DURRSP");
        param.push_back("Duration of Response (months)");
        aval.push_back((d.end_day - d.start_day + 1) / days_per_month);
        avalu.push_back("MONTHS");
        cnsr.push_back(d.event ? 0 : 1);
        evntdesc.push_back(d.end_reason);
        startdt.push_back(iso_of_sas(sas_date_of_day(s, d.start_day)));
        adt.push_back(iso_of_sas(sas_date_of_day(s, d.end_day)));
    }
    RawTable table = start_table("demo:ADTTE", subjects, owners);
    auto& c = table.columns;
    c.push_back(text_column("TRTP", "Planned Treatment", std::move(trtp)));
    c.push_back(text_column("PARAMCD", "Parameter Code", std::move(paramcd)));
    c.push_back(text_column("PARAM", "Parameter", std::move(param)));
    c.push_back(number_column("AVAL", "Analysis Value", std::move(aval)));
    c.push_back(text_column("AVALU", "Analysis Value Unit", std::move(avalu)));
    c.push_back(number_column("CNSR", "Censor (0 = event)", std::move(cnsr)));
    c.push_back(text_column("EVNTDESC", "Event or Censoring Description", std::move(evntdesc)));
    c.push_back(text_column("STARTDT", "Time-to-Event Origin Date", std::move(startdt)));
    c.push_back(text_column("ADT", "Analysis Date", std::move(adt)));
    return table;
}

struct AeRecord {
    const Subject* subject;
    const demo::AdverseEventTerm* term;
    int grade;
    bool related;
    bool serious;
    bool treatment_emergent;
    int study_day;
};

const demo::AdverseEventTerm& term_named(const char* pt) {
    for (const auto& term : demo::adverse_event_terms) {
        if (std::string_view(term.pt) == pt) {
            return term;
        }
    }
    return demo::adverse_event_terms.front();
}

// Grade >= 3 treatment-related events are allotted to exact numbers of
// subjects (56.0% vs 36.6%; hypertension 28.0% and hypertriglyceridaemia
// 13.3% on the combination); all other events are drawn at random and kept
// below grade 3 when related.
std::vector<AeRecord> make_adverse_events(const std::vector<Subject>& subjects,
                                          RandomStream& random) {
    std::vector<AeRecord> records;
    const auto severe_grade = [&] { return random.chance(0.85) ? 3 : 4; };
    const auto day = [&] { return 1 + static_cast<int>(random.below(240)); };
    for (const int arm : {experimental, control}) {
        std::vector<const Subject*> safety;
        for (const auto& s : subjects) {
            if (s.arm == arm && s.treated) {
                safety.push_back(&s);
            }
        }
        const auto n = static_cast<double>(safety.size());
        const double share = arm == experimental ? 42.0 / 75 : 26.0 / 71;
        const auto severe_set =
            random.sample(safety, static_cast<std::size_t>(std::llround(n * share)));
        std::vector<const Subject*> remaining = severe_set;
        if (arm == experimental) {
            const auto hypertensive =
                random.sample(severe_set, static_cast<std::size_t>(std::llround(n * 21 / 75)));
            const auto triglyceride =
                random.sample(severe_set, static_cast<std::size_t>(std::llround(n * 10 / 75)));
            for (const Subject* s : hypertensive) {
                records.push_back({s, &term_named(demo::hypertension), severe_grade(), true,
                                   random.chance(0.1), true, day()});
            }
            for (const Subject* s : triglyceride) {
                records.push_back({s, &term_named(demo::hypertriglyceridaemia), severe_grade(),
                                   true, random.chance(0.05), true, day()});
            }
            std::unordered_set<const Subject*> covered(hypertensive.begin(), hypertensive.end());
            covered.insert(triglyceride.begin(), triglyceride.end());
            std::erase_if(remaining, [&](const Subject* s) { return covered.contains(s); });
        }
        std::vector<double> weights;
        for (const auto& term : demo::adverse_event_terms) {
            weights.push_back(term.severe_related[static_cast<std::size_t>(arm)]);
        }
        for (const Subject* s : remaining) {
            const auto& term = demo::adverse_event_terms[random.weighted(weights)];
            records.push_back({s, &term, severe_grade(), true, random.chance(0.3), true, day()});
        }
        for (const Subject* s : safety) {
            for (const auto& term : demo::adverse_event_terms) {
                if (!random.chance(term.incidence[static_cast<std::size_t>(arm)])) {
                    continue;
                }
                const bool related = random.chance(term.related);
                const bool severe = !related && random.chance(term.severe_unrelated);
                const int grade = severe ? severe_grade() : (random.chance(0.6) ? 1 : 2);
                records.push_back(
                    {s, &term, grade, related, severe && random.chance(0.5), true, day()});
            }
            if (random.chance(0.05)) { // before the first dose: not treatment-emergent
                records.push_back({s, &term_named("Cough"), 1, false, false, false,
                                   -static_cast<int>(random.below(14))});
            }
        }
    }
    // ADaM order: by USUBJID, then by day; ranks spare comparing strings per record.
    std::vector<std::size_t> by_id(subjects.size());
    std::iota(by_id.begin(), by_id.end(), std::size_t{0});
    std::sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) {
        return subjects[a].usubjid < subjects[b].usubjid;
    });
    std::vector<std::size_t> rank(subjects.size());
    for (std::size_t r = 0; r < by_id.size(); ++r) {
        rank[by_id[r]] = r;
    }
    const auto rank_of = [&](const AeRecord& record) {
        return rank[static_cast<std::size_t>(record.subject - subjects.data())];
    };
    std::sort(records.begin(), records.end(), [&](const AeRecord& a, const AeRecord& b) {
        const auto ra = rank_of(a);
        const auto rb = rank_of(b);
        return ra != rb ? ra < rb : a.study_day < b.study_day;
    });
    return records;
}

// The end day of each adverse event: up to six weeks after its start, or
// missing (not resolved by the data cut) for one in ten.
std::vector<double> draw_adverse_event_ends(const std::vector<AeRecord>& records,
                                            RandomStream& random) {
    std::vector<double> end_days;
    end_days.reserve(records.size());
    for (const auto& r : records) {
        end_days.push_back(random.chance(0.1)
                               ? std::numeric_limits<double>::quiet_NaN()
                               : r.study_day + static_cast<double>(random.below(43)));
    }
    return end_days;
}

// AEACN and AEOUT (adverse_event_actions.h) from their own stream.
void add_adverse_event_actions(RawTable& adae, const std::vector<Subject>& subjects,
                               const std::vector<AeRecord>& records, const Courses& courses,
                               const std::vector<double>& aendy, std::uint64_t seed) {
    std::vector<std::string_view> end_reason;
    for (const auto& course : courses) {
        end_reason.push_back(course ? course->end_reason : std::string_view{});
    }
    std::vector<demo::AeActionInput> inputs;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const AeRecord& r = records[i];
        inputs.push_back({static_cast<std::size_t>(r.subject - subjects.data()), r.grade,
                          r.treatment_emergent, !std::isnan(aendy[i])});
    }
    RandomStream random(seed ^ action_stream);
    demo::AeActions actions = demo::draw_adverse_event_actions(inputs, end_reason, random);
    adae.columns.push_back(
        text_column("AEACN", "Action Taken with Study Treatment", actions.action));
    adae.columns.push_back(text_column("AEOUT", "Outcome of Adverse Event", actions.outcome));
}

RawTable make_adae(const std::vector<Subject>& subjects, const std::vector<AeRecord>& records,
                   std::vector<double> aendy) {
    std::vector<const Subject*> owners;
    TextColumnBuilder trta, bodsys, decod, sev, rel, ser, trtemfl;
    std::vector<double> toxgr, astdy;
    for (const auto& r : records) {
        owners.push_back(r.subject);
        trta.push_back(arm_name(r.subject->arm));
        bodsys.push_back(r.term->soc);
        decod.push_back(r.term->pt);
        toxgr.push_back(r.grade);
        sev.push_back(r.grade == 1 ? "MILD" : r.grade == 2 ? "MODERATE" : "SEVERE");
        rel.push_back(r.related ? "RELATED" : "NOT RELATED");
        ser.push_back(yes_no(r.serious));
        trtemfl.push_back(yes_no(r.treatment_emergent));
        astdy.push_back(r.study_day);
    }
    RawTable table = start_table("demo:ADAE", subjects, owners);
    auto& c = table.columns;
    c.push_back(text_column("TRTA", "Actual Treatment", std::move(trta)));
    c.push_back(text_column("AEBODSYS", "Body System or Organ Class", std::move(bodsys)));
    c.push_back(text_column("AEDECOD", "Dictionary-Derived Term", std::move(decod)));
    c.push_back(number_column("AETOXGR", "Standard Toxicity Grade (CTCAE v5.0)", std::move(toxgr)));
    c.push_back(text_column("AESEV", "Severity/Intensity", std::move(sev)));
    c.push_back(text_column("AEREL", "Causality", std::move(rel)));
    c.push_back(text_column("AESER", "Serious Event", std::move(ser)));
    c.push_back(text_column("TRTEMFL", "Treatment Emergent Analysis Flag", std::move(trtemfl)));
    c.push_back(number_column("ASTDY", "Analysis Start Relative Day", std::move(astdy)));
    c.push_back(number_column("AENDY", "Analysis End Relative Day", std::move(aendy)));
    return table;
}

// Best overall response (RECIST 1.1, investigator), exact shares per arm.
std::vector<std::string> draw_best_responses(const std::vector<Subject>& subjects,
                                             RandomStream& random) {
    constexpr std::array<const char*, 5> categories{"CR", "PR", "SD", "PD", "NE"};
    constexpr std::array<std::array<double, 5>, 2> shares{
        {{0.04, 0.52, 0.28, 0.12, 0.04}, {0.01, 0.36, 0.38, 0.19, 0.06}}};
    std::vector<std::string> response(subjects.size());
    for (const int arm : {experimental, control}) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < subjects.size(); ++i) {
            if (subjects[i].arm == arm) {
                members.push_back(i);
            }
        }
        random.shuffle(members);
        std::size_t next = 0;
        for (std::size_t k = 0; k < categories.size(); ++k) {
            const auto share = shares[static_cast<std::size_t>(arm)][k];
            const std::size_t count =
                k + 1 == categories.size()
                    ? members.size() - next
                    : std::min(members.size() - next,
                               static_cast<std::size_t>(
                                   std::llround(share * static_cast<double>(members.size()))));
            for (std::size_t j = 0; j < count; ++j) {
                response[members[next++]] = categories[k];
            }
        }
    }
    return response;
}

// The BOR records (every subject, in subject order), then each treated
// subject's per-visit overall responses in day order.
RawTable make_adrs(const std::vector<Subject>& subjects, const std::vector<std::string>& best,
                   const Courses& courses) {
    std::vector<const Subject*> owners;
    TextColumnBuilder trtp, paramcd, param, avalc;
    std::vector<double> ady;
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        owners.push_back(&subjects[i]);
        trtp.push_back(arm_name(subjects[i].arm));
        paramcd.push_back("BOR");
        param.push_back("Best Overall Response (RECIST 1.1)");
        avalc.push_back(best[i]);
        ady.push_back(std::numeric_limits<double>::quiet_NaN());
    }
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        if (!courses[i]) {
            continue;
        }
        for (const demo::Scan& scan : courses[i]->scans) {
            owners.push_back(&subjects[i]);
            trtp.push_back(arm_name(subjects[i].arm));
            paramcd.push_back("OVR");
            param.push_back("Overall Response by Investigator");
            avalc.push_back(scan.response);
            ady.push_back(scan.day);
        }
    }
    RawTable table = start_table("demo:ADRS", subjects, owners);
    auto& c = table.columns;
    c.push_back(text_column("TRTP", "Planned Treatment", std::move(trtp)));
    c.push_back(text_column("PARAMCD", "Parameter Code", std::move(paramcd)));
    c.push_back(text_column("PARAM", "Parameter", std::move(param)));
    c.push_back(text_column("AVALC", "Analysis Value (C)", std::move(avalc)));
    c.push_back(number_column("ADY", "Analysis Relative Day", std::move(ady)));
    return table;
}

// The sum of target-lesion diameters at baseline and at every evaluable
// scan, PCHG rounded to 0.1 as sponsors' ADTR holds it.
RawTable make_adtr(const std::vector<Subject>& subjects, const Courses& courses) {
    std::vector<const Subject*> owners;
    TextColumnBuilder paramcd, param, ablfl, anl01fl;
    std::vector<double> aval, base, pchg, ady;
    const auto add = [&](const Subject& s, double value, double baseline, int day, bool is_base) {
        owners.push_back(&s);
        paramcd.push_back("SDIAM");
        param.push_back("Sum of Diameters of Target Lesions (mm)");
        aval.push_back(value);
        base.push_back(baseline);
        pchg.push_back(std::round(1000 * (value - baseline) / baseline) / 10);
        ady.push_back(day);
        ablfl.push_back(is_base ? "Y" : "");
        anl01fl.push_back("Y");
    };
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        if (!courses[i]) {
            continue;
        }
        const ResponseCourse& course = *courses[i];
        const double baseline = course.baseline_diameter;
        add(subjects[i], baseline, baseline, course.baseline_day, true);
        for (const demo::Scan& scan : course.scans) {
            if (scan.diameter) {
                add(subjects[i], *scan.diameter, baseline, scan.day, false);
            }
        }
    }
    RawTable table = start_table("demo:ADTR", subjects, owners);
    auto& c = table.columns;
    c.push_back(text_column("PARAMCD", "Parameter Code", std::move(paramcd)));
    c.push_back(text_column("PARAM", "Parameter", std::move(param)));
    c.push_back(number_column("AVAL", "Analysis Value", std::move(aval)));
    c.push_back(number_column("BASE", "Baseline Value", std::move(base)));
    c.push_back(number_column("PCHG", "Percent Change from Baseline", std::move(pchg)));
    c.push_back(number_column("ADY", "Analysis Relative Day", std::move(ady)));
    c.push_back(text_column("ABLFL", "Baseline Record Flag", std::move(ablfl)));
    c.push_back(text_column("ANL01FL", "Analysis Flag 01", std::move(anl01fl)));
    return table;
}

// Each treated subject's scans, diameters and end of treatment, drawn to
// agree with its PFS, OS and best overall response.
Courses draw_courses(const std::vector<Subject>& subjects, const std::vector<std::string>& best,
                     RandomStream& random) {
    const int cut_from_start = to_days(data_cut_months);
    Courses courses(subjects.size());
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        const Subject& s = subjects[i];
        if (!s.treated) {
            continue;
        }
        demo::CourseInput input;
        input.bor = best[i];
        input.pfs_day = s.pfs_days;
        input.pfs_end = !s.pfs_event     ? demo::PfsEnd::Censored
                        : s.pfs_by_death ? demo::PfsEnd::Death
                                         : demo::PfsEnd::Progression;
        input.pfs_censored_at_cut =
            !s.pfs_event && s.admin_censor <= std::min(s.lost, s.pfs_dropout);
        input.os_day = s.os_days;
        input.died = s.os_event;
        input.cut_day = cut_from_start - to_days(s.entry) + 1;
        courses[i] = demo::draw_response_course(input, random);
    }
    return courses;
}

} // namespace

std::vector<RawTable> generate_demo_tables(const DemoOptions& options) {
    RandomStream random(options.seed);
    const std::vector<Subject> subjects = make_subjects(options, random);
    std::vector<RawTable> tables;
    const auto add_survival = [&](const Courses& courses) {
        tables.push_back(make_adsl(subjects, courses));
        demo::append_study_status(tables.back(),
                                  RandomStream(options.seed ^ demo::study_status_stream));
        tables.push_back(make_adtte(subjects, courses));
    };
    if (options.datasets == DemoDatasets::Survival) {
        add_survival(Courses(subjects.size()));
        return tables;
    }
    const std::vector<AeRecord> adverse_events = make_adverse_events(subjects, random);
    const std::vector<std::string> best = draw_best_responses(subjects, random);
    RandomStream course_random(options.seed ^ course_stream);
    const Courses courses = draw_courses(subjects, best, course_random);
    std::vector<double> ae_ends = draw_adverse_event_ends(adverse_events, course_random);
    add_survival(courses);
    tables.push_back(make_adae(subjects, adverse_events, ae_ends));
    add_adverse_event_actions(tables.back(), subjects, adverse_events, courses, ae_ends,
                              options.seed);
    tables.push_back(make_adrs(subjects, best, courses));
    tables.push_back(make_adtr(subjects, courses));
    return tables;
}

Study generate_demo_study(const DemoOptions& options) {
    // Only the tables the loader recognises, as a folder of them would load:
    // a build that does not read ADTR yet still has the rest of the study.
    std::vector<RawTable> tables = generate_demo_tables(options);
    std::erase_if(tables, [](const RawTable& table) {
        return recognise_role(table) == DatasetRole::Unknown;
    });
    Study study = build_study(tables, demo_study_name);
    study.synthetic = true;
    study.control_arm = demo_control_arm;
    return study;
}

} // namespace triallens
