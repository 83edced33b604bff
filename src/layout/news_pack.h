// The newspaper page composer's search: modules (stories, photo groups) as
// rectangles on the grid of columns × lines, packed in reading order so that
// together they fill the area with no hole.
//
// The search knows nothing of text: each module says, for each span it may
// take, how many grid lines it needs (and how many more it can take as air),
// and what that shape costs (a story too shallow, a lead too narrow). The
// packer tries every page of stacks and side-by-side splits (a guillotine
// layout: a stack of modules down a band of columns, a band split into
// narrower bands) and keeps the cheapest that fills the area.
#pragma once

#include <vector>

namespace huozi::layout {

// One way to set a module at one span.
struct ModuleOption {
  int lines = 0;      // grid lines it needs
  int flex = 0;       // grid lines of air it may take on top of those
  double cost = 0;    // how much worse than ideal this shape is
};

// A module's options; by_span[s] are those at span s (index 0 unused).
struct ModuleChoices {
  std::vector<std::vector<ModuleOption>> by_span;
};

// Where one module went: column and line from 0 at the area's top left.
struct PackedModule {
  int column = 0, line = 0, span = 0, lines = 0;
  int option = 0;  // index into its by_span[span]
  int air = 0;     // grid lines of flex it takes (included in `lines`)
  int gap_below = 0;  // grid lines between it and the module under it in its band (0: none under it)
};

struct Packing {
  bool ok = false;  // false: the modules do not fit the area at all
  double cost = 0;
  int empty_lines = 0;  // column-lines left empty at the feet of stacks
  std::vector<PackedModule> modules;  // in the order given
};

struct PackRules {
  int gap_lines = 1;           // between modules stacked in a band (its rule goes in it) ...
  int gap_flex = 1;            // ... and up to this many more, to fill the band
  double gap_cost = 8;         // per extra line of gap and column
  double air_cost = 4;         // per line of flex taken
  double empty_cost = 200;     // per column-line left empty at a stack's foot
  double split_cost = 1;       // per side-by-side split: fewer, simpler bands
};

// Packs modules (in reading order: top to bottom in a band, bands left to
// right) into `columns` × `lines`. Modules that cannot take a span have no
// options there. Not ok when they cannot fill it, or when the search would be
// larger than kMaxPackStates regions (some 24 modules on a page of 8 columns
// and 400 lines): the caller then packs fewer.
Packing pack_modules(const std::vector<ModuleChoices>& modules, int columns, int lines,
                     const PackRules& rules = {});

inline constexpr int kMaxPackedModules = 24;
inline constexpr double kMaxPackStates = 8e6;

}  // namespace huozi::layout
