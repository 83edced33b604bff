#include "layout/newspaper.h"

#include <algorithm>
#include <memory>

#include "layout/news_furniture.h"
#include "layout/news_modules.h"
#include "layout/news_pack.h"
#include "layout/source_map.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

// The lead story opens the page at the top left: pictures the source puts
// before it (they are not in the text's reading order) come right after it.
void lead_first(std::vector<std::unique_ptr<NewsModule>>& modules) {
  for (size_t i = 0; i < modules.size(); ++i) {
    const Node& n = modules[i]->node();
    if (n.kind != NodeKind::Article) continue;
    if (n.module().importance == model::Importance::Lead && !n.module().placed())
      std::rotate(modules.begin(), modules.begin() + static_cast<long>(i), modules.begin() + static_cast<long>(i) + 1);
    return;
  }
}

// Moves v[from] to index `to`, the others keeping their order.
template <typename T>
void move_to(std::vector<T>& v, size_t from, size_t to) {
  const auto at = [&](size_t i) { return v.begin() + static_cast<long>(i); };
  if (from < to)
    std::rotate(at(from), at(from + 1), at(to + 1));
  else
    std::rotate(at(to), at(from), at(from + 1));
}

// One page of the edition being made: its source (null for a continuation
// page huozi adds), its number (版次), and the modules it holds.
struct SheetPlan {
  const Node* page = nullptr;
  int number = 0;
  std::string name;
  std::vector<std::unique_ptr<NewsModule>> modules;
};

// Whether the editor placed every module of the page (a dummy, 版样).
bool placed_page(const SheetPlan& plan) {
  return plan.page && !plan.modules.empty() &&
         std::all_of(plan.modules.begin(), plan.modules.end(), [](const auto& m) {
           const auto* story = dynamic_cast<const StoryModule*>(m.get());
           return m->node().module().placed() && !(story && story->continued_from());
         });
}

class Edition {
 public:
  Edition(Composer& c, text::FontDb& fonts, const std::function<void(PageFrame&&)>& sink, const NewsStyle& style)
      : c_(c), trial_(c.doc, fonts, scratch_), sink_(sink), style_(style), g_(c.g) {}

  NewspaperResult run();

 private:
  Composer& c_;
  DiagnosticList scratch_;  // the trial composer's: settings tried and thrown away
  Composer trial_;
  const std::function<void(PageFrame&&)>& sink_;
  const NewsStyle& style_;
  const PageGeometry& g_;
  NewspaperResult result_;
  int anchors_ = 0;

  void make_sheet(SheetPlan& plan, SheetPlan* next, int physical);
  Packing compose(SheetPlan& plan, const ModuleArea& area, std::vector<std::unique_ptr<NewsModule>>& carried,
                  int jump_to);
  Packing placed(SheetPlan& plan, const ModuleArea& area, int jump_to);
  Packing move_pictures(SheetPlan& plan, std::vector<ModuleChoices>& choices, const ModuleArea& area,
                        const PackRules& rules, Packing best);
  Packing first_does_not_fit(SheetPlan& plan, std::vector<std::unique_ptr<NewsModule>>& carried);
  void report_short(const NewsModule& module, const PackedModule& at);
  void report_short_page(const SheetPlan& plan, const Packing& packing);
  void record(const SheetPlan& plan, NewsModule& module, const PackedModule& at, const ModuleArea& area,
              PageFrame& page);
  NewsFurniture furniture_{c_, style_};
  double block_left(bool recto) const { return g_.column_left(0, recto); }
  double line_top(int line) const { return g_.baseline(line) - kAscentEm * g_.em; }
};

NewspaperResult Edition::run() {
  std::vector<SheetPlan> plans;
  for (const Node* page : model::newspaper_pages(c_.doc)) {
    SheetPlan plan;
    plan.page = page;
    plan.number = page->number ? page->number : (plans.empty() ? 1 : plans.back().number + 1);
    plan.name = page->label();
    for (const Node& child : page->children)
      if (child.kind != NodeKind::Banner) plan.modules.push_back(make_module(c_, trial_, style_, child));
    lead_first(plan.modules);
    plans.push_back(std::move(plan));
  }
  // Pages are drawn in order; what a page cannot hold goes first on the next
  // page huozi composes (a page the editor placed keeps its dummy: jumps pass
  // it by), or on a page added after the last. `plans` always ends in such an
  // added page, still empty; it is drawn only once something has gone to it.
  auto added_after = [&](const SheetPlan& last) {
    SheetPlan extra;
    extra.number = last.number + 1;
    extra.name = last.name;
    return extra;
  };
  plans.push_back(added_after(plans.back()));
  for (size_t i = 0; i + 1 < plans.size(); ++i) {
    size_t next = i + 1;
    while (next + 1 < plans.size() && placed_page(plans[next])) ++next;
    make_sheet(plans[i], &plans[next], static_cast<int>(i) + 1);
    if (!plans.back().modules.empty()) plans.push_back(added_after(plans.back()));
  }
  return std::move(result_);
}

void Edition::make_sheet(SheetPlan& plan, SheetPlan* next, int physical) {
  PageFrame page;
  page.width = g_.page_width;
  page.height = g_.page_height;
  page.number = physical;
  page.label = std::to_string(plan.number);
  const bool recto = plan.number % 2 == 1;
  int line = draw_news_head(furniture_, plan.page, plan.number, plan.name, recto, page);
  const Node* source = plan.page;
  if (source && !source->children.empty() && source->children.front().kind == NodeKind::Banner)
    line = draw_banner(furniture_, source->children.front(), line, recto, page);
  ModuleArea area{line, g_.lines - line, recto};
  // The page's bookmark, then its stories'.
  std::string anchor = source && !source->id().empty() ? source->id() : "huozi-page" + std::to_string(physical);
  page.anchors.push_back({anchor, block_left(recto), 0});
  result_.outline.push_back({"第" + std::to_string(plan.number) + "版" + (plan.name.empty() ? "" : "　" + plan.name),
                             1, physical, 0, anchor});
  std::vector<std::unique_ptr<NewsModule>> carried;
  const bool all_placed = placed_page(plan);
  const int jump_to = next ? next->number : 0;
  Packing packing = all_placed ? placed(plan, area, jump_to) : compose(plan, area, carried, jump_to);
  for (size_t i = 0; i < packing.modules.size(); ++i) {
    plan.modules[i]->draw(packing.modules[i], area, page);
    record(plan, *plan.modules[i], packing.modules[i], area, page);
    if (all_placed) report_short(*plan.modules[i], packing.modules[i]);
    if (auto* story = dynamic_cast<StoryModule*>(plan.modules[i].get()); story && story->was_cut()) {
      auto rest = story->continuation(plan.number);
      c_.diags.warning(c_.doc.files, story->node().where,
                       story->what() + " does not fit on page " + std::to_string(plan.number) + ": " +
                           std::to_string(rest->text_lines()) + " lines of it go on on page " +
                           std::to_string(next->number) + " (转第" + std::to_string(next->number) + "版)",
                       "shorten the story, give it more room, or leave it so: the jump is marked on both pages");
      carried.insert(carried.begin(), std::move(rest));
    }
  }
  draw_module_rules(furniture_, packing.modules, area, page);
  // What did not fit goes first on the next page.
  if (next)
    for (auto it = carried.rbegin(); it != carried.rend(); ++it) next->modules.insert(next->modules.begin(), std::move(*it));
  ++result_.pages;
  number_source_lines(page, g_, recto);
  sink_(std::move(page));
}

// The modules where the editor placed them: each as given; a story longer
// than its rectangle is cut, and goes on on the next page.
Packing Edition::placed(SheetPlan& plan, const ModuleArea& area, int jump_to) {
  Packing packing;
  packing.ok = true;
  for (auto& module : plan.modules) {
    const model::ModuleSpec& spec = module->node().module();
    PackedModule at{spec.column - 1, spec.row - 1, spec.span, spec.rows, 0, 0};
    if (at.line + at.lines > area.lines) {
      c_.diags.error(c_.doc.files, module->node().where,
                     module->what() + " reaches line " + std::to_string(at.line + at.lines) + " of a page whose modules have " +
                         std::to_string(area.lines) + " lines under the head and banner",
                     "make row + rows - 1 at most " + std::to_string(area.lines));
      at.lines = std::max(1, area.lines - at.line);
      at.line = std::min(at.line, area.lines - 1);
    }
    // The option the module draws with: the one nearest the placed height.
    ModuleChoices choices = module->choices(area.lines);
    const auto& options = choices.by_span[static_cast<size_t>(at.span)];
    int best = -1;
    for (size_t o = 0; o < options.size(); ++o)
      if (options[o].lines <= at.lines && (best < 0 || options[o].lines > options[static_cast<size_t>(best)].lines))
        best = static_cast<int>(o);
    if (auto* story = dynamic_cast<StoryModule*>(module.get())) {
      if (best < 0) story->set_jump_to(jump_to);
      at.air = best < 0 ? 0 : std::min(style_.max_story_air, at.lines - options[static_cast<size_t>(best)].lines);
    } else if (best < 0) {
      c_.diags.error(c_.doc.files, module->node().where,
                     module->what() + " needs more than its " + std::to_string(at.lines) + " lines at " +
                         std::to_string(at.span) + " columns",
                     "give it more rows or columns");
      best = 0;
      if (options.empty()) continue;
    } else {
      at.air = at.lines - options[static_cast<size_t>(best)].lines;
    }
    at.option = std::max(0, best);
    packing.modules.push_back(at);
  }
  (void)plan;
  return packing;
}

// The modules composed: packed to fill the area; when they cannot all fit,
// as many as fit, the next story cut at the page's foot, and the rest to
// `carried` for the next page.
Packing Edition::compose(SheetPlan& plan, const ModuleArea& area, std::vector<std::unique_ptr<NewsModule>>& carried,
                         int jump_to) {
  std::vector<ModuleChoices> choices;
  for (auto& m : plan.modules) {
    choices.push_back(m->choices(area.lines));
    // span= alone: the editor chose the width, huozi chooses the place (a
    // continuation takes any width).
    const auto* story = dynamic_cast<const StoryModule*>(m.get());
    if (const int span = m->node().module().span; span > 0 && !(story && story->continued_from()))
      for (size_t w = 0; w < choices.back().by_span.size(); ++w)
        if (static_cast<int>(w) != span) choices.back().by_span[w].clear();
  }
  // A page huozi adds for what jumps holds what is left: it fills from the
  // top and may end short, rather than stretch stories to its foot.
  PackRules rules;
  if (!plan.page) rules.empty_cost = 1;
  Packing packing = pack_modules(choices, g_.columns, area.lines, rules);
  if (packing.ok && packing.empty_lines > 0) packing = move_pictures(plan, choices, area, rules, packing);
  if (packing.ok && plan.page && packing.empty_lines > g_.columns) report_short_page(plan, packing);
  if (packing.ok || plan.modules.empty()) return packing;
  // Fewer: the most modules that fit whole (found by halving: fewer never
  // fit worse), then the next one cut if it is a story.
  auto whole = [&](size_t keep) {
    if (keep == 0) return Packing{};
    std::vector<ModuleChoices> some(choices.begin(), choices.begin() + static_cast<long>(keep));
    return pack_modules(some, g_.columns, area.lines, rules);
  };
  size_t lo = 0, hi = std::min(plan.modules.size() - 1, static_cast<size_t>(kMaxPackedModules));
  while (lo < hi) {
    const size_t mid = (lo + hi + 1) / 2;
    if (whole(mid).ok)
      lo = mid;
    else
      hi = mid - 1;
  }
  auto* story = dynamic_cast<StoryModule*>(plan.modules[lo].get());
  if (story && jump_to && lo < static_cast<size_t>(kMaxPackedModules)) {
    std::vector<ModuleChoices> some(choices.begin(), choices.begin() + static_cast<long>(lo));
    some.push_back(story->cut_choices(area.lines));
    packing = pack_modules(some, g_.columns, area.lines, rules);
    if (packing.ok) story->set_jump_to(jump_to);
  }
  if (!packing.ok) packing = whole(lo);
  if (!packing.ok) return first_does_not_fit(plan, carried);
  const size_t placed = packing.modules.size();
  if (placed < plan.modules.size()) {
    std::string moved;
    for (size_t k = placed; k < plan.modules.size(); ++k) moved += (moved.empty() ? "" : ", ") + plan.modules[k]->what();
    const size_t count = plan.modules.size() - placed;
    c_.diags.warning(c_.doc.files, plan.modules[placed]->node().where,
                     "page " + std::to_string(plan.number) + " is full: " + std::to_string(count) +
                         (count == 1 ? " module goes" : " modules go") + " to page " + std::to_string(jump_to) + " (" +
                         moved + ")",
                     "shorten the page's stories, or move these to a page of their own");
  }
  for (size_t k = placed; k < plan.modules.size(); ++k) carried.push_back(std::move(plan.modules[k]));
  plan.modules.resize(placed);
  return packing;
}

// Pictures are not in the text's reading order: when the page has a hole, a
// picture module may move to another place in the order (never before the
// lead) if that packs the page better. One pass, a picture at a time.
Packing Edition::move_pictures(SheetPlan& plan, std::vector<ModuleChoices>& choices, const ModuleArea& area,
                               const PackRules& rules, Packing best) {
  const size_t n = plan.modules.size();
  const size_t first = !plan.modules.empty() && plan.modules.front()->node().module().importance ==
                                                    model::Importance::Lead ? 1 : 0;
  for (size_t p = 0; p < n && best.empty_lines > 0; ++p) {
    if (plan.modules[p]->node().kind == NodeKind::Article) continue;
    size_t from = p, to_best = p;
    for (size_t to = first; to < n; ++to) {
      if (to == from) continue;
      std::vector<ModuleChoices> order = choices;
      move_to(order, from, to);
      Packing tried = pack_modules(order, g_.columns, area.lines, rules);
      if (tried.ok && tried.cost < best.cost) {
        best = std::move(tried);
        to_best = to;
      }
    }
    if (to_best == from) continue;
    move_to(choices, from, to_best);
    move_to(plan.modules, from, to_best);
  }
  return best;
}

// A first module that fits no page (a picture group taller than the page):
// an error (nothing is written), and the page goes on without it.
Packing Edition::first_does_not_fit(SheetPlan& plan, std::vector<std::unique_ptr<NewsModule>>& carried) {
  c_.diags.error(c_.doc.files, plan.modules.front()->node().where,
                 plan.modules.front()->what() + " does not fit on an empty page",
                 "make it smaller (fewer pictures, or a placed size), or give the page more columns");
  for (size_t k = 1; k < plan.modules.size(); ++k) carried.push_back(std::move(plan.modules[k]));
  plan.modules.clear();
  return Packing{};
}

// A page whose copy does not fill it: the editor adds copy or a picture (or
// takes a story from the next page).
void Edition::report_short_page(const SheetPlan& plan, const Packing& packing) {
  c_.diags.warning(c_.doc.files, plan.page->where,
                   "page " + std::to_string(plan.number) + " is short: " + std::to_string(packing.empty_lines) +
                       " column-lines stay empty at the foot of its columns",
                   "add about " + std::to_string(packing.empty_lines * g_.column_em) +
                       " characters of copy, or a picture, or give a story more importance");
}

// A placed story that ends well above its rectangle's foot leaves a hole the editor should see.
void Edition::report_short(const NewsModule& module, const PackedModule& at) {
  const std::vector<int> feet = module.feet();
  if (feet.empty()) return;
  const int empty = at.line + at.lines - 1 - *std::max_element(feet.begin(), feet.end());
  if (empty <= 1) return;
  c_.diags.warning(c_.doc.files, module.node().where,
                   module.what() + " ends " + std::to_string(empty) + " lines above the foot of its rectangle",
                   "give it " + std::to_string(at.lines - empty) + " rows, or fewer columns");
}

// The module's rectangle for `huozi pages`, and a story's anchor and bookmark.
void Edition::record(const SheetPlan& plan, NewsModule& module, const PackedModule& at, const ModuleArea& area,
                     PageFrame& page) {
  const double step = g_.column_width() + g_.column_gap;
  const double x = block_left(area.recto) + at.column * step;
  const double y = line_top(area.top_line + at.line);
  ModuleRect r = module_rect(module.what(), at.line, at.span, at.lines,
                             {x, y, at.span * step - g_.column_gap,
                              line_top(area.top_line + at.line + at.lines) - y - (g_.line_pitch - g_.em)});
  r.column = at.column;
  r.column_feet = module.feet();
  r.text_line = module.text_line();
  page.modules.push_back(std::move(r));
  const Node& n = module.node();
  if (n.kind != NodeKind::Article) return;
  auto* story = dynamic_cast<StoryModule*>(&module);
  std::string anchor = n.id().empty() ? "huozi-story" + std::to_string(++anchors_) : n.id();
  if (story && story->continued_from()) anchor += "-continued";
  page.anchors.push_back({anchor, x, y});
  std::string title = heading_text(n);
  if (story && story->continued_from()) title += "（上接第" + std::to_string(story->continued_from()) + "版）";
  result_.outline.push_back({title, 2, page.number, y, anchor});
  (void)plan;
}

}  // namespace

NewspaperResult lay_out_newspaper(Composer& c, text::FontDb& fonts, const std::function<void(PageFrame&&)>& sink,
                                  const NewsStyle& style) {
  return Edition(c, fonts, sink, style).run();
}

}  // namespace huozi::layout
