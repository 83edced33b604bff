// huozi's own CMYK output profiles, one per printing condition, for the
// OutputIntent of a print PDF. No freely licensed standard press profile ships
// with Debian, so these are generated at build time (press_profile/
// make_press_profiles.cpp) from the press model in press_model.h: ICC v2.4
// 'prtr' profiles, honestly named as huozi's models of the conditions, not as
// the registered characterisations (FOGRA39, IFRA26) they resemble.
#pragma once

#include <string_view>

namespace huozi::print {

enum class PressCondition {
  CoatedOffset,  // books: sheet-fed offset on coated paper (ISO 12647-2 paper types 1/2)
  Newsprint,     // periodicals: coldset offset on newsprint (ISO 12647-3)
};

struct PressProfile {
  std::string_view icc;    // the profile's bytes (static storage)
  const char* identifier;  // OutputConditionIdentifier: "Custom" (not a registered characterisation)
  const char* condition;   // human-readable OutputCondition: which model of which condition
  const char* info;        // short name, as in the profile's description
  int tac_percent;         // total area coverage the profile's separations stay within: 300 or 240
};

// The profile for a condition; defined in the generated press_profiles.cpp
// (library huozi_press_profiles).
const PressProfile& press_profile(PressCondition condition);

}  // namespace huozi::print
