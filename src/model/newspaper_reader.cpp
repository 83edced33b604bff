#include "model/newspaper_reader.h"

#include "model/validators.h"

namespace huozi::model {
namespace {

// A whole number attribute from `least` to `most`; 0 when absent.
int whole_attribute(const Cursor& e, const char* name, int least, int most, const char* hint) {
  pugi::xml_attribute a = e.node().attribute(name);
  if (!a) return 0;
  int v = 0;
  if (!parse_whole_number(a.value(), v) || v < least || v > most) {
    e.error(std::string(name) + "=\"" + a.value() + "\" is not a whole number from " + std::to_string(least) +
                " to " + std::to_string(most),
            hint);
    return 0;
  }
  return v;
}

// Grid lines a placed module may start at or take: a generous bound; the
// page's real line count is known after layout, which checks it again.
constexpr int kMaxRows = 1000;

// Whether the source gives the module a place (column, row or rows written),
// valid or not: a place with a bad value is reported once, where it is read.
bool gives_place(const Cursor& e) {
  const pugi::xml_node& n = e.node();
  return n.attribute("column") || n.attribute("row") || n.attribute("rows");
}

}  // namespace

void read_page_attributes(const Cursor& e, Node& page) {
  e.check_attributes({"number", "name", "paper", "editor", "designer", "proofreader"});
  page.number = whole_attribute(e, "number", 1, 999, "write the page's number (版次), e.g. number=\"3\"");
  page.set_label(e.node().attribute("name").value());
  PageHead head;
  head.paper = e.node().attribute("paper").value();
  const std::pair<const char*, const char*> staff[] = {
      {"editor", "责任编辑"}, {"designer", "美术编辑"}, {"proofreader", "校对"}};
  for (const auto& [attribute, title] : staff)
    if (const char* name = e.node().attribute(attribute).value(); *name) head.staff.emplace_back(title, name);
  page.set_page_head(std::move(head));
}

void read_module_attributes(const Cursor& e, Node& module, int columns, bool is_article) {
  ModuleSpec m;
  const std::string where_hint =
      "columns count from 1 at the left, rows (grid lines) from 1 under the banner";
  m.span = whole_attribute(e, "span", 1, columns, "a module spans 1 to as many columns as the page has");
  m.column = whole_attribute(e, "column", 1, columns, where_hint.c_str());
  m.row = whole_attribute(e, "row", 1, kMaxRows, where_hint.c_str());
  m.rows = whole_attribute(e, "rows", 1, kMaxRows, "rows is the module's height in grid lines");
  const pugi::xml_node& n = e.node();
  const bool any_place = gives_place(e);
  if (any_place &&
      !(n.attribute("column") && n.attribute("row") && n.attribute("rows") && n.attribute("span")))
    e.error(
        "a placed module needs all of column, row, span and rows",
        "give all four (e.g. column=\"1\" row=\"1\" span=\"3\" rows=\"40\"), or none to let huozi compose "
        "the page");
  else if (m.column && m.column + m.span - 1 > columns)
    e.error("the module reaches column " + std::to_string(m.column + m.span - 1) + " of a page of " +
                std::to_string(columns) + " columns",
            "make column + span - 1 at most " + std::to_string(columns));
  if (!(m.column && m.row && m.rows && m.span)) m.column = m.row = m.rows = 0;  // reported: compose it
  if (is_article) {
    std::string_view importance = e.node().attribute("importance").as_string("normal");
    if (importance == "lead")
      m.importance = Importance::Lead;
    else if (importance == "major")
      m.importance = Importance::Major;
    else if (importance == "brief")
      m.importance = Importance::Brief;
    else if (importance != "normal")
      e.error("unknown importance \"" + std::string(importance) + "\"", "use lead, major, normal or brief");
    std::string_view fit = e.node().attribute("fit").as_string("jump");
    m.shrink = fit == "shrink";
    if (fit != "jump" && fit != "shrink")
      e.error("fit must be jump or shrink", "shrink: set the story smaller rather than jump to another page");
    std::string_view boxed = e.node().attribute("boxed").as_string("no");
    m.boxed = boxed == "yes" || boxed == "fancy";
    m.fancy = boxed == "fancy";
    if (boxed != "yes" && boxed != "no" && boxed != "fancy")
      e.error("boxed must be yes, fancy or no", "fancy: a frame of 花线, a thick and a thin rule");
  }
  module.set_module(m);
}

void check_placements(const std::vector<std::pair<Cursor, const Node*>>& modules) {
  size_t placed = 0;
  for (const auto& [e, n] : modules) placed += gives_place(e);
  if (placed == 0) return;
  if (placed != modules.size()) {
    for (const auto& [e, n] : modules)
      if (!gives_place(e))
        e.error(
            "this module has no place while others on its page have",
            "place every module of a page (column, row, span, rows) or none, and huozi composes the page");
    return;
  }
  for (size_t i = 0; i < modules.size(); ++i)
    for (size_t j = 0; j < i; ++j) {
      const ModuleSpec &a = modules[i].second->module(), &b = modules[j].second->module();
      if (!a.placed() || !b.placed()) continue;  // a bad place, reported
      const bool apart = a.column + a.span <= b.column || b.column + b.span <= a.column ||
                         a.row + a.rows <= b.row || b.row + b.rows <= a.row;
      if (apart) continue;
      const SourceLocation other = modules[j].first.where();
      modules[i].first.error("this module overlaps the one at line " + std::to_string(other.line) +
                                 ", column " + std::to_string(other.column),
                             "modules are rectangles that must not overlap: move or shrink one of them");
    }
}

}  // namespace huozi::model
