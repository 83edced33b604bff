// The sizes of a book's page design, in one place: heading and note sizes as
// multiples of the body size, insets and offsets in ems of the body (or of the
// run, where it says so), rule widths in points. A page composer of another
// kind (a newspaper page, vertical writing) starts from these and changes what
// it needs.
#pragma once

#include <cstddef>

#include "layout/frame.h"

namespace huozi::layout {

struct LayoutStyle {
  // Headings, notes and furniture, as multiples of the body size.
  double part_title_scale = 2.0;
  double part_number_scale = 1.4;  // "第一部" over a part's title
  double chapter_title_scale = 1.6;
  double section_title_scale = 1.15;
  double story_headline_scale = 1.3;  // periodicals: a story's headline
  double caption_scale = 1.0;         // smaller type would break the baseline grid
  double note_scale = 0.85;
  double running_head_scale = 0.8;

  // Lines of type: a line needs its size times this from the baseline above;
  // a taller one takes several grid lines.
  double line_height = 1.1;
  int chapter_sink_lines = 3;  // empty lines above a chapter title

  // Blocks, in ems.
  double quote_inset_em = 2;         // on both sides
  double min_quote_measure_em = 10;  // (or half the column) quotes nested deeper are not indented further
  double verse_inset_em = 2;         // verse is set flush left this far in ...
  double verse_hang_em = 2;          // ... and a line that wraps hangs this much more
  double list_inset_em = 2;          // list items; the marker ends in this inset ...
  double list_marker_gap_em = 0.3;   // ... this far from the text
  double cell_padding_em = 0.5;      // table cells, on each side
  double min_cell_em = 2;            // a table whose columns would be narrower is refused
  double table_rule = 0.5;           // pt

  // Figures.
  double caption_gap_em = 0.4;          // between a picture and its caption
  int figure_free_lines = 4;            // a picture leaves this many lines of its column
  double default_picture_ratio = 0.75;  // height / width, when the picture does not say
  double min_picture_em = 1;            // a picture is never narrower, nor shorter than a grid line
  Color fpo_ink = Color::gray(0.35);
  Color fpo_fill = Color::gray(0.93);
  double fpo_stroke = 0.8;         // pt
  double fpo_label_scale = 1.1;    // "FPO 图片占位", in the heading face
  double fpo_label_drop_em = 0.4;  // its baseline under the box's middle
  // The band of fill behind the label: its padding left and right, and how
  // far it reaches above the baseline and how tall it is.
  double fpo_band_pad_em = 0.3;
  double fpo_band_rise_em = 1.2;
  double fpo_band_height_em = 1.6;

  // Markup (clreq 6).
  double dot_drop = 0.12;     // 着重号: below the em box, in the run's size
  double dot_radius = 0.08;   // in the run's size
  double ruby_scale = 0.5;    // the annotation, of the body size
  double ruby_gap_em = 0.12;  // between the annotation's baseline and the base's em box

  // Footnotes at a column's foot.
  double note_rule_drop_em = 0.1;  // the rule under the baseline of the line it is on
  double note_rule_length_em = 6;
  double note_rule = 0.4;  // pt

  // Table of contents.
  int toc_title_lines = 5;                // sink, title, air
  size_t toc_max_detailed_entries = 300;  // more, and sections are left out
  double toc_indent_em = 2;               // each level
  double leader_gap_em = 0.5;             // between the leaders and the texts they join
  double leader_drop_em = 0.15;           // under the baseline
  double leader_width = 0.9;              // pt
  Color leader_ink = Color::gray(0.3);
  double toc_link_rise_em = 0.9;  // a line's link area starts this far above its baseline

  // Running heads and folios.
  double running_head_rise_em = 1.1;  // its baseline above the text block
  double head_rule_drop_em = 0.45;    // the rule under it, below its baseline
  double head_rule = 0.4;             // pt
  double folio_drop_em = 2.2;         // the folio's baseline under the last line's
  double vertical_title_drop_em = 3;  // a vertical book's chapter title: below the head (低三格)
};

}  // namespace huozi::layout
