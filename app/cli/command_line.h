#pragma once
// Parses the command line into a command and its options, as the contract in
// shared/spec/cli-and-results.md defines them. Errors throw UsageError.

#include <document/ae_figure_options.h>
#include <document/cif_arrangement.h>
#include <document/km_figure_options.h>
#include <document/tumour_figure_options.h>

#include <triallens/analysis/analysis_spec.h>
#include <triallens/analysis/results.h>
#include <triallens/io/load_study.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace triallens::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Command {
    Gui,
    Analyze,
    Ae,
    Response,
    Baseline,
    Export,
    Demo,
    Reconstruct,
    Help,
    Version
};

// export's Kaplan–Meier figure flags, as given. The figure starts from the
// defaults (or --analysis's saved choices), takes --style kmunicate, then
// every flag given, so `--style kmunicate --risk-table events` keeps the
// style's bands with the events table (km_figure_options()).
struct KmFigureFlags {
    bool kmunicate_style = false;              // --style kmunicate
    bool ci_bands = false;                     // --ci-bands
    bool no_median_lines = false;              // --no-median-lines
    bool no_censor_marks = false;              // --no-censor-marks
    bool no_risk_table = false;                // --no-risk-table
    bool censored_row = false;                 // --censored-row
    bool events_row = false;                   // --events-row
    bool percent = false;                      // --percent
    std::optional<double> x_limit;             // --xlim T, in the analysis's time unit
    std::optional<double> break_by;            // --break-by T
    std::optional<QString> x_label;            // --xlabel TEXT
    std::optional<QString> y_label;            // --ylabel TEXT
    std::optional<ui::KmYScale> y_scale;       // --y survival|cumulative
    std::optional<ui::KmRiskTable> risk_table; // --risk-table at-risk|events|kmunicate
    std::vector<std::string> given;            // the flags above, in the order given
};

// `base` with the flags applied: --style first, then each flag given.
ui::KmFigureOptions km_figure_options(const KmFigureFlags& flags, ui::KmFigureOptions base = {});

// export's own flags, as given: the export command checks the lengths and
// the output path against the figure (export_command.h).
struct ExportArguments {
    std::string figure =
        "km"; // --figure km|cif|forest|ae|summary|response|landmarks|waterfall|spider|swimmer|dor|
              // baseline|disposition|ae-overview|ae-dotplot|ae-volcano
    std::string width;               // --width, with a unit; "" = the preset's or 10in
    std::string height;              // --height; "" = the preset's or 6in
    std::string preset;              // --preset NAME (a size preset)
    int dpi = 300;                   // --dpi
    std::optional<double> font_size; // --font-size PT; absent = the preset's, else 12
    std::string each_subgroup;       // --each-subgroup VAR
    std::string format;              // --format png|svg|pdf, for --each-subgroup
    std::string palette = "default"; // --palette default|colour-blind|grayscale
    std::string title;               // --title TEXT
    bool footnote = false;           // --footnote
    std::string font_family;         // --font-family NAME; "" = the application font's
    KmFigureFlags km;                // --figure km and cif
    // --cif-layout side-by-side|stacked: the cumulative-incidence panels (--figure cif)
    std::optional<ui::CifArrangement> cif_arrangement;
    // The tumour-response figures (--figure waterfall|spider|swimmer|dor):
    // --colour-by bor|arm (waterfall, spider), --waterfall-layout
    // side-by-side|interleaved, --responders-only (swimmer).
    std::optional<ui::TumourColouring> colour_by;
    std::optional<ui::WaterfallArrangement> waterfall_arrangement;
    bool responders_only = false;
    // The AE figures (--figure ae-dotplot|ae-volcano) and tables (ae,
    // ae-overview): --ae-threshold PCT and --ae-top N (dot plot's terms),
    // --ae-scale difference|ratio (its right panel), --exposure-adjusted
    // (the tables' rate columns).
    std::optional<double> ae_threshold;
    std::optional<int> ae_top;
    std::optional<ui::AeRiskScale> ae_scale;
    bool exposure_adjusted = false;
};

// reconstruct's own flags, as given (reconstruct_command.h checks them
// against the files). --param (the PARAMCD), --time-unit, --out and --json
// are the common flags, with their common meaning.
struct ReconstructArguments {
    struct ArmFile {
        std::string arm;
        std::string file;
    };
    struct ArmEvents {
        std::string arm;
        int events = 0;
    };
    std::vector<ArmFile> curves; // --curve ARM=points.csv, in the order given
    // From a figure instead of points: --image FIG (PNG, JPEG, SVG or PDF, --page N), its
    // axes by two ticks each (--x-axis PX:VALUE,PX:VALUE with PX the
    // tick's pixel column, --y-axis with its pixel row; SVG user units for
    // an SVG; for a PDF, points from the page's top-left corner, y down),
    // and per arm its curve's colour (--colour ARM=#RRGGBB).
    struct ArmColour {
        std::string arm;
        std::string colour;
    };
    std::string image;              // --image FIG
    int page = 0;                   // --page N of a PDF --image; 0 = not given (page 1)
    std::string x_axis;             // --x-axis, as given
    std::string y_axis;             // --y-axis, as given
    std::vector<ArmColour> colours; // --colour ARM=#RRGGBB, in the order given
    std::string at_risk;            // --at-risk risk.csv
    std::vector<ArmEvents> events;  // --events ARM=N
    std::string param_label;        // --param-label TEXT; "" = "Reconstructed time to event"
    std::string source;             // --source TEXT; "" = "Publication"
    std::vector<std::string> given; // the flags above, in the order given
};

struct CommandLine {
    Command command = Command::Gui;
    std::vector<std::string> files; // "demo" stands for the embedded demo study
    AnalysisSpec spec;
    LoadOptions load;   // --time, --event, --censor; --arm also names the treatment column
    AeFilter ae_filter; // ae: --treatment-emergent, --related, --serious
    // baseline: --vars, --quantile-type, --p-values; `baseline_flag` the first given
    BaselineSpec baseline;
    std::string baseline_flag;
    bool ae_overview = false;          // ae --overview: the safety overview first
    bool ae_exposure_adjusted = false; // ae --exposure-adjusted: rates per 100 patient-years
    // --focus VAR=LEVEL (analyze, ae, export): the window's forest row in
    // focus; checked against the study by workspace_from_flags.
    std::optional<SubgroupFocus> focus;
    bool json = false;
    std::string analysis; // analyze/export --analysis FILE: a saved analysis
    // --published DIR (analyze, ae, response, baseline, export; repeatable):
    // arms rebuilt from a publication, added beside FILE...'s (study_source.h).
    std::vector<std::string> published;
    std::string out;                  // demo --out, export --out
    ExportArguments figure;           // export
    ReconstructArguments reconstruct; // reconstruct
    std::size_t subjects = 147;       // demo --subjects
    std::optional<std::uint64_t> seed;
    bool survival_only = false;          // demo --datasets survival
    bool quit_after_first_paint = false; // GUI: print the cold-start time, then exit
};

CommandLine parse_command_line(const std::vector<std::string>& arguments);

std::string usage_text();

} // namespace triallens::cli
