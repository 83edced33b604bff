#include "model/inline_reader.h"

#include <string>

#include "model/validators.h"

namespace huozi::model {
namespace {

struct InlineSpec {
  const char* name;
  NodeKind kind;
};
constexpr InlineSpec kInlineElements[] = {
    {"em", NodeKind::Emphasis}, {"strong", NodeKind::Strong}, {"dot", NodeKind::EmphasisDots},
    {"a", NodeKind::Link},      {"ruby", NodeKind::Ruby},     {"br", NodeKind::LineBreak},
    {"code", NodeKind::Code},   {"span", NodeKind::Span},     {"note", NodeKind::Footnote},
    {"tcy", NodeKind::TateChuYoko},
};

Node text_node(const Cursor& at) {
  Node text;
  text.kind = NodeKind::Text;
  text.where = at.where();
  text.text = at.node().value();
  return text;
}

void check_link(const Cursor& e, const Node& node) {
  const std::string& target = node.target();
  if (target.empty())
    e.error("<a> without href", "write <a href=\"#id\"> or <a href=\"https://…\">");
  else if (target[0] != '#' && target.rfind("https://", 0) != 0 && target.rfind("http://", 0) != 0 &&
           target.rfind("mailto:", 0) != 0)
    e.error("link \"" + target + "\" is neither #id nor an http(s) or mailto address");
  else if (target[0] != '#' && !is_url_text(target))
    e.error("link \"" + target + "\" holds a space, a quote or another character a web address cannot hold",
            "percent-encode it: %20 for a space, %22 for \"");
}

// The base text before one <rt> that comes last; the <rt>'s text is the label.
Node read_ruby(const Cursor& e, Node node) {
  pugi::xml_node rt = e.node().child("rt");
  if (!rt) {
    e.error("<ruby> without <rt>", "write <ruby>汉<rt>hàn</rt></ruby>");
    return node;
  }
  if (rt.next_sibling() &&
      !(rt.next_sibling().type() == pugi::node_pcdata && is_space_only(rt.next_sibling().value())))
    e.at(rt).error("<rt> must come last in <ruby>");
  e.at(rt).check_attributes({});
  node.set_label(e.at(rt).text_content("<rt> holds plain text only"));
  for (pugi::xml_node child : e.node().children()) {
    if (child == rt) break;
    if (is_text(child))
      node.children.push_back(text_node(e.at(child)));
    else if (child.type() == pugi::node_element)
      e.at(child).error("<ruby> holds its base text and one <rt>", "put markup around the <ruby>");
  }
  if (plain_text(node).find_first_not_of(" \t\n") == std::string::npos) e.error("<ruby> has no base text");
  return node;
}

// <tcy>2021</tcy>: a number the source sets in one cell of a vertical column
// (numbers of one or two digits are, unmarked); one to four ASCII digits.
Node read_tate_chu_yoko(const Cursor& e, Node node) {
  e.check_attributes({});
  const std::string digits = e.text_content("<tcy> holds digits only");
  for (pugi::xml_node child : e.node().children())
    if (child.type() == pugi::node_element) return node;  // reported by text_content
  if (digits.empty() || digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos)
    e.error("<tcy> holds one to four digits 0–9 (it has \"" + digits + "\")",
            "write e.g. <tcy>2021</tcy>; longer numbers are set sideways");
  Node text;
  text.kind = NodeKind::Text;
  text.where = e.where();
  text.text = digits;
  node.children.push_back(std::move(text));
  return node;
}

Node read_inline(const Cursor& e, const InlineSpec& spec, int depth) {
  Node node = e.make_node(spec.kind);
  switch (spec.kind) {
    case NodeKind::Link:
      e.check_attributes({"href"});
      node.set_target(e.node().attribute("href").value());
      check_link(e, node);
      break;
    case NodeKind::LineBreak:
      e.check_attributes({});
      if (e.node().first_child()) e.error("<br/> must be empty");
      return node;
    case NodeKind::Ruby:
      e.check_attributes({});
      return read_ruby(e, std::move(node));
    case NodeKind::TateChuYoko:
      return read_tate_chu_yoko(e, std::move(node));
    default:
      e.check_attributes({});
  }
  read_inlines(e, node.children, depth);
  return node;
}

}  // namespace

void read_inlines(const Cursor& parent, std::vector<Node>& out, int depth) {
  if (parent.too_deep(depth)) return;
  for (pugi::xml_node child : parent.node().children()) {
    Cursor e = parent.at(child);
    if (is_text(child)) {
      out.push_back(text_node(e));
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    std::string_view n = e.name();
    const InlineSpec* spec = nullptr;
    for (const InlineSpec& s : kInlineElements)
      if (n == s.name) spec = &s;
    if (!spec) {
      e.error(tag(n) + " is not allowed in text (inside " + tag(parent.name()) + ")",
              "inline elements are em, strong, dot, a, ruby, br, code, span, note, tcy");
      continue;
    }
    out.push_back(read_inline(e, *spec, depth + 1));
  }
}

}  // namespace huozi::model
