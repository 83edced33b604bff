// Headings as flow blocks: a part's title page (篇章页), a chapter's opening
// (on a new page, sunk, centred), a section's or story's title; each with its
// anchor and its outline entry.
#pragma once

#include "layout/compose.h"

namespace huozi::layout {

// Makes the heading blocks of one pass; names the anchors of headings without an id.
class Headings {
 public:
  explicit Headings(Composer& c) : c_(c) {}

  // The heading of a container (`title` is its title), its number in front.
  FlowBlock heading(const model::Node& container, const model::Node& title, Measure m, int level);

 private:
  Composer& c_;
  int anchors_ = 0;

  FlowBlock part_title_page(const model::Node& part, const model::Node& title, Measure m, int level);
  double title_scale(const model::Node& container) const;
  FlowBlock with_anchor(const model::Node& container, int level, Measure m, FlowBlock b);
};

}  // namespace huozi::layout
