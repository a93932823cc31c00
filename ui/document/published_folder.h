#pragma once
// A folder of arms rebuilt from a publication (`reconstruct --out`, the
// digitiser's Save as CSV…) shown beside a study's own arms, and where they
// join it (add_published_arms in reconstructed_overlay.h): what the window
// tracks of the published arms it shows and a saved analysis keeps.

#include <QString>

#include <string>

namespace triallens::ui {

struct PublishedFolder {
    QString path;
    std::string endpoint;     // the PARAMCD they join ("" = theirs when the study
                              // has it, else its only one)
    std::string arm_variable; // the treatment column ("" = the ADaM ones)

    bool operator==(const PublishedFolder&) const = default;
};

} // namespace triallens::ui
