#include "triallens/data/adverse_event_grade.h"

#include <cctype>
#include <string>
#include <utility>

namespace triallens {

namespace {

std::string upper_trimmed(std::string_view text) {
    const auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && blank(text.back())) {
        text.remove_suffix(1);
    }
    std::string upper(text);
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return upper;
}

std::optional<std::int32_t> digit_grade(std::string_view text) {
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '5') {
        return text[0] - '0';
    }
    return std::nullopt;
}

} // namespace

std::optional<std::int32_t> adverse_event_grade(std::string_view text) {
    const std::string word = upper_trimmed(text);
    if (const auto grade = digit_grade(word)) {
        return grade;
    }
    for (const std::string_view prefix : {"GRADE", "GR", "G"}) {
        if (word.starts_with(prefix)) {
            std::string_view rest = std::string_view(word).substr(prefix.size());
            if (!rest.empty() && rest.front() == ' ') {
                rest.remove_prefix(1);
            }
            if (const auto grade = digit_grade(rest)) {
                return grade;
            }
        }
    }
    static constexpr std::pair<std::string_view, std::int32_t> words[] = {{"MILD", 1},
                                                                          {"MODERATE", 2},
                                                                          {"SEVERE", 3},
                                                                          {"LIFE THREATENING", 4},
                                                                          {"LIFE-THREATENING", 4},
                                                                          {"FATAL", 5},
                                                                          {"DEATH", 5}};
    for (const auto& [name, grade] : words) {
        if (word == name) {
            return grade;
        }
    }
    return std::nullopt;
}

} // namespace triallens
