#include "triallens/format/data_caveat.h"

namespace triallens {

namespace {

std::string joined_sources(const ReconstructedSubjects& reconstructed) {
    std::string text;
    for (const std::string& source : reconstructed.sources) {
        text += (text.empty() ? "" : "; ") + source;
    }
    return text;
}

// `text` (UTF-8) when it has at most `chars` characters, else its first
// chars - 1 and "…".
std::string cut(const std::string& text, std::size_t chars) {
    std::size_t count = 0;
    std::size_t cut_at = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (count == chars - 1) {
                cut_at = i;
            }
            ++count;
        }
    }
    return count <= chars ? text : text.substr(0, cut_at) + "…";
}

} // namespace

std::string data_caveat(bool synthetic, const ReconstructedSubjects& reconstructed) {
    if (!reconstructed.any()) {
        return synthetic ? "SYNTHETIC demo data" : std::string();
    }
    // The demo with published arms beside it is both: neither may go unsaid.
    std::string label = synthetic             ? "SYNTHETIC demo data; partly RECONSTRUCTED"
                        : reconstructed.all() ? "RECONSTRUCTED from a publication"
                                              : "Partly RECONSTRUCTED from a publication";
    const std::string sources = joined_sources(reconstructed);
    if (!sources.empty()) {
        label += ": " + sources;
    }
    return cut(label, data_caveat_max_chars);
}

std::string data_caveat_sentence(bool synthetic, const ReconstructedSubjects& reconstructed) {
    const std::string synthetic_sentence = synthetic ? "The data are synthetic." : "";
    if (!reconstructed.any()) {
        return synthetic_sentence;
    }
    const std::string sources = joined_sources(reconstructed);
    const bool one = reconstructed.count == 1;
    std::string sentence =
        reconstructed.all()
            ? std::string(one ? "The subject is a pseudo-patient"
                              : "The subjects are pseudo-patients")
            : std::to_string(reconstructed.count) + " of " + std::to_string(reconstructed.of) +
                  (one ? " subjects is a pseudo-patient" : " subjects are pseudo-patients");
    sentence += " reconstructed from a published Kaplan–Meier figure";
    if (!sources.empty()) {
        sentence += " (" + sources + ")";
    }
    sentence += " by the algorithm of Guyot et al. (2012): their times are approximations, not "
                "patients' records.";
    return synthetic ? synthetic_sentence + " " + sentence : sentence;
}

} // namespace triallens
