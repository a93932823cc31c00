#pragma once
// Which subjects of a study are pseudo-patients rebuilt from a published
// Kaplan–Meier figure, not real ones. reconstructed_study.h marks each such
// subject ADSL RECONFL = "Y" and names the publication in SOURCE, so a study
// loaded from those files, alone or beside a trial's own (an overlay,
// reconstructed_overlay.h), is known for what it is, and what shows it can
// say so (data_caveat.h). build_study and the overlay read it once into
// Study::reconstructed, and every refit copies it into Results: one pass over
// RECONFL's codes per study, none per refit.

#include <cstddef>
#include <string>
#include <vector>

namespace triallens {

class SubjectTable;

struct ReconstructedSubjects {
    std::size_t count = 0; // subjects with RECONFL = "Y"
    std::size_t of = 0;    // all subjects of the study
    // Their distinct SOURCE values in order of first appearance; empty when
    // the ADSL has no SOURCE column.
    std::vector<std::string> sources;

    bool any() const { return count > 0; }
    bool all() const { return count > 0 && count == of; }

    bool operator==(const ReconstructedSubjects&) const = default;
};

// Read from the subject table's RECONFL and SOURCE columns (text or numeric
// factors; a RECONFL level "Y", in any case, marks a subject).
ReconstructedSubjects reconstructed_subjects(const SubjectTable& subjects);

} // namespace triallens
