#include "model/layout_attributes.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "model/validators.h"

namespace huozi::model {
namespace {

// An attribute with a few allowed values: `set` gets the value when it is one of them.
template <typename Fn>
void choice(const Cursor& e, const char* name, std::initializer_list<std::string_view> allowed, Fn&& set) {
  pugi::xml_attribute a = e.node().attribute(name);
  if (!a) return;
  std::string_view v = a.value();
  if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
    std::string list;
    for (std::string_view ok : allowed) list += (list.empty() ? "" : " or ") + std::string(ok);
    e.error(std::string(name) + " must be " + list);
    return;
  }
  set(v);
}

void read_trim_size(const Cursor& e, const std::string& size, PageSetup& p) {
  double w = 0, h = 0;
  if (!parse_trim_size(size, w, h)) {
    e.error("size \"" + size + "\" is not a known trim size",
            "use A4, A5, B5, 16开, 大32开, 32开 or WxHmm such as 148x210mm (50–2000 mm)");
    return;
  }
  p.size_name = size;
  p.page_width = w * kPointsPerMm;
  p.page_height = h * kPointsPerMm;
}

void read_body_size(const Cursor& e, PageSetup& p) {
  pugi::xml_attribute a = e.node().attribute("body-size");
  if (!a) return;
  double pt = chinese_type_size_pt(a.value());
  if (pt == 0 && !parse_length(a.value(), 10.5, pt))
    e.error("body-size \"" + std::string(a.value()) + "\" is not a size", "write e.g. 10.5pt or 五号");
  else if (pt < 4 || pt > 72)
    e.error("body-size must be between 4pt and 72pt");
  else
    p.body_size = pt;
}

// A length in points (ems of the body size), left as it is when absent or wrong.
void read_length(const Cursor& e, const char* name, const PageSetup& p, double& out) {
  if (auto a = e.node().attribute(name); a && !parse_length(a.value(), p.body_size, out))
    e.error(std::string(name) + " \"" + a.value() + "\" is not a length", "write e.g. 20mm, 36pt or 2em");
}

void read_leading_and_columns(const Cursor& e, PageSetup& p) {
  // A wrong value leaves the default, so the text-area check that follows
  // does not add a second, misleading error.
  if (auto a = e.node().attribute("leading")) {
    double leading = 0;
    if (!parse_number(a.value(), leading))
      e.error("leading \"" + std::string(a.value()) + "\" is not a number", "write e.g. leading=\"1.7\"");
    else if (!(leading >= 1 && leading <= 3))
      e.error("leading must be a multiple of the body size between 1 and 3", "write e.g. leading=\"1.7\"");
    else
      p.leading = leading;
  }
  if (auto a = e.node().attribute("columns")) {
    int columns = 0;
    if (!parse_whole_number(a.value(), columns) || columns < 1 || columns > 8)
      e.error("columns must be a whole number between 1 and 8", "write e.g. columns=\"2\"");
    else
      p.columns = columns;
  }
  if (auto a = e.node().attribute("column-gap")) {
    double pt = 0;
    if (!parse_length(a.value(), p.body_size, pt))
      e.error("column-gap is not a length", "write e.g. 2em");
    else
      p.column_gap_em = pt / p.body_size;
  }
}

// The print profile (docs/print.md).
void read_print(const Cursor& e, PageSetup& p) {
  choice(e, "print", {"yes", "no"}, [&](std::string_view v) { p.print = v == "yes"; });
  choice(e, "binding", {"perfect", "saddle"}, [&](std::string_view v) { p.saddle_stitch = v == "saddle"; });
  read_length(e, "bleed", p, p.bleed);
  if (p.bleed < 0 || p.bleed > 72) e.error("bleed must be between 0 and 25mm", "write e.g. bleed=\"3mm\"");
  choice(e, "paper", {"coated", "newsprint"}, [&](std::string_view v) {
    p.paper = v == "newsprint" ? PageSetup::Paper::Newsprint : PageSetup::Paper::Coated;
  });
  choice(e, "cover", {"yes", "no"},
         [&](std::string_view v) { p.cover = v == "yes" ? PageSetup::Cover::Yes : PageSetup::Cover::No; });
  read_length(e, "paper-thickness", p, p.paper_thickness);
  if (p.paper_thickness <= 0 || p.paper_thickness > 5.7)
    e.error("paper-thickness must be more than 0 and at most 2mm", "write e.g. paper-thickness=\"0.1mm\"");
}

void check_text_area(const Cursor& e, const PageSetup& p, bool vertical) {
  if (const std::optional<TextAreaProblem> problem = text_area_problem(p, vertical)) e.error(problem->what, problem->hint);
}

}  // namespace

// Margins and column gaps may leave no room on the page: the PDF would be
// set on a text area of negative size. One character across a column and
// one line down are the least a page can hold. A vertical page's columns
// are its lines, down its height (layout/page_geometry.h turned_setup).
std::optional<TextAreaProblem> text_area_problem(const PageSetup& p, bool vertical) {
  double width = p.page_width - p.margin_inner - p.margin_outer;
  double height = p.page_height - p.margin_top - p.margin_bottom;
  const double across = vertical ? height : width, down = vertical ? width : height;
  double column = (across - (p.columns - 1) * p.column_gap_em * p.body_size) / p.columns;
  auto mm = [](double pt) {
    return std::to_string(static_cast<int>(std::lround(pt / kPointsPerMm))) + " mm";
  };
  if (across < p.body_size || down < p.body_size * p.leading)
    return TextAreaProblem{"the margins leave no room for text on a page of " + mm(p.page_width) + " × " +
                               mm(p.page_height) + " (" + mm(std::max(width, 0.0)) + " × " +
                               mm(std::max(height, 0.0)) + " inside them)",
                           "make the margins smaller or the page larger"};
  // A vertical column's chapter title stands three characters below the head: room for it and two more.
  const double least = vertical ? 6 * p.body_size : p.body_size;
  if (column < least)
    return TextAreaProblem{"each of the " + std::to_string(p.columns) + " columns is " +
                               (vertical ? "shorter than six characters (" : "narrower than one character (") +
                               mm(std::max(column, 0.0)) + ")",
                           vertical ? "use fewer columns, a smaller column-gap or a taller page"
                                    : "use fewer columns or a smaller column-gap"};
  return std::nullopt;
}

void read_layout(const Cursor& e, PageSetup& p, bool vertical) {
  e.check_attributes({"size", "margin-top", "margin-bottom", "margin-inner", "margin-outer", "body-size",
                      "leading", "columns", "column-gap", "footnotes", "running-heads", "chapter-start",
                      "toc", "print", "bleed", "binding", "paper", "cover", "paper-thickness", "line-start-brackets",
                      "hanging-punctuation", "han-digit-space"},
                     false);
  for (pugi::xml_node child : e.node().children())
    if (child.type() == pugi::node_element ||
        (child.type() == pugi::node_pcdata && !is_space_only(child.value())))
      e.at(child).error("<layout> takes attributes only");
  if (auto size = e.node().attribute("size")) read_trim_size(e, size.value(), p);
  read_body_size(e, p);
  read_length(e, "margin-top", p, p.margin_top);
  read_length(e, "margin-bottom", p, p.margin_bottom);
  read_length(e, "margin-inner", p, p.margin_inner);
  read_length(e, "margin-outer", p, p.margin_outer);
  read_leading_and_columns(e, p);
  choice(e, "footnotes", {"chapter", "page"},
         [&](std::string_view v) { p.footnotes_per_page = v == "page"; });
  choice(e, "running-heads", {"yes", "no"}, [&](std::string_view v) { p.running_heads = v == "yes"; });
  choice(e, "chapter-start", {"any", "recto"}, [&](std::string_view v) { p.chapter_recto = v == "recto"; });
  choice(e, "toc", {"yes", "no"}, [&](std::string_view v) { p.toc = v == "yes"; });
  choice(e, "line-start-brackets", {"full", "half"},
         [&](std::string_view v) { p.half_width_line_start = v == "half"; });
  choice(e, "hanging-punctuation", {"no", "yes"}, [&](std::string_view v) { p.hanging_punctuation = v == "yes"; });
  choice(e, "han-digit-space", {"yes", "no"}, [&](std::string_view v) { p.han_digit_space = v == "yes"; });
  read_print(e, p);
  check_text_area(e, p, vertical);
}

}  // namespace huozi::model
