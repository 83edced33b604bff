// The sizes of a newspaper page's design, in one place: the page head, the
// banner, headlines by a story's importance, rules and boxes. Multiples of
// the body size unless they say otherwise.
#pragma once

#include "layout/frame.h"

namespace huozi::layout {

struct NewsStyle {
  // The page head (眉头): paper and page on one line, the editor line under
  // them, a thick and a thin rule under both.
  int head_lines = 3;               // grid lines it takes, its rules included
  double head_page_scale = 1.6;     // "第5版" and the page's name
  double head_paper_scale = 1.25;   // the paper's name and the date
  double head_staff_scale = 0.85;   // the editor line
  double head_rule = 2.0;           // pt: the thick rule under the head ...
  double head_thin_rule = 0.5;      // ... and the thin one under it
  double head_rule_gap = 1.5;       // pt between them
  double nameplate_scale = 4.5;     // page 1: the paper's name over the head (报头)

  // The banner (通栏标题).
  double banner_scale = 5.0;
  double banner_kicker_scale = 1.8;
  double banner_subtitle_scale = 2.0;
  int banner_air_lines = 1;  // under it

  // A story's headline by importance (lead, major, normal, brief), shrunk
  // by shrink_step down to min_headline_scale until it takes at most
  // headline_max_lines lines (one more at a span of one column).
  double headline_scale[4] = {1.35, 1.7, 2.2, 3.0};  // brief, normal, major, lead
  double min_headline_scale = 1.2;
  double headline_shrink_step = 0.9;
  int headline_max_lines = 2;
  double kicker_scale = 1.1;
  double subtitle_scale = 1.25;
  int headline_air_lines = 1;  // between the head and the text
  int max_story_air = 3;       // lines of air a story may take to fill its band
  // fit="shrink": the sizes (of the body) a story may be set at instead of
  // jumping, each step costing the composer this much.
  double shrink_scales[2] = {0.94, 0.89};
  double shrink_cost = 40;
  // Text columns shallower than this look like a caption, not a story.
  int min_story_rows = 6;

  // Rules: between modules (细线), between a story's columns (栏线), boxes (框).
  double module_rule = 0.5;  // pt
  double column_rule = 0.3;  // pt
  double box_rule = 0.8;     // pt
  double box_padding_em = 0.5;
  double fancy_thick_rule = 1.6;  // pt: 花线's outer rule; its inner one is a column rule's width ...
  double fancy_gap = 1.6;         // pt: ... this far inside
  Color rule_ink = Color::black();
  Color column_rule_ink = Color::gray(0.45);

  // Photo groups: cells at least this wide (ems), the group's grid at most this many pictures across.
  double min_photo_em = 7;
  double good_photo_em = 10;  // smaller ones cost the composer something
  int max_photos_across = 4;
};

}  // namespace huozi::layout
