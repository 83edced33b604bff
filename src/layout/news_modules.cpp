#include "layout/news_modules.h"

#include <algorithm>
#include <cmath>

#include "layout/blocks.h"
#include "layout/figure.h"
#include "layout/footnotes.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;


bool is_head(NodeKind k) { return k == NodeKind::Title || k == NodeKind::Kicker || k == NodeKind::Subtitle; }

const Node* child_of_kind(const Node& n, NodeKind kind) {
  for (const Node& child : n.children)
    if (child.kind == kind) return &child;
  return nullptr;
}

void append(std::vector<TypesetLine>& to, std::vector<TypesetLine> lines) {
  for (TypesetLine& l : lines) to.push_back(std::move(l));
}

// A figure block with its top left at (x, y), and its anchors.
void place_figure(const FlowBlock& b, double x, double y, PageFrame& page) {
  place_figure_items(b, x, y, page);
  for (const Anchor& a : b.anchors) page.anchors.push_back({a.name, x + a.x, y});
}

}  // namespace

std::string NewsModule::what() const {
  const char* kind = node_.kind == NodeKind::Article      ? "article"
                     : node_.kind == NodeKind::PhotoGroup ? "photos"
                                                          : "figure";
  return node_.id().empty() ? std::string(kind) : std::string(kind) + " " + node_.id();
}

double NewsModule::line_top(int line, const ModuleArea& area) const {
  return c_.g.baseline(area.top_line + line) - kAscentEm * c_.g.em;
}

// ---- stories ---------------------------------------------------------------------------

StoryModule::StoryModule(Composer& c, Composer& trial, const NewsStyle& style, const Node& article)
    : NewsModule(c, trial, style, article) {
  const bool boxed = article.module().boxed;
  text_width_ = c.g.column_width() - (boxed ? 2 * style.box_padding_em * c.g.em : 0);
  versions_.push_back(set_text(c, 1));
  // fit="shrink": the story may also be set smaller on the same grid (more
  // characters a line, so fewer lines) rather than jump.
  if (article.module().shrink)
    for (double scale : style.shrink_scales) versions_.push_back(set_text(trial, scale));
  cut_piece_ = pieces_().size();
}

StoryModule::Text StoryModule::set_text(Composer& c, double scale) const {
  Text t;
  t.scale = scale;
  size_t from = 0;
  while (from < node_.children.size() && is_head(node_.children[from].kind)) ++from;
  t.blocks = set_blocks(c, node_.children, from, Measure{0, text_width_}, scale);
  // Footnotes (rare in news) go at the story's end, each after a line of space.
  FlowBlock notes;
  notes.where = node_.where;
  for (FlowBlock& b : t.blocks)
    for (FlowNote& note : b.notes) append(notes.lines, std::move(note.lines));
  if (!notes.lines.empty()) {
    notes.space_before = 1;
    t.blocks.push_back(std::move(notes));
  }
  for (size_t b = 0; b < t.blocks.size(); ++b) {
    const FlowBlock& block = t.blocks[b];
    if (b > 0)
      for (int s = 0; s < block.space_before; ++s) t.pieces.push_back({b, 0, 1, true});
    if (block.kind == BlockKind::Figure)
      t.pieces.push_back({b, 0, std::max(1, block.figure_lines), false});
    else
      for (size_t l = 0; l < block.lines.size(); ++l) t.pieces.push_back({b, l, 1, false});
  }
  return t;
}

namespace {

// A story's headline: centred, broken between words, balanced when drawn.
Setting headline(double scale, bool balanced) {
  Setting how = setting(scale, Align::Centre);
  how.headline = true;
  how.balanced = balanced;
  return how;
}

}  // namespace

StoryModule::Head StoryModule::set_head(Composer& c, int span) {
  Head head;
  const bool balanced = &c != &trial_;  // the trial composer only counts lines
  const double pad = node_.module().boxed ? 2 * style_.box_padding_em * c.g.em : 0;
  const Measure m{0, width(span) - pad};
  const Node* title = model::title_of(node_);
  if (continued_from_) {
    // A continuation: the headline small, then where the story comes from.
    head.title_scale = style_.min_headline_scale;
    if (title) append(head.lines, c.set(*title, m, headline(head.title_scale, balanced)));
    const std::string from = "（上接第" + std::to_string(continued_from_) + "版）";
    append(head.lines, generated(c.set(text_block(NodeKind::Paragraph, from, node_.where), m, setting(1, Align::Right))));
    return head;
  }
  if (const Node* kicker = child_of_kind(node_, NodeKind::Kicker))
    append(head.lines, c.set(*kicker, m, setting(style_.kicker_scale, Align::Centre)));
  if (title) {
    const int most = style_.headline_max_lines + (span == 1 ? 1 : 0);
    double scale = style_.headline_scale[static_cast<int>(node_.module().importance)];
    std::vector<TypesetLine> lines = c.set(*title, m, headline(scale, balanced));
    // A headline's size fits its width: smaller until it takes few enough lines.
    auto text_lines = [&](double s) { return static_cast<int>(std::ceil(s * c.style.line_height * c.g.em / c.g.line_pitch - 1e-9)); };
    while (static_cast<int>(lines.size()) > most * text_lines(scale) && scale > style_.min_headline_scale) {
      scale = std::max(style_.min_headline_scale, scale * style_.headline_shrink_step);
      lines = c.set(*title, m, headline(scale, balanced));
    }
    head.title_scale = scale;
    append(head.lines, std::move(lines));
  }
  if (const Node* subtitle = child_of_kind(node_, NodeKind::Subtitle))
    append(head.lines, c.set(*subtitle, m, setting(style_.subtitle_scale, Align::Centre)));
  return head;
}

std::vector<size_t> StoryModule::balance(size_t from, int span, int height) const {
  const size_t n = pieces_().size();
  std::vector<size_t> starts;
  size_t i = from;
  for (int col = 0; col < span && i < n; ++col) {
    while (i < n && pieces_()[i].space) ++i;  // no space at a column's top
    if (i == n) break;
    int left = 0;  // what is still to set, the space that may fall at a column's top left out
    for (size_t k = i; k < n; ++k) left += pieces_()[k].space ? 0 : pieces_()[k].lines;
    const int target = std::min(height, (left + (span - col) - 1) / (span - col));
    starts.push_back(i);
    const size_t first = i;
    int used = 0;
    while (i < n && used + pieces_()[i].lines <= target) used += pieces_()[i++].lines;
    // A subheading never ends a column that text follows.
    while (i > first + 1 && i < n && blocks_()[pieces_()[i - 1].block].keep_with_next) used -= pieces_()[--i].lines;
    // A figure taller than the even share: the column takes it if it can.
    if (i == first) {
      if (pieces_()[i].lines > height) return {};
      used += pieces_()[i++].lines;
    }
  }
  while (i < n && pieces_()[i].space) ++i;
  if (i < n) return {};
  starts.push_back(i);
  return starts;
}

std::vector<int> StoryModule::column_heights(const std::vector<size_t>& starts) const {
  std::vector<int> heights;
  for (size_t col = 0; col + 1 < starts.size(); ++col) {
    size_t end = starts[col + 1];
    while (end > starts[col] && pieces_()[end - 1].space) --end;  // space at a column's foot is not text
    int h = 0;
    for (size_t k = starts[col]; k < end; ++k) h += pieces_()[k].lines;
    heights.push_back(h);
  }
  return heights;
}

int StoryModule::text_lines() const {
  int n = 0;
  for (size_t k = first_piece_; k < pieces_().size(); ++k) n += pieces_()[k].lines;
  return n;
}

// The least height whose columns end within one line of each other (a
// figure or a subheading may make the first that fits uneven: a few more are
// tried), or else the least that fits.
int StoryModule::balanced_height(int span) const {
  const int total = text_lines();
  int fits = -1;
  for (int h = std::max(1, (total + span - 1) / span); h <= total; ++h) {
    const std::vector<size_t> starts = balance(first_piece_, span, h);
    if (starts.empty()) continue;
    std::vector<int> heights = column_heights(starts);
    if (heights.empty()) return 1;
    const auto [lo, hi] = std::minmax_element(heights.begin(), heights.end());
    const int uneven = static_cast<int>(heights.size()) < span ? *hi : *hi - *lo;
    if (uneven <= 1) return *hi;
    if (fits < 0) fits = *hi;
    if (h > fits + 3) break;
  }
  return fits < 0 ? std::max(1, total) : fits;
}

double StoryModule::shape_cost(int span, int rows, const Head& head) const {
  const model::Importance importance = node_.module().importance;
  double cost = 0;
  // Too shallow for its width: a story reads down its columns.
  if (rows < style_.min_story_rows) cost += (style_.min_story_rows - rows) * 40.0 * span;
  // Columns of one word's height make a wide story look like a table.
  if (span > 1 && rows < 3 * span) cost += (3 * span - rows) * 4.0;
  const int wanted = importance == model::Importance::Lead    ? std::min(3, c_.g.columns)
                     : importance == model::Importance::Major ? std::min(2, c_.g.columns)
                                                              : 1;
  if (span < wanted) cost += (wanted - span) * 150.0;
  if (importance == model::Importance::Brief && span > 2) cost += (span - 2) * 60.0;
  // A headline pushed down to its smallest size by a narrow module.
  const double wanted_scale = style_.headline_scale[static_cast<int>(importance)];
  if (head.title_scale < wanted_scale) cost += (wanted_scale - head.title_scale) * 40;
  return cost;
}

ModuleChoices StoryModule::choices(int max_lines) { return shapes(max_lines, false); }

ModuleChoices StoryModule::cut_choices(int max_lines) { return shapes(max_lines, true); }

ModuleChoices StoryModule::shapes(int max_lines, bool cut) {
  ModuleChoices out;
  out.by_span.resize(static_cast<size_t>(c_.g.columns) + 1);
  option_versions_.assign(out.by_span.size(), {});
  for (int span = 1; span <= c_.g.columns; ++span) {
    const Head head = set_head(trial_, span);
    const int top = static_cast<int>(head.lines.size()) + style_.headline_air_lines;
    if (cut) {
      // Any height from the head and a few lines to one line short of the whole, at full size.
      version_ = 0;
      const int least = top + style_.min_story_rows, most = std::min(max_lines, top + balanced_height(span) - 1);
      if (least > most) continue;
      out.by_span[span].push_back({least, most - least, shape_cost(span, style_.min_story_rows, head)});
      option_versions_[span].push_back(0);
      continue;
    }
    for (version_ = 0; version_ < versions_.size(); ++version_) {
      const int rows = balanced_height(span);
      if (top + rows > max_lines) continue;
      const double smaller = version_ ? style_.shrink_cost * static_cast<double>(version_) : 0;
      out.by_span[span].push_back({top + rows, style_.max_story_air, shape_cost(span, rows, head) + smaller});
      option_versions_[span].push_back(version_);
    }
  }
  version_ = 0;
  return out;
}

int StoryModule::draw_column(size_t from, size_t to, double x, int line, const ModuleArea& area,
                             PageFrame& page) const {
  int last = line - 1;
  for (size_t k = from; k < to; ++k) {
    const Piece& p = pieces_()[k];
    const FlowBlock& b = blocks_()[p.block];
    if (p.space) {
      ++line;
      continue;
    }
    if (b.kind == BlockKind::Figure) {
      place_figure(b, x, line_top(line, area), page);
    } else {
      place_line(b.lines[p.line], x, c_.g.baseline(area.top_line + line), page);
      if (p.line == 0)
        for (const Anchor& a : b.anchors) page.anchors.push_back({a.name, x + a.x, line_top(line, area)});
    }
    line += p.lines;
    last = line - 1;
  }
  return last;
}

void StoryModule::draw(const PackedModule& at, const ModuleArea& area, PageFrame& page) {
  const auto& versions = option_versions_[static_cast<size_t>(at.span)];
  version_ = static_cast<size_t>(at.option) < versions.size() ? versions[static_cast<size_t>(at.option)] : 0;
  if (versions_[version_].scale != 1)  // the trial composer set it: set it again, its warnings reported
    versions_[version_] = set_text(c_, versions_[version_].scale);
  const NewsStyle& s = style_;
  const PageGeometry& g = c_.g;
  const double pad = node_.module().boxed ? s.box_padding_em * g.em : 0;
  const double x0 = left(at.column, area);
  Head head = set_head(c_, at.span);
  // Air: what the packer gave, and any line the text still leaves at the
  // foot (a band taller than the story and its air), so that the text ends at
  // the module's foot and the room shows around the headline, not as a hole.
  const int head_rows = static_cast<int>(head.lines.size()) + s.headline_air_lines;
  const int spare = at.lines - head_rows - at.air - balanced_height(at.span);
  const int air = at.air + std::max(0, spare);
  const int above = air / 2;
  int line = at.line + above;
  for (TypesetLine& l : head.lines) place_line(std::move(l), x0 + pad, g.baseline(area.top_line + line++), page);
  line += s.headline_air_lines + (air - above);
  const int rows = at.line + at.lines - line;
  text_line_ = line;
  std::vector<size_t> starts = balance(first_piece_, at.span, rows);
  if (starts.empty()) {
    // Cut: the columns full, the last line of the last one kept for "（转第N版）".
    starts.push_back(first_piece_);
    size_t i = first_piece_;
    for (int col = 0; col < at.span; ++col) {
      while (i < pieces_().size() && pieces_()[i].space) ++i;
      if (col > 0) starts.push_back(i);
      int used = 0;
      const int room = rows - (col == at.span - 1 ? 1 : 0);
      while (i < pieces_().size() && used + pieces_()[i].lines <= room) used += pieces_()[i++].lines;
    }
    if (i == first_piece_ && i < pieces_().size()) {
      // A figure taller than the whole rectangle: set it (cut at the foot) rather than carry it on for ever.
      c_.diags.error(c_.doc.files, blocks_()[pieces_()[i].block].where, "a figure in " + what() + " is taller than the page",
                     "give the picture a flatter ratio");
      ++i;
    }
    starts.push_back(i);
    cut_piece_ = i;
  } else {
    cut_piece_ = pieces_().size();
  }
  const double step = g.column_width() + g.column_gap;
  feet_.clear();
  for (size_t col = 0; col + 1 < starts.size(); ++col)
    feet_.push_back(draw_column(starts[col], starts[col + 1], x0 + col * step + pad, line, area, page));
  if (was_cut() && !feet_.empty()) feet_.back() = at.line + at.lines - 1;  // its "（转第N版）" line
  if (was_cut() && jump_to_) {
    // 转 in simplified Chinese, 轉 in traditional.
    const std::string turn = model::is_traditional(c_.lang) ? "（轉第" : "（转第";
    const Node note = text_block(NodeKind::Paragraph, turn + std::to_string(jump_to_) + "版）", node_.where);
    for (TypesetLine& l : generated(c_.set(note, Measure{0, text_width_}, setting(1, Align::Right))))
      place_line(std::move(l), x0 + (at.span - 1) * step + pad, g.baseline(area.top_line + at.line + at.lines - 1),
                 page);
  }
  // 栏线: a thin rule in the gap between the story's text columns.
  const double top = line_top(line, area), bottom = line_top(at.line + at.lines, area) - (g.line_pitch - g.em);
  for (int col = 1; col < at.span; ++col) {
    const double x = x0 + col * step - g.column_gap / 2;
    page.items.push_back(Rule{x, top, x, bottom, s.column_rule, s.column_rule_ink, false});
  }
  if (node_.module().fancy) {
    // 花线 (文武线): a thick rule outside, a thin one inside it.
    const Rect outer = frame_rect(at, area, pad / 2 + s.fancy_gap), inner = frame_rect(at, area, pad / 2);
    for (const auto& [rect, width] : {std::pair{outer, s.fancy_thick_rule}, std::pair{inner, s.column_rule}}) {
      Box box;
      box.rect = rect;
      box.stroke = width;
      box.stroke_color = s.rule_ink;
      page.items.push_back(box);
    }
  } else if (node_.module().boxed) {
    Box box;
    box.rect = frame_rect(at, area, pad / 2);
    box.stroke = s.box_rule;
    box.stroke_color = s.rule_ink;
    page.items.push_back(box);
  }
}

// The module's rectangle grown by `out` on every side.
Rect StoryModule::frame_rect(const PackedModule& at, const ModuleArea& area, double out) const {
  const PageGeometry& g = c_.g;
  const double top = line_top(at.line, area);
  const double bottom = line_top(at.line + at.lines, area) - (g.line_pitch - g.em);
  return {left(at.column, area) - out, top - out, width(at.span) + 2 * out, bottom - top + 2 * out};
}

std::unique_ptr<StoryModule> StoryModule::continuation(int from_page) const {
  auto rest = std::make_unique<StoryModule>(*this);
  rest->versions_ = {versions_[version_]};
  rest->version_ = 0;
  rest->first_piece_ = cut_piece_;
  rest->cut_piece_ = pieces_().size();
  rest->continued_from_ = from_page;
  rest->jump_to_ = 0;
  return rest;
}

// ---- pictures --------------------------------------------------------------------------

std::vector<const Node*> PictureModule::figures() const {
  if (node_.kind == NodeKind::Figure) return {&node_};
  std::vector<const Node*> out;
  for (const Node& child : node_.children)
    if (child.kind == NodeKind::Figure) out.push_back(&child);
  return out;
}

const Node* PictureModule::credit() const {
  return node_.kind == NodeKind::PhotoGroup ? child_of_kind(node_, NodeKind::Credit) : nullptr;
}

PictureModule::Grid PictureModule::measure(int span, int across) {
  Grid grid;
  grid.across = across;
  const std::vector<const Node*> pictures = figures();
  const double cell = (width(span) - (across - 1) * c_.g.column_gap) / across;
  int row_lines = 0;
  for (size_t k = 0; k < pictures.size(); ++k) {
    std::vector<NoteCall> calls;
    int lines = 0;
    for (const FlowBlock& b : figure_blocks(trial_, *pictures[k], Measure{0, cell}, NoteNumbers{}, calls))
      lines += b.kind == BlockKind::Figure ? b.figure_lines : static_cast<int>(b.lines.size());
    row_lines = std::max(row_lines, lines);
    if ((k + 1) % across == 0 || k + 1 == pictures.size()) {
      grid.row_lines.push_back(row_lines + (k + 1 == pictures.size() ? 0 : 1));
      row_lines = 0;
    }
  }
  for (int l : grid.row_lines) grid.lines += l;
  if (const Node* by = credit()) grid.lines += static_cast<int>(trial_.set(*by, Measure{0, width(span)}, setting(1, Align::Right)).size());
  return grid;
}

ModuleChoices PictureModule::choices(int max_lines) {
  ModuleChoices out;
  out.by_span.resize(static_cast<size_t>(c_.g.columns) + 1);
  grids_.assign(out.by_span.size(), {});
  const int count = static_cast<int>(figures().size());
  for (int span = 1; span <= c_.g.columns; ++span)
    for (int across = 1; across <= std::min(count, style_.max_photos_across); ++across) {
      const double cell = (width(span) - (across - 1) * c_.g.column_gap) / across;
      if (cell < style_.min_photo_em * c_.g.em && across > 1) break;
      Grid grid = measure(span, across);
      if (grid.lines > max_lines) continue;
      double cost = 0;
      if (count >= 4 && span < 3) cost += (3 - span) * 120.0;
      // Pictures too small to read at newspaper screens.
      if (cell < style_.good_photo_em * c_.g.em) cost += 60;
      // A lone picture in the last row, or a group one picture wide, looks unplanned.
      if (count % across == 1 && across > 1) cost += 30;
      if (count > 1 && across == 1) cost += 60;
      out.by_span[span].push_back({grid.lines, static_cast<int>(grid.row_lines.size()) + 1, cost});
      grids_[span].push_back(std::move(grid));
    }
  return out;
}

void PictureModule::draw(const PackedModule& at, const ModuleArea& area, PageFrame& page) {
  const Grid& grid = grids_[at.span][at.option];
  const std::vector<const Node*> pictures = figures();
  const double cell = (width(at.span) - (grid.across - 1) * c_.g.column_gap) / grid.across;
  const double x0 = left(at.column, area);
  // Air goes under the rows, evenly, then above the credit.
  const int rows = static_cast<int>(grid.row_lines.size());
  int line = at.line, air = at.air;
  for (int r = 0; r < rows; ++r) {
    for (int k = 0; k < grid.across; ++k) {
      const size_t index = static_cast<size_t>(r * grid.across + k);
      if (index >= pictures.size()) break;
      const double x = x0 + k * (cell + c_.g.column_gap);
      std::vector<NoteCall> calls;
      int l = line;
      for (const FlowBlock& b : figure_blocks(c_, *pictures[index], Measure{0, cell}, NoteNumbers{}, calls)) {
        if (b.kind == BlockKind::Figure) {
          place_figure(b, x, line_top(l, area), page);
          l += b.figure_lines;
        } else {
          for (const TypesetLine& t : b.lines) place_line(t, x, c_.g.baseline(area.top_line + l++), page);
        }
      }
      if (!calls.empty())
        c_.diags.warning(c_.doc.files, pictures[index]->where,
                         "footnotes in a newspaper picture's caption are not set on the page",
                         "put the note's text into the caption");
    }
    const int share = air / (rows - r + 1);
    air -= share;
    line += grid.row_lines[r] + share;
  }
  if (const Node* by = credit()) {
    std::vector<TypesetLine> lines = c_.set(*by, Measure{0, width(at.span)}, setting(1, Align::Right));
    int l = at.line + at.lines - static_cast<int>(lines.size());
    for (TypesetLine& t : lines) place_line(std::move(t), x0, c_.g.baseline(area.top_line + l++), page);
  }
}

std::unique_ptr<NewsModule> make_module(Composer& c, Composer& trial, const NewsStyle& style, const Node& node) {
  if (node.kind == NodeKind::Article) return std::make_unique<StoryModule>(c, trial, style, node);
  return std::make_unique<PictureModule>(c, trial, style, node);
}

}  // namespace huozi::layout
