#include "model_test_util.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>

namespace huozi::model::testing {
namespace {

const char* kind_name(NodeKind k) {
  switch (k) {
    case NodeKind::Part:
      return "part";
    case NodeKind::Chapter:
      return "chapter";
    case NodeKind::Section:
      return "section";
    case NodeKind::Title:
      return "title";
    case NodeKind::Page:
      return "page";
    case NodeKind::Banner:
      return "banner";
    case NodeKind::Article:
      return "article";
    case NodeKind::PhotoGroup:
      return "photos";
    case NodeKind::Kicker:
      return "kicker";
    case NodeKind::Subtitle:
      return "subtitle";
    case NodeKind::Paragraph:
      return "p";
    case NodeKind::Byline:
      return "byline";
    case NodeKind::BlockQuote:
      return "quote";
    case NodeKind::Verse:
      return "verse";
    case NodeKind::Stanza:
      return "stanza";
    case NodeKind::VerseLine:
      return "line";
    case NodeKind::OrderedList:
      return "ol";
    case NodeKind::UnorderedList:
      return "ul";
    case NodeKind::ListItem:
      return "li";
    case NodeKind::Figure:
      return "figure";
    case NodeKind::Image:
      return "image";
    case NodeKind::Placeholder:
      return "placeholder";
    case NodeKind::Caption:
      return "caption";
    case NodeKind::Credit:
      return "credit";
    case NodeKind::Table:
      return "table";
    case NodeKind::TableRow:
      return "tr";
    case NodeKind::TableCell:
      return "cell";
    case NodeKind::Text:
      return "text";
    case NodeKind::Emphasis:
      return "em";
    case NodeKind::Strong:
      return "strong";
    case NodeKind::EmphasisDots:
      return "dot";
    case NodeKind::Link:
      return "a";
    case NodeKind::Ruby:
      return "ruby";
    case NodeKind::LineBreak:
      return "br";
    case NodeKind::Code:
      return "code";
    case NodeKind::Span:
      return "span";
    case NodeKind::TateChuYoko:
      return "tcy";
    case NodeKind::Footnote:
      return "note";
  }
  return "?";
}

}  // namespace

std::string trace(const Node& node) {
  if (node.kind == NodeKind::Text) return "\"" + node.text + "\"";
  std::string out = std::string("(") + kind_name(node.kind);
  if (!node.id().empty()) out += " #" + node.id();
  if (!node.lang().empty()) out += " @" + node.lang();
  if (!node.target().empty()) out += " ->" + node.target();
  if (!node.label().empty()) out += " [" + node.label() + "]";
  if (node.numbering == Numbering::Chinese) out += " chinese";
  if (node.numbering == Numbering::Arabic) out += " arabic";
  if (node.is_header) out += " th";
  if (!node.indent) out += " noindent";
  if (node.number != 0) out += " n=" + std::to_string(node.number);
  for (const Node& child : node.children) {
    out += ' ';
    out += trace(child);
  }
  return out + ")";
}

std::string trace(const std::vector<Node>& nodes) {
  std::string out;
  for (const Node& n : nodes) {
    if (!out.empty()) out += ' ';
    out += trace(n);
  }
  return out;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  path_ = std::filesystem::temp_directory_path() /
          ("huozi-model-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
  // Canonical, so that paths compare equal to what the loader resolves.
  path_ = std::filesystem::canonical(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& relative, std::string_view bytes) const {
  std::filesystem::path p = path_ / relative;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p;
}

std::string read_data_file(const std::string& name) {
  std::ifstream in(data_dir() / name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string png_bytes() { return read_data_file("pixel.png"); }

std::string jpeg_bytes() { return read_data_file("pixel.jpg"); }

}  // namespace huozi::model::testing
