#include "model/checks.h"

#include <filesystem>
#include <unordered_map>

namespace huozi::model {
namespace {

struct IdIndex {
  std::unordered_map<std::string, SourceLocation> first_use;
};

class Finisher {
 public:
  Finisher(Document& doc, DiagnosticList& diagnostics) : doc_(doc), diags_(diagnostics) {}

  void run() {
    number_containers(doc_.body, "");
    for (Node& node : doc_.body) walk(node);
    for (const Node* link : links_) check_link(*link);
    if (!doc_.metadata.cover_image.empty()) check_image_file(doc_.metadata.cover_image, {}, "cover image");
  }

 private:
  Document& doc_;
  DiagnosticList& diags_;
  std::unordered_map<std::string, SourceLocation> ids_;
  std::vector<const Node*> links_;
  int footnote_counter_ = 0;
  int chapters_ = 0;  // chapters are numbered through the book, across parts

  void error(const SourceLocation& at, std::string message, std::string hint = {}) {
    diags_.error(doc_.files.at(at.file), static_cast<int>(at.line), static_cast<int>(at.column),
                 std::move(message), std::move(hint));
  }

  // Numbers containers of each kind among siblings; chinese numbering gives
  // 第一部 / 第一章 / 一、, arabic gives 1 / 1.2 / 1.2.3 (the parent's prefix).
  // Unnumbered containers (a preface, an afterword) take no number.
  void number_containers(std::vector<Node>& siblings, const std::string& prefix) {
    int parts = 0, sections = 0;
    for (Node& n : siblings) {
      if (!is_container(n.kind)) continue;
      int ordinal = 0;
      if (n.numbering != Numbering::None)
        ordinal = n.kind == NodeKind::Part ? ++parts : n.kind == NodeKind::Chapter ? ++chapters_ : ++sections;
      std::string arabic = prefix.empty() ? std::to_string(ordinal) : prefix + "." + std::to_string(ordinal);
      if (n.numbering == Numbering::Chinese) {
        std::string cn = chinese_number(ordinal);
        n.label = n.kind == NodeKind::Part ? "第" + cn + "部" : n.kind == NodeKind::Chapter ? "第" + cn + "章" : cn + "、";
      } else if (n.numbering == Numbering::Arabic) {
        n.label = arabic;
      }
      // Parts do not prefix their chapters' arabic numbers: chapters run on.
      number_containers(n.children, n.kind == NodeKind::Part ? "" : (n.numbering == Numbering::Arabic ? arabic : ""));
    }
  }

  void walk(Node& node) {
    // Footnotes are numbered per chapter (and per top-level unit outside chapters).
    bool restarts = node.kind == NodeKind::Chapter || node.kind == NodeKind::Part;
    if (restarts) footnote_counter_ = 0;
    if (!node.id.empty()) {
      auto [it, fresh] = ids_.emplace(node.id, node.where);
      if (!fresh) {
        const SourceLocation& first = it->second;
        error(node.where, "duplicate id \"" + node.id + "\"",
              "first used at " + doc_.files.at(first.file) + ":" + std::to_string(first.line) + ":" +
                  std::to_string(first.column));
      }
    }
    if (node.kind == NodeKind::Footnote) node.number = ++footnote_counter_;
    if (node.kind == NodeKind::Link && !node.target.empty() && node.target[0] == '#') links_.push_back(&node);
    if (node.kind == NodeKind::Image && !node.target.empty()) check_image_file(node.target, node.where, "image");
    for (Node& child : node.children) walk(child);
  }

  void check_link(const Node& link) {
    std::string id = link.target.substr(1);
    if (!ids_.count(id)) error(link.where, "link to \"" + link.target + "\", but no element has id=\"" + id + "\"",
                               "add id=\"" + id + "\" to the target, or fix the href");
  }

  void check_image_file(const std::string& relative, const SourceLocation& at, const char* what) {
    std::filesystem::path path = std::filesystem::path(doc_.base_dir) / relative;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      error(at, std::string(what) + " \"" + relative + "\" not found",
            "put the file in the publication's folder, or use <placeholder> until the picture exists");
      return;
    }
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg")
      error(at, std::string(what) + " \"" + relative + "\" is not PNG or JPEG", "convert it to PNG or JPEG");
  }
};

}  // namespace

void finish_document(Document& doc, DiagnosticList& diagnostics) { Finisher(doc, diagnostics).run(); }

}  // namespace huozi::model
