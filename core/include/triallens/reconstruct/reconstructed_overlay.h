#pragma once
// A trial's own study with arms rebuilt from a publication beside its own
// arms, so that every view compares them as it compares a trial's arms: a
// published control arm against the trial's experimental arm, with hazard
// ratios, RMST and curves (an "overlay").
//
// The pseudo-patients (reconstructed_study.h) are added after the trial's
// subjects; nothing of the trial's own data changes:
//   - every treatment column of the trial (arm_column_candidates, and
//     OverlayOptions::arm_variable) gets the published arm's name for them;
//     a name the trial already uses for one of its own arms is followed by
//     " (published)", so the two are never one arm. Their other columns
//     are missing;
//   - RECONFL is "Y" for them and missing for the trial's subjects, and
//     SOURCE is the publication for them and the trial's name for its own
//     (a column of its own: the two can be told apart, and curves drawn by
//     it);
//   - their records join the endpoint the published curves are of
//     (OverlayOptions::endpoint), their times converted from the figure's
//     unit into that endpoint's. Where the endpoint has event causes, their
//     events get one more: "Not published". Other endpoints, adverse
//     events, responses and tumour measurements stay the trial's alone.
// The study keeps its name, its control arm and its synthetic flag;
// Study::reconstructed counts the pseudo-patients (data_caveat.h: "Partly
// RECONSTRUCTED from a publication").
//
// std::invalid_argument, with a message for a person, when the endpoint is
// not the study's, its AVALU is not a unit times can be converted into, a
// pseudo-patient's USUBJID is one of the trial's, or the arms are unusable
// (reconstructed_tables' reasons).

#include "triallens/analysis/time_unit.h"
#include "triallens/data/study.h"
#include "triallens/reconstruct/reconstructed_study.h"

#include <string>
#include <vector>

namespace triallens {

struct OverlayOptions {
    std::string endpoint;     // the trial's PARAMCD the published curves are of, e.g. "PFS"
    std::string arm_variable; // the treatment column in use, when not an ADaM name ("" = none)
    TimeUnit time_unit = TimeUnit::Months; // of the published figure's time axis
    std::string source = "Publication";
};

inline constexpr const char* published_arm_suffix = " (published)";
inline constexpr const char* unpublished_cause = "Not published";

Study overlay_reconstructed_arms(const Study& trial, const std::vector<NamedArm>& arms,
                                 const OverlayOptions& options);

// The arms a study rebuilt from a publication holds, to add them beside a
// trial's (the command line's --published DIR reads a folder `reconstruct
// --out` wrote, or the digitiser's "Save as CSV…"): per level of its
// treatment column (arm_column_candidates' first), in level order, its
// subjects' times and events on its one endpoint, with that endpoint's
// PARAMCD, PARAM and unit and the first SOURCE.
// std::invalid_argument, with a message for a person, when a subject is not
// a pseudo-patient (RECONFL), the study has no endpoint or several, its
// unit is not one times convert from, it has no treatment column, or a
// subject has no record, several, or no arm.
struct PublishedArms {
    std::vector<NamedArm> arms;
    ReconstructedStudyOptions options;
};
PublishedArms published_arms(const Study& rebuilt);

// How `published` joins a trial: on `endpoint`, by `arm_variable`, in the
// publication's time unit and under its source.
OverlayOptions overlay_options(const PublishedArms& published, std::string endpoint,
                               std::string arm_variable);

// The endpoint of `trial` that arms published on the endpoint `theirs`
// (their PARAMCD) join: `wanted` when not empty, else `theirs` when the
// trial has it, else the trial's only endpoint. std::invalid_argument,
// counting the trial's endpoints and naming theirs, otherwise.
std::string published_endpoint(const Study& trial, const std::string& wanted,
                               const std::string& theirs);

// The arms of `rebuilt` (published_arms) beside the trial's own, on
// published_endpoint(trial, endpoint, their PARAMCD), by `arm_variable`:
// what the command line's --published and a saved analysis's "published"
// folders add. std::invalid_argument as the two functions it joins.
Study add_published_arms(const Study& trial, const Study& rebuilt, const std::string& endpoint,
                         const std::string& arm_variable);

} // namespace triallens
