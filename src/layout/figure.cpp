#include "layout/figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "util/image_size.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

// The picture's height / width: the image file's, or the placeholder's ratio ("4:3").
double picture_ratio(const Composer& c, const Node& picture) {
  const double fallback = c.style.default_picture_ratio;
  if (picture.kind == NodeKind::Image) {
    ImageSize size = read_image_size(c.doc.base_dir + "/" + picture.target());
    return size.width > 0 && size.height > 0 ? double(size.height) / size.width : fallback;
  }
  size_t colon = picture.label().find(':');
  double w = std::atof(picture.label().substr(0, colon).c_str());
  double h = colon == std::string::npos ? 0 : std::atof(picture.label().substr(colon + 1).c_str());
  return w > 0 && h > 0 ? h / w : fallback;
}

// The same in the frame it is placed in: a vertical page's frame is the page
// turned (vertical_page.h), so the picture stands in it turned too, and is
// drawn upright on the page.
double frame_ratio(const Composer& c, double ratio) { return c.vertical_pages ? 1 / ratio : ratio; }

std::string ratio_text(double ratio) {
  char buf[64];
  std::snprintf(buf, sizeof buf, ratio >= 1 ? "1:%.3g" : "%.3g:1", ratio >= 1 ? ratio : 1 / ratio);
  return buf;
}

// The ratio, within what the column can show: a picture at least a grid line
// tall across the measure, and at least min_picture_em wide at the tallest a
// column takes. A ratio beyond these (999999999:1) is drawn at the limit, with a warning.
double sane_ratio(Composer& c, const Node& picture, double ratio, Measure m) {
  const PageGeometry& g = c.g;
  const double max_height = std::max(1, g.lines - c.style.figure_free_lines) * g.line_pitch;
  const double flattest = g.line_pitch / m.width;
  const double tallest = std::max(flattest, max_height / std::min(m.width, c.style.min_picture_em * g.em));
  if (ratio >= flattest && ratio <= tallest) return ratio;
  const double sane = ratio > tallest ? tallest : flattest;  // NaN: the flattest
  const std::string what = picture.kind == NodeKind::Image ? "image \"" + picture.target() + "\""
                                                           : "placeholder ratio=\"" + picture.label() + "\"";
  c.diags.warning(c.doc.files, picture.where,
                  what + ": a picture of width:height " + ratio_text(ratio) +
                      " does not fit the column; it is drawn at " + ratio_text(sane),
                  "give the picture a ratio nearer to the page's");
  return sane;
}

// FPO: a framed grey box with diagonals and the mark "FPO 图片占位". What the
// picture will show is in the EPUB's alt text; the print box shows the mark.
void placeholder(Composer& c, const Rect& rect, std::vector<PageItem>& items) {
  const LayoutStyle& s = c.style;
  const double em = c.g.em;
  Box box;
  box.rect = rect;
  box.filled = true;
  box.fill = s.fpo_fill;
  box.stroke = s.fpo_stroke;
  box.stroke_color = s.fpo_ink;
  box.dashed = true;
  box.diagonals = true;
  items.push_back(box);
  double w = 0;
  std::string mark = model::is_traditional(c.lang) ? "FPO 圖片佔位" : "FPO 图片占位";
  std::vector<PageItem> label = c.set_string(mark, text::Role::Heading, em * s.fpo_label_scale, w, s.fpo_ink);
  double cx = rect.x + (rect.width - w) / 2, cy = rect.y + rect.height / 2 + s.fpo_label_drop_em * em;
  // A band of the box's grey behind the label keeps it readable over the diagonals.
  Box band;
  band.rect = {cx - s.fpo_band_pad_em * em, cy - s.fpo_band_rise_em * em, w + 2 * s.fpo_band_pad_em * em,
               s.fpo_band_height_em * em};
  band.filled = true;
  band.fill = s.fpo_fill;
  band.stroke = 0;
  items.push_back(band);
  for (PageItem& item : label) {
    if (auto* run = std::get_if<TextRun>(&item)) run->outlined = true;
    translate(item, cx, cy);
    items.push_back(std::move(item));
  }
}

// The picture's size: the measure's width, scaled down to leave a column's
// last lines free; then, since it takes whole grid lines and leaves air above
// its caption's first line, scaled down a little more (a few per cent at most)
// rather than take one more line for that air. `lines` receives the lines it takes.
Rect picture_rect(const Composer& c, double ratio, Measure m, int most_lines, int& lines) {
  const PageGeometry& g = c.g;
  double width = m.width;
  double height = width * ratio;
  double max_height = std::max(1, std::min(most_lines, g.lines - c.style.figure_free_lines)) * g.line_pitch;
  if (height > max_height) {  // too tall for a column: scale it down to fit
    height = max_height;
    width = height / ratio;
  }
  lines = static_cast<int>(std::ceil(height / g.line_pitch - 1e-6));
  const double room = lines * g.line_pitch - c.style.caption_gap_em * g.em;
  if (height > room) {
    height = room;
    width = height / ratio;
  }
  double top = (room - height) / 2;  // centred in its room
  return Rect{m.x + (m.width - width) / 2, top, width, height};
}

}  // namespace

std::vector<FlowBlock> figure_blocks(Composer& c, const Node& n, Measure m, const NoteNumbers& numbers,
                                     std::vector<NoteCall>& calls) {
  const Node* picture = nullptr;
  const Node* caption = nullptr;
  const Node* credit = nullptr;
  for (const Node& child : n.children) {
    if (child.kind == NodeKind::Image || child.kind == NodeKind::Placeholder) picture = &child;
    if (child.kind == NodeKind::Caption) caption = &child;
    if (child.kind == NodeKind::Credit) credit = &child;
  }
  if (!picture) return {};
  // The caption's and credit's lines first: the picture takes the room they leave.
  std::vector<TypesetLine> words;
  for (const Node* part : {caption, credit}) {
    if (!part) continue;
    Setting how;
    how.scale = c.style.caption_scale;
    how.align = part == credit ? Align::Right : Align::Justify;
    for (TypesetLine& l : c.set(*part, m, how, numbers, calls)) words.push_back(std::move(l));
  }
  for (NoteCall& call : calls) call.line = 0;
  int line = 0;
  const int room = c.g.lines - static_cast<int>(words.size());
  const Rect rect = picture_rect(c, sane_ratio(c, *picture, frame_ratio(c, picture_ratio(c, *picture)), m), m, room, line);
  FlowBlock b;
  b.kind = BlockKind::Figure;
  b.space_before = 1;
  b.where = n.where;
  if (!n.id().empty()) b.anchors.push_back({n.id(), m.x, 0});
  if (picture->kind == NodeKind::Image)
    b.figure_items.push_back(Image{rect, c.doc.base_dir + "/" + picture->target()});
  else
    placeholder(c, rect, b.figure_items);
  // Under the picture, the caption's lines that fit in a column; a caption
  // longer than that goes on as text after the figure.
  size_t k = 0;
  for (; k < words.size() && line < c.g.lines; ++k, ++line) {
    const double baseline = line * c.g.line_pitch + kAscentEm * c.g.em;
    for (PageItem& item : words[k].items) {
      translate(item, 0, baseline);
      b.figure_items.push_back(std::move(item));
    }
    for (Link link : words[k].links) {
      link.rect.y += baseline;
      b.figure_links.push_back(std::move(link));
    }
    for (SourceLine source : words[k].sources) {
      translate(source, 0, baseline);
      b.figure_sources.push_back(source);
    }
  }
  b.figure_lines = line;
  std::vector<FlowBlock> blocks{std::move(b)};
  if (k < words.size()) {
    c.diags.warning(c.doc.files, n.where, "caption longer than a column: it goes on as text after the figure",
                    "shorten the caption");
    FlowBlock rest;
    rest.where = n.where;
    rest.lines.assign(std::make_move_iterator(words.begin() + static_cast<long>(k)),
                      std::make_move_iterator(words.end()));
    blocks.push_back(std::move(rest));
  }
  return blocks;
}

}  // namespace huozi::layout
