// Figures: the picture (or its FPO placeholder) on whole grid lines, centred
// in the measure, then its caption and credit, as one flow block.
#pragma once

#include <vector>

#include "layout/compose.h"

namespace huozi::layout {

// The figure as a flow block (none if it has no picture); a caption longer
// than a column goes on in a text block after it. The footnotes its caption
// and credit call go to `calls` (all at the figure block's line 0).
std::vector<FlowBlock> figure_blocks(Composer& c, const model::Node& figure, Measure m,
                                     const NoteNumbers& numbers, std::vector<NoteCall>& calls);

}  // namespace huozi::layout
