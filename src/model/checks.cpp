#include "model/checks.h"

#include <filesystem>
#include <unordered_map>

#include "util/image_header.h"

namespace huozi::model {
namespace {

const char* const kConvertHint = "convert it to PNG or JPEG, the formats every EPUB reader shows";
const char* const kReexportHint = "export the picture again, or download it again";

struct IdIndex {
  std::unordered_map<std::string, SourceLocation> first_use;
};

class Finisher {
 public:
  Finisher(Document& doc, DiagnosticList& diagnostics) : doc_(doc), diags_(diagnostics) {}

  void run() {
    number_containers(doc_.body, "");
    // Footnotes are numbered per top-level unit, the EPUB's files: each part,
    // chapter and top-level section, and each run of blocks between them,
    // starts again at ① (walk restarts at a part's chapters too).
    bool in_loose_run = false;
    for (Node& node : doc_.body) {
      bool container = is_container(node.kind);
      if (container || !in_loose_run) footnote_counter_ = 0;
      in_loose_run = !container;
      walk(node);
    }
    for (const Node* link : links_) check_link(*link);
    if (!doc_.metadata.cover_image.empty()) check_image_file(doc_.metadata.cover_image, {}, "cover image");
  }

 private:
  Document& doc_;
  DiagnosticList& diags_;
  std::unordered_map<std::string, SourceLocation> ids_;
  std::vector<const Node*> links_;
  std::unordered_map<std::string, ImageHeader> inspected_;  // by canonical path
  int footnote_counter_ = 0;
  int chapters_ = 0;  // chapters are numbered through the book, across parts

  void error(const SourceLocation& at, std::string message, std::string hint = {}) {
    diags_.error(doc_.files.at(at.file), static_cast<int>(at.line), static_cast<int>(at.column),
                 std::move(message), std::move(hint));
  }

  void warning(const SourceLocation& at, std::string message, std::string hint = {}) {
    diags_.warning(doc_.files.at(at.file), static_cast<int>(at.line), static_cast<int>(at.column),
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
        n.set_label(n.kind == NodeKind::Part      ? "第" + cn + "部"
                    : n.kind == NodeKind::Chapter ? "第" + cn + "章"
                                                  : cn + "、");
      } else if (n.numbering == Numbering::Arabic) {
        n.set_label(arabic);
      }
      // Parts do not prefix their chapters' arabic numbers: chapters run on.
      number_containers(n.children,
                        n.kind == NodeKind::Part ? "" : (n.numbering == Numbering::Arabic ? arabic : ""));
    }
  }

  void walk(Node& node) {
    // Footnotes are numbered per chapter (and per top-level unit outside chapters, see run).
    bool restarts = node.kind == NodeKind::Chapter || node.kind == NodeKind::Part;
    if (restarts) footnote_counter_ = 0;
    if (!node.id().empty()) {
      auto [it, fresh] = ids_.emplace(node.id(), node.where);
      if (!fresh) {
        const SourceLocation& first = it->second;
        error(node.where, "duplicate id \"" + node.id() + "\"",
              "first used at " + doc_.files.at(first.file) + ":" + std::to_string(first.line) + ":" +
                  std::to_string(first.column));
      }
    }
    if (node.kind == NodeKind::Footnote) node.number = ++footnote_counter_;
    if (node.kind == NodeKind::Link && !node.target().empty() && node.target()[0] == '#')
      links_.push_back(&node);
    if (node.kind == NodeKind::Image && !node.target().empty())
      check_image_file(node.target(), node.where, "image");
    for (Node& child : node.children) walk(child);
    if (node.kind == NodeKind::Figure)
      check_text_alternative(node);  // after any error about the image's file
  }

  // An image's text alternative is its alt text, else its caption's text; with
  // neither, the EPUB can only write alt="" and a reader who cannot see the
  // picture learns nothing of it. Not an error: a draft may add them later.
  void check_text_alternative(const Node& figure) {
    bool captioned = false;
    for (const Node& c : figure.children)
      if (c.kind == NodeKind::Caption && !plain_text(c).empty()) captioned = true;
    for (const Node& c : figure.children)
      if (c.kind == NodeKind::Image && c.label().empty() && !captioned)
        warning(c.where,
                "<image> without alt text or a caption: a reader who cannot see it learns nothing of it",
                "add alt=\"…\" saying what the picture shows, or a <caption>");
  }

  void check_link(const Node& link) {
    std::string id = link.target().substr(1);
    if (!ids_.count(id))
      error(link.where, "link to \"" + link.target() + "\", but no element has id=\"" + id + "\"",
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
      return error(at, std::string(what) + " \"" + relative + "\" is not PNG or JPEG", kConvertHint);
    check_image_content(path, ext == ".png", at, std::string(what) + " \"" + relative + "\"");
  }

  // The file's content, whatever its name: a PNG or JPEG whose structure is
  // sound and whose size is sane, checked from its headers before any decoder
  // (an EPUB reader, the PDF writer's libpng) is handed a picture that would exhaust memory.
  void check_image_content(const std::filesystem::path& path, bool png_name, const SourceLocation& at,
                           const std::string& name) {
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) == 0 && !ec)
      return error(at, name + " is an empty file", kReexportHint);
    // Each file is read once, however often the publication shows it.
    auto [it, first] = inspected_.try_emplace(std::filesystem::weakly_canonical(path, ec).string());
    if (first) it->second = inspect_image(path);
    const ImageHeader& header = it->second;
    if (header.format == ImageFormat::Unknown)
      return error(at,
                   name + " is not PNG or JPEG: " +
                       (header.other_format.empty() ? "its content is not an image"
                                                    : "it is a " + header.other_format + " image"),
                   kConvertHint);
    bool png = header.format == ImageFormat::Png;
    const std::string format = png ? "PNG" : "JPEG";
    if (header.too_large())
      return error(at,
                   name + " is " + std::to_string(header.width) + "×" + std::to_string(header.height) +
                       " pixels, more than huozi accepts (" + std::to_string(kMaxImagePixels / 1000000) +
                       " megapixels, " + std::to_string(kMaxImageSide) + " on a side)",
                   "scale the picture down: 300 dpi across an A3 page is about 18 megapixels");
    if (!header.problem.empty())
      return error(at, name + " is a corrupt " + format + ": " + header.problem, kReexportHint);
    if (!header.unshowable.empty())
      return error(at,
                   name + " is a JPEG that PDF viewers and EPUB readers cannot show: " + header.unshowable,
                   "save it again as an ordinary 8-bit JPEG (baseline or progressive; grey, RGB or CMYK)");
    if (png != png_name)
      error(at, name + " is a " + format + " file named " + path.extension().string(),
            std::string("rename it to ") + (png ? ".png" : ".jpg"));
  }
};

}  // namespace

void finish_document(Document& doc, DiagnosticList& diagnostics) { Finisher(doc, diagnostics).run(); }

}  // namespace huozi::model
