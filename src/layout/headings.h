// Headings as flow blocks: a part's title page (篇章页), a chapter's opening
// (on a new page, sunk, centred), a section's or story's title; each with its
// anchor and its outline entry.
#pragma once

#include <vector>

#include "layout/compose.h"

namespace huozi::layout {

// Makes the heading blocks of one pass; names the anchors of headings without an id.
class Headings {
 public:
  Headings(Composer& c, const NoteNumbers& numbers) : c_(c), numbers_(numbers) {}

  // The heading of a container (`title` is its title), its number in front.
  // The footnotes its title calls go to `calls`, by the block's line.
  FlowBlock heading(const model::Node& container, const model::Node& title, Measure m, int level,
                    std::vector<NoteCall>& calls);

 private:
  Composer& c_;
  const NoteNumbers& numbers_;
  int anchors_ = 0;

  FlowBlock part_title_page(const model::Node& part, const model::Node& title, Measure m, int level,
                            std::vector<NoteCall>& calls);
  // Sets the title's lines after those of `into`, its calls by its lines there.
  void set_title(const model::Node& title, Measure m, const Setting& how, std::vector<TypesetLine>& into,
                 std::vector<NoteCall>& calls);
  double title_scale(const model::Node& container) const;
  FlowBlock with_anchor(const model::Node& container, int level, Measure m, FlowBlock b);
};

}  // namespace huozi::layout
