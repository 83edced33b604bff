// Figures: the picture (or its FPO placeholder) on whole grid lines, centred
// in the measure, then its caption and credit, as one flow block.
#pragma once

#include <optional>

#include "layout/compose.h"

namespace huozi::layout {

// The figure as a flow block; none if it has no picture. The footnotes its
// caption and credit call go to `calls` (all at the block's line 0).
std::optional<FlowBlock> figure_block(Composer& c, const model::Node& figure, Measure m,
                                      const NoteNumbers& numbers, std::vector<NoteCall>& calls);

}  // namespace huozi::layout
