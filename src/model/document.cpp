#include "model/document.h"

#include "util/utf8.h"

namespace huozi::model {

Node& Node::operator=(const Node& other) {
  if (this == &other) return *this;
  kind = other.kind;
  numbering = other.numbering;
  is_header = other.is_header;
  indent = other.indent;
  number = other.number;
  where = other.where;
  text = other.text;
  children = other.children;
  attributes_ = other.attributes_ ? std::make_unique<NodeAttributes>(*other.attributes_) : nullptr;
  return *this;
}

const std::string& Node::no_attribute() {
  static const std::string none;
  return none;
}

void Node::set(std::string NodeAttributes::*field, std::string v) {
  if (v.empty() && !attributes_) return;
  if (!attributes_) attributes_ = std::make_unique<NodeAttributes>();
  (*attributes_).*field = std::move(v);
}

void Node::set_module(const ModuleSpec& m) {
  if (!attributes_) attributes_ = std::make_unique<NodeAttributes>();
  attributes_->module = m;
}

void Node::set_page_head(PageHead head) {
  if (!attributes_) attributes_ = std::make_unique<NodeAttributes>();
  attributes_->page_head = std::make_shared<const PageHead>(std::move(head));
}

void Node::set_writing_mode(std::optional<WritingMode> mode) {
  if (!mode && !attributes_) return;
  if (!attributes_) attributes_ = std::make_unique<NodeAttributes>();
  attributes_->writing_mode = mode;
}

std::optional<WritingMode> Node::writing_mode() const {
  return attributes_ ? attributes_->writing_mode : std::nullopt;
}

const ModuleSpec& Node::module() const {
  static const ModuleSpec none;
  return attributes_ ? attributes_->module : none;
}

const PageHead& Node::page_head() const {
  static const PageHead none;
  return attributes_ && attributes_->page_head ? *attributes_->page_head : none;
}

bool is_container(NodeKind k) {
  return k == NodeKind::Part || k == NodeKind::Chapter || k == NodeKind::Section || k == NodeKind::Article;
}

std::vector<const Node*> newspaper_pages(const Document& doc) {
  std::vector<const Node*> pages;
  for (const Node& n : doc.body)
    if (n.kind == NodeKind::Page) pages.push_back(&n);
  return pages;
}

bool is_inline(NodeKind k) { return k >= NodeKind::Text; }

const Node* title_of(const Node& container) {
  if (!container.children.empty() && container.children.front().kind == NodeKind::Title)
    return &container.children.front();
  return nullptr;
}

static void append_plain_text(const Node& node, std::string& out) {
  if (node.kind == NodeKind::Text) {
    out += node.text;
    return;
  }
  if (node.kind == NodeKind::Footnote) return;
  for (const Node& child : node.children) append_plain_text(child, out);
}

std::string plain_text(const Node& node) {
  std::string out;
  append_plain_text(node, out);
  return out;
}

bool trim_size_mm(const std::string& name, double& width_mm, double& height_mm) {
  struct Trim {
    const char* name;
    double w, h;
  };
  static const Trim sizes[] = {{"A3", 297, 420},   {"A4", 210, 297},     {"A5", 148, 210},  {"B5", 176, 250},
                               {"16开", 185, 260}, {"大32开", 140, 203}, {"32开", 130, 184}};
  for (const Trim& t : sizes)
    if (name == t.name) {
      width_mm = t.w;
      height_mm = t.h;
      return true;
    }
  return false;
}

double chinese_type_size_pt(const std::string& name) {
  struct Size {
    const char* name;
    double pt;
  };
  static const Size sizes[] = {{"初号", 42},  {"小初", 36},  {"一号", 26},   {"小一", 24},
                               {"二号", 22},  {"小二", 18},  {"三号", 16},   {"小三", 15},
                               {"四号", 14},  {"小四", 12},  {"五号", 10.5}, {"小五", 9},
                               {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.25}, {"八号", 5}};
  for (const Size& s : sizes)
    if (name == s.name) return s.pt;
  return 0;
}

std::string chinese_number(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0) return std::to_string(n);
  if (n < 10) return digits[n];
  if (n < 20) return std::string("十") + (n % 10 ? digits[n % 10] : "");
  if (n < 100) return std::string(digits[n / 10]) + "十" + (n % 10 ? digits[n % 10] : "");
  if (n < 1000) {
    std::string out = std::string(digits[n / 100]) + "百";
    int rest = n % 100;
    if (rest == 0) return out;
    if (rest < 10) return out + "零" + digits[rest];
    if (rest < 20) return out + "一十" + (rest % 10 ? digits[rest % 10] : "");
    return out + chinese_number(rest);
  }
  return std::to_string(n);
}

}  // namespace huozi::model

namespace huozi::model {

bool is_traditional(const std::string& lang) {
  return lang.rfind("zh-Hant", 0) == 0 || lang.rfind("zh-TW", 0) == 0 || lang.rfind("zh-HK", 0) == 0 ||
         lang.rfind("zh-MO", 0) == 0;
}

std::string circled_number(int n) {
  std::string out;
  if (n >= 1 && n <= 20)
    huozi::utf8::append(out, 0x2460 + n - 1);
  else if (n >= 21 && n <= 35)
    huozi::utf8::append(out, 0x3251 + n - 21);
  else if (n >= 36 && n <= 50)
    huozi::utf8::append(out, 0x32B1 + n - 36);
  else {  // piece by piece, for GCC 12's -Wrestrict false positive (GCC bug 105329)
    out.push_back('(');
    out += std::to_string(n);
    out.push_back(')');
  }
  return out;
}

std::string note_mark(int n) {
  return n >= 1 && n <= 50 ? circled_number(n) : std::to_string(n);
}

std::string heading_prefix(const Node& container) {
  if (container.label().empty()) return {};
  // "一、" carries its own separator; others take an ideographic space.
  if (container.label().size() >= 3 && container.label().compare(container.label().size() - 3, 3, "、") == 0)
    return container.label();
  return container.label() + "\u3000";
}

}  // namespace huozi::model
