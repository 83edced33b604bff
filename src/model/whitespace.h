// Whitespace in the source, the way Chinese editors write it.
#pragma once

#include <vector>

#include "model/document.h"

namespace huozi::model {

// Normalises the whitespace of one block's inline content in place (see
// docs/content-model.md, "Whitespace"): runs collapse to one space, vanish at
// the block's edges and around <br/>, and a run holding a line break vanishes
// between CJK characters. Runs may span element boundaries. Footnotes are
// normalised as blocks of their own. Text nodes left empty are removed.
void normalize_block_whitespace(std::vector<Node>& inlines);

}  // namespace huozi::model
