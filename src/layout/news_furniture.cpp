#include "layout/news_furniture.h"

#include "model/metadata.h"

namespace huozi::layout {

using model::Node;
using model::NodeKind;

// A rectangle for `huozi pages`; line -1: above the module area (head, banner).
ModuleRect module_rect(std::string what, int line, int span, int lines, Rect rect) {
  ModuleRect r;
  r.what = std::move(what);
  r.line = line;
  r.span = span;
  r.lines = lines;
  r.rect = rect;
  return r;
}

// The head: the page's number and name at the outer edge, the paper and the
// date at the inner, the editor line under them, a thick and a thin rule.
int draw_news_head(const NewsFurniture& f, const model::Node* source, int number,
                   const std::string& page_name, bool recto, PageFrame& page) {
  Composer& c = f.c;
  const PageGeometry& g = c.g;
  const NewsStyle& s = f.style;
  const double left = f.block_left(recto), right = left + g.block_width;
  const model::PageHead& head = source ? source->page_head() : model::PageHead{};
  const std::string paper = head.paper.empty() ? c.doc.metadata.publisher : head.paper;
  // Page 1 carries the nameplate (报头): the paper's name large across the top.
  int first = 0;
  if (source && number == 1 && !paper.empty()) {
    for (TypesetLine& l : c.set(text_block(NodeKind::Title, paper, source->where), Measure{0, g.block_width},
                                setting(s.nameplate_scale, Align::Centre)))
      place_line(std::move(l), left, g.baseline(first++), page);
  }
  const double base0 = g.baseline(first), base1 = g.baseline(first + 1);
  double w = 0;
  const std::string page_number = "第" + std::to_string(number) + "版";
  std::string name = page_name;
  // The outer edge: the number, then the page's name.
  std::vector<PageItem> numberitems =
      c.set_string(page_number, text::Role::Heading, f.em(s.head_page_scale), w);
  double numberw = w;
  std::vector<PageItem> name_items =
      name.empty() ? std::vector<PageItem>{}
                   : c.set_string(name, text::Role::Heading, f.em(s.head_page_scale), w);
  double name_w = name.empty() ? 0 : w;
  const double gap = f.em(1);
  const double outer_w = numberw + (name.empty() ? 0 : gap + name_w);
  double x = recto ? right - outer_w : left;
  for (PageItem& i : numberitems) translate(i, x, base0), page.items.push_back(std::move(i));
  x += numberw + gap;
  for (PageItem& i : name_items) translate(i, x, base0), page.items.push_back(std::move(i));
  // The inner edge: paper (unless the nameplate shows it) and date.
  const std::string date = model::chinese_date(c.doc.metadata.date);
  std::string line = first || paper.empty() ? date : paper + "　　" + date;
  std::vector<PageItem> paper_items = c.set_string_within(line, text::Role::Heading, f.em(s.head_paper_scale),
                                                          g.block_width - outer_w - 2 * gap, w);
  x = recto ? left : right - w;
  for (PageItem& i : paper_items) translate(i, x, base0), page.items.push_back(std::move(i));
  // The editor line, small, under the paper.
  std::string staff;
  for (const auto& [role, who] : head.staff) staff += (staff.empty() ? "" : "　") + role + "：" + who;
  if (!staff.empty()) {
    std::vector<PageItem> staff_items =
        c.set_string_within(staff, text::Role::Body, f.em(s.head_staff_scale), g.block_width / 2, w);
    x = recto ? left : right - w;
    for (PageItem& i : staff_items) translate(i, x, base1), page.items.push_back(std::move(i));
  }
  // A thick rule, a thin one under it, across the page, under line 1.
  const double y = base1 + (g.line_pitch - kAscentEm * g.em) * 0.55 + s.head_rule / 2;
  page.items.push_back(Rule{left, y, right, y, s.head_rule, s.rule_ink, false});
  const double y2 = y + s.head_rule / 2 + s.head_rule_gap + s.head_thin_rule / 2;
  page.items.push_back(Rule{left, y2, right, y2, s.head_thin_rule, s.rule_ink, false});
  page.modules.push_back(module_rect(first ? "nameplate" : "head", -1, g.columns, 0,
                                     {left, f.line_top(0), g.block_width, y2 - f.line_top(0)}));
  return first + s.head_lines;
}

// The banner: kicker, title, subtitle, centred across every column.
int draw_banner(const NewsFurniture& f, const Node& banner, int line, bool recto, PageFrame& page) {
  Composer& c = f.c;
  const PageGeometry& g = c.g;
  const NewsStyle& s = f.style;
  const double left = f.block_left(recto);
  const Measure m{0, g.block_width};
  const int first = line;
  std::vector<TypesetLine> lines;
  auto add = [&](NodeKind kind, double scale) {
    for (const Node& child : banner.children)
      if (child.kind == kind)
        for (TypesetLine& l : c.set(child, m, setting(scale, Align::Centre))) lines.push_back(std::move(l));
  };
  add(NodeKind::Kicker, s.banner_kicker_scale);
  add(NodeKind::Title, s.banner_scale);
  add(NodeKind::Subtitle, s.banner_subtitle_scale);
  for (TypesetLine& l : lines) {
    for (PageItem& i : l.items) translate(i, left, g.baseline(line)), page.items.push_back(std::move(i));
    for (SourceLine& from : l.sources) translate(from, left, g.baseline(line)), page.source_lines.push_back(from);
    ++line;
  }
  line += s.banner_air_lines;
  page.modules.push_back(
      module_rect("banner", -1, g.columns, 0,
                  {left, f.line_top(first), g.block_width, f.line_top(line) - f.line_top(first)}));
  return line;
}

// 细线 between modules: under each module that has another below it, and in
// the gap right of each module that has another beside it.
void draw_module_rules(const NewsFurniture& f, const std::vector<PackedModule>& modules,
                       const ModuleArea& area, PageFrame& page) {
  const PageGeometry& g = f.c.g;
  const NewsStyle& s = f.style;
  const double step = g.column_width() + g.column_gap;
  auto top = [&](int line) { return f.line_top(area.top_line + line); };
  for (const PackedModule& m : modules) {
    const double x0 = f.block_left(area.recto) + m.column * step;
    const double x1 = x0 + m.span * step - g.column_gap;
    const int end = m.line + m.lines;
    const bool below = end < area.lines;  // another module under it (or white the editor left)
    const int gap = std::max(1, m.gap_below);
    if (below) {
      const double y = (top(end) + top(end + gap)) / 2 - (g.line_pitch - g.em) / 2;
      page.items.push_back(Rule{x0, y, x1, y, s.module_rule, s.rule_ink, false});
    }
    if (m.column + m.span < g.columns) {
      const double x = x1 + g.column_gap / 2;
      const double bottom = below ? top(end + gap) : top(end) - (g.line_pitch - g.em);
      page.items.push_back(Rule{x, top(m.line) - (m.line ? (g.line_pitch - g.em) : 0), x, bottom,
                                s.module_rule, s.rule_ink, false});
    }
  }
}

}  // namespace huozi::layout
