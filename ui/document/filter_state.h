#pragma once
// What the Filters dock has chosen, as a value: the analysis populations
// switched on, the levels unchecked per categorical variable and the range
// kept per numeric one. Only restricting choices are stored, so the empty
// state keeps every subject of any study and two states that keep the same
// subjects through the same widgets compare equal (undo/redo relies on it).
// filter_expression() turns it into the core's --filter grammar. It is part
// of the workspace state (workspace_state.h), so it lives with that document
// value (read by the command line too) and the Filters dock only edits it.

#include <QMetaType>

#include <limits>
#include <map>
#include <set>
#include <string>

namespace triallens::ui {

struct LevelSelection {
    std::set<std::string> excluded; // unchecked levels
    bool exclude_missing = false;   // "(missing)" unchecked

    bool operator==(const LevelSelection&) const = default;
};

// Inclusive bounds; an infinite bound is the data's own (not narrowed).
struct RangeSelection {
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    bool exclude_missing = false; // "include missing" unchecked

    bool operator==(const RangeSelection&) const = default;
};

struct FilterState {
    std::set<std::string> populations;            // flags that must be "Y"
    std::map<std::string, LevelSelection> levels; // by variable name
    std::map<std::string, RangeSelection> ranges; // by variable name

    bool empty() const { return populations.empty() && levels.empty() && ranges.empty(); }
    bool operator==(const FilterState&) const = default;
};

} // namespace triallens::ui

Q_DECLARE_METATYPE(triallens::ui::FilterState)
