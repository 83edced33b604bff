// The loader walks pugixml's tree once, building model nodes and reporting
// every structural problem with its place. Cross-reference checks (ids, links,
// images) run afterwards over the finished tree (checks.cpp).
#include "model/loader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

#include "model/checks.h"
#include "model/paths.h"
#include "model/source_file.h"
#include "model/whitespace.h"
#include "model/xml_text.h"

namespace huozi::model {
namespace {

// 32 hex digits in groups 8-4-4-4-12. (By hand: compiling the std::regex for
// this was 7 % of a one-page build's start-up.)
bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
    if (hyphen ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

constexpr size_t kMaxSourceBytes = 256u << 20;
constexpr int kMaxDepth = 256;           // element nesting; deeper input is refused
constexpr size_t kMaxIncludedFiles = 20000;

// Where a list of blocks sits decides which elements it may hold.
enum class Level { Body, Part, Chapter, Section, Quote };

bool is_space_only(const char* s) {
  for (; *s; ++s)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
  return true;
}

std::string_view name_of(const pugi::xml_node& e) { return e.name(); }

const char* level_name(Level level) {
  switch (level) {
    case Level::Body: return "<body>";
    case Level::Part: return "<part>";
    case Level::Chapter: return "<chapter>";
    case Level::Section: return "<section>";
    case Level::Quote: return "<quote>";
  }
  return "";
}

struct InlineSpec {
  const char* name;
  NodeKind kind;
};
constexpr InlineSpec kInlineElements[] = {
    {"em", NodeKind::Emphasis}, {"strong", NodeKind::Strong}, {"dot", NodeKind::EmphasisDots},
    {"a", NodeKind::Link},      {"ruby", NodeKind::Ruby},     {"br", NodeKind::LineBreak},
    {"code", NodeKind::Code},   {"span", NodeKind::Span},     {"note", NodeKind::Footnote},
};

class Loader {
 public:
  Loader() = default;

  LoadResult run(std::string bytes, const std::string& name, const std::filesystem::path& base_dir,
                 const std::filesystem::path& canonical_source) {
    std::error_code ec;
    base_dir_ = std::filesystem::absolute(base_dir, ec);
    if (!ec) base_dir_ = std::filesystem::weakly_canonical(base_dir_, ec);
    doc_.base_dir = base_dir_.string();
    if (!canonical_source.empty()) include_stack_.push_back(canonical_source);
    parse_root(std::move(bytes), name);
    finish_document(doc_, diags_);
    LoadResult result;
    result.diagnostics = std::move(diags_);
    if (!result.diagnostics.has_errors()) result.document = std::move(doc_);
    return result;
  }

 private:
  // One parsed file; kept alive while its nodes are walked.
  struct ParsedFile {
    uint32_t index = 0;
    std::filesystem::path dir;
    SourceText source;
    pugi::xml_document xml;
  };

  Document doc_;
  DiagnosticList diags_;
  std::filesystem::path base_dir_;
  std::vector<std::filesystem::path> include_stack_;
  size_t included_files_ = 0;

  // ---- files ----------------------------------------------------------------

  std::unique_ptr<ParsedFile> parse_file(std::string bytes, const std::string& name,
                                         const std::filesystem::path& dir) {
    auto file = std::make_unique<ParsedFile>();
    file->index = static_cast<uint32_t>(doc_.files.size());
    file->dir = dir;
    doc_.files.push_back(name);
    if (!file->source.assign(std::move(bytes), name, diags_)) return nullptr;
    const std::string& text = file->source.text();
    if (text.find("<!ENTITY") != std::string::npos) {
      error_at_offset(*file, text.find("<!ENTITY"), "entity declarations are not supported",
                      "write the characters themselves; entities are never expanded");
      return nullptr;
    }
    // Checked before parsing: pugixml lets these through, or turns them into other characters.
    std::vector<TextProblem> problems = find_xml_text_problems(text);
    for (const TextProblem& p : problems) error_at_offset(*file, p.offset, p.message, p.hint);
    if (!problems.empty()) return nullptr;
    // No parse_eol (the text is already LF-only, which keeps offsets exact) and
    // no DOCTYPE processing: entities other than XML's five are never expanded.
    // parse_fragment keeps text outside the root element, which pugixml would
    // otherwise drop without a word, so that check_top_level can report it.
    unsigned options = (pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_fragment) & ~pugi::parse_eol;
    pugi::xml_parse_result parsed =
        file->xml.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
    if (!parsed) {
      error_at_offset(*file, static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0)),
                      std::string("malformed XML: ") + parsed.description(), markup_hint(text));
      return nullptr;
    }
    if (!check_top_level(*file)) return nullptr;
    return file;
  }

  static std::string markup_hint(const std::string& text) {
    return text.find('<') == std::string::npos || text.find('<') > 64 ? "this does not look like an XML file"
                                                                       : "fix the markup at this place";
  }

  // One root element, and nothing but comments, PIs and white space around it.
  bool check_top_level(const ParsedFile& file) {
    pugi::xml_node root = file.xml.document_element();
    if (!root) {
      error_at_offset(file, file.source.text().size(), "malformed XML: No document element found",
                      markup_hint(file.source.text()));
      return false;
    }
    bool ok = true;
    bool after = false;
    for (pugi::xml_node node : file.xml.children()) {
      if (node == root) {
        after = true;
      } else if (node.type() == pugi::node_element) {
        error(file, node, "a second root element <" + std::string(node.name()) + ">",
              "a file holds one root element: put everything inside <" + std::string(root.name()) + ">");
        ok = false;
      } else if ((node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) && !is_space_only(node.value())) {
        error(file, node, std::string("text ") + (after ? "after" : "before") + " the root element <" + root.name() + ">",
              "everything belongs inside <" + std::string(root.name()) + ">…</" + root.name() + ">");
        ok = false;
      }
    }
    return ok;
  }

  void error_at_offset(const ParsedFile& file, size_t offset, std::string message, std::string hint = {}) {
    int line, column;
    file.source.position(offset, line, column);
    diags_.error(doc_.files[file.index], line, column, std::move(message), std::move(hint));
  }

  SourceLocation where(const ParsedFile& file, const pugi::xml_node& node) const {
    ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return {file.index, 0, 0};
    // An element's offset is that of its name; point at the '<' before it.
    const std::string& text = file.source.text();
    if (node.type() == pugi::node_element && offset > 0 && text[offset - 1] == '<') --offset;
    // Text is reported where its first visible character is.
    if (node.type() == pugi::node_pcdata)
      while (static_cast<size_t>(offset) < text.size() && (text[offset] == ' ' || text[offset] == '\n' || text[offset] == '\t'))
        ++offset;
    int line, column;
    file.source.position(static_cast<size_t>(offset), line, column);
    return {file.index, static_cast<uint32_t>(line), static_cast<uint32_t>(column)};
  }

  void error(const ParsedFile& file, const pugi::xml_node& node, std::string message,
             std::string hint = {}) {
    SourceLocation at = where(file, node);
    diags_.error(doc_.files[file.index], static_cast<int>(at.line), static_cast<int>(at.column),
                 std::move(message), std::move(hint));
  }

  // ---- attributes -----------------------------------------------------------

  // Reports attributes not in `allowed` (xml:lang and id are allowed on body elements).
  void check_attributes(const ParsedFile& file, const pugi::xml_node& e,
                        std::initializer_list<std::string_view> allowed, bool body_element = true) {
    for (const pugi::xml_attribute& a : e.attributes()) {
      std::string_view n = a.name();
      if (body_element && (n == "xml:lang" || n == "id")) continue;
      if (std::find(allowed.begin(), allowed.end(), n) != allowed.end()) continue;
      std::string list;
      for (std::string_view ok : allowed) list += (list.empty() ? "" : ", ") + std::string(ok);
      if (body_element) list += std::string(list.empty() ? "" : ", ") + "id, xml:lang";
      error(file, e, "unknown attribute \"" + std::string(n) + "\" on <" + std::string(e.name()) + ">",
            list.empty() ? "this element takes no attributes" : "allowed here: " + list);
    }
  }

  Node make_node(const ParsedFile& file, const pugi::xml_node& e, NodeKind kind) {
    Node node;
    node.kind = kind;
    node.where = where(file, e);
    node.set_id(e.attribute("id").value());
    node.set_lang(e.attribute("xml:lang").value());
    if (e.attribute("id") && !is_xml_name(node.id()))
      error(file, e, "id \"" + node.id() + "\" is not a name an EPUB or PDF can link to",
            "start with a letter or _, then letters, digits, _, - or . (no spaces or colons)");
    if (e.attribute("xml:lang") && !is_language_tag(node.lang()))
      error(file, e, "xml:lang \"" + node.lang() + "\" is not a language tag", "write e.g. zh-Hans, zh-Hant or en");
    return node;
  }

  // An XML NCName, ASCII letters and digits plus any non-ASCII character
  // (Chinese ids are fine), no colon: what XHTML and PDF named destinations take.
  static bool is_xml_name(const std::string& id) {
    if (id.empty()) return false;
    unsigned char first = static_cast<unsigned char>(id[0]);
    if (!(std::isalpha(first) || first == '_' || first >= 0x80)) return false;
    for (unsigned char c : id)
      if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.' || c >= 0x80)) return false;
    return true;
  }

  // BCP 47 in outline: subtags of 1-8 letters or digits joined by '-', the
  // first of letters only (zh, zh-Hans, zh-Hant-TW, en-GB, x-private).
  static bool is_language_tag(const std::string& tag) {
    size_t start = 0;
    bool first = true;
    while (start <= tag.size()) {
      size_t end = tag.find('-', start);
      if (end == std::string::npos) end = tag.size();
      size_t n = end - start;
      if (n < 1 || n > 8) return false;
      for (size_t i = start; i < end; ++i) {
        unsigned char c = static_cast<unsigned char>(tag[i]);
        if (first ? !std::isalpha(c) : !std::isalnum(c)) return false;
      }
      first = false;
      start = end + 1;
    }
    return true;
  }

  // ---- the root and metadata ---------------------------------------------------

  void parse_root(std::string bytes, const std::string& name) {
    auto file = parse_file(std::move(bytes), name, base_dir_);
    if (!file) return;
    pugi::xml_node root = file->xml.document_element();
    if (name_of(root) != "publication") {
      error(*file, root, "the root element is <" + std::string(root.name()) + ">, not <publication>",
            name_of(root) == "fragment" ? "a <fragment> is included by a publication; build the publication"
                                        : "see docs/content-model.md");
      return;
    }
    check_attributes(*file, root, {"type"});
    doc_.metadata.language = root.attribute("xml:lang").value();
    if (!doc_.metadata.language.empty() && !is_language_tag(doc_.metadata.language))
      error(*file, root, "xml:lang \"" + doc_.metadata.language + "\" is not a language tag",
            "write e.g. zh-Hans or zh-Hant");
    std::string_view type = root.attribute("type").value();
    if (type == "periodical") {
      doc_.type = PublicationType::Periodical;
      // A newspaper page: in columns, no running heads or TOC unless <layout> says so.
      doc_.page.columns = 3;
      doc_.page.running_heads = false;
      doc_.page.toc = false;
    }
    else if (!type.empty() && type != "book")
      error(*file, root, "unknown publication type \"" + std::string(type) + "\"", "use book or periodical");

    pugi::xml_node metadata, body, layout;
    for (pugi::xml_node child : root.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!is_space_only(child.value())) error(*file, child, "text outside a block", "put text in a <p>");
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      if (name_of(child) == "metadata" && !metadata) metadata = child;
      else if (name_of(child) == "body" && !body) body = child;
      else if (name_of(child) == "layout" && !layout) layout = child;
      else error(*file, child, "unexpected <" + std::string(child.name()) + "> in <publication>",
                 "<publication> holds one <metadata>, an optional <layout> and one <body>");
    }
    if (!metadata) error(*file, root, "missing <metadata>", "add <metadata> with at least a title, identifier and date");
    else parse_metadata(*file, metadata, root);
    if (layout) parse_layout(*file, layout);
    if (!body) error(*file, root, "missing <body>", "add <body> with the publication's chapters");
    else {
      check_attributes(*file, body, {});
      parse_blocks(*file, body, Level::Body, doc_.body, 1);
    }
  }

  std::string text_of(const ParsedFile& file, const pugi::xml_node& e,
                      const char* hint = "metadata fields are plain text") {
    std::string out;
    for (pugi::xml_node child : e.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
      else if (child.type() == pugi::node_element)
        error(file, child, "<" + std::string(child.name()) + "> is not allowed in <" + e.name() + ">", hint);
    }
    // Metadata is plain text: collapse like a block.
    Node text;
    text.kind = NodeKind::Text;
    text.text = std::move(out);
    std::vector<Node> flow{std::move(text)};
    normalize_block_whitespace(flow);
    return flow.empty() ? std::string() : flow[0].text;
  }

  void parse_metadata(const ParsedFile& file, const pugi::xml_node& metadata, const pugi::xml_node& root) {
    check_attributes(file, metadata, {}, false);
    Metadata& m = doc_.metadata;
    std::set<std::string> seen;
    for (pugi::xml_node e : metadata.children()) {
      if (e.type() == pugi::node_pcdata || e.type() == pugi::node_cdata) {
        if (!is_space_only(e.value())) error(file, e, "text outside a metadata field");
        continue;
      }
      if (e.type() != pugi::node_element) continue;
      std::string_view n = name_of(e);
      bool repeatable = n == "creator" || n == "subject";
      if (!repeatable && !seen.insert(std::string(n)).second) {
        error(file, e, "<" + std::string(n) + "> given twice in <metadata>", "keep one");
        continue;
      }
      if (n == "title") { check_attributes(file, e, {}, false); m.title = text_of(file, e); }
      else if (n == "subtitle") { check_attributes(file, e, {}, false); m.subtitle = text_of(file, e); }
      else if (n == "creator") {
        check_attributes(file, e, {"role", "file-as"}, false);
        m.creators.push_back({text_of(file, e), e.attribute("role").as_string("aut"), e.attribute("file-as").value()});
      } else if (n == "publisher") { check_attributes(file, e, {}, false); m.publisher = text_of(file, e); }
      else if (n == "identifier") {
        check_attributes(file, e, {"scheme"}, false);
        m.identifier = text_of(file, e);
        m.identifier_scheme = e.attribute("scheme").as_string("uuid");
        check_identifier(file, e);
      } else if (n == "date") {
        check_attributes(file, e, {}, false);
        m.date = text_of(file, e);
        if (!is_valid_date(m.date))
          error(file, e, "date \"" + m.date + "\" is not YYYY, YYYY-MM or YYYY-MM-DD", "write e.g. 2021-12-31");
      } else if (n == "rights") { check_attributes(file, e, {}, false); m.rights = text_of(file, e); }
      else if (n == "description") { check_attributes(file, e, {}, false); m.description = text_of(file, e); }
      else if (n == "subject") { check_attributes(file, e, {}, false); m.subjects.push_back(text_of(file, e)); }
      else if (n == "cover") {
        check_attributes(file, e, {"src"}, false);
        m.cover_image = resolve_resource(file, e, e.attribute("src").value(), "cover image");
      } else {
        error(file, e, "unknown metadata element <" + std::string(n) + ">",
              "allowed: title, subtitle, creator, publisher, identifier, date, rights, description, subject, cover");
      }
    }
    if (m.title.empty()) error(file, metadata, "missing required metadata: <title>", "add <title>书名</title>");
    if (m.identifier.empty())
      error(file, metadata, "missing required metadata: <identifier>",
            "add <identifier scheme=\"uuid\">urn:uuid:…</identifier> (uuidgen makes one) or an ISBN");
    if (m.date.empty()) error(file, metadata, "missing required metadata: <date>", "add <date>2021-12-31</date>");
    if (m.language.empty())
      error(file, root, "missing required metadata: the publication's language",
            "add xml:lang=\"zh-Hans\" (or zh-Hant) to <publication>");
  }

  // ---- layout (page setup for the PDF) ------------------------------------------

  void parse_layout(const ParsedFile& file, const pugi::xml_node& e) {
    check_attributes(file, e,
                     {"size", "margin-top", "margin-bottom", "margin-inner", "margin-outer", "body-size", "leading",
                      "columns", "column-gap", "footnotes", "running-heads", "chapter-start", "toc",
                      "print", "bleed", "binding", "paper-thickness"},
                     false);
    for (pugi::xml_node child : e.children())
      if (child.type() == pugi::node_element || (child.type() == pugi::node_pcdata && !is_space_only(child.value())))
        error(file, child, "<layout> takes attributes only");
    PageSetup& p = doc_.page;
    if (auto size = e.attribute("size")) parse_trim_size(file, e, size.value());
    auto length = [&](const char* name, double& out) {
      if (auto a = e.attribute(name); a && !parse_length(a.value(), p.body_size, out))
        error(file, e, std::string(name) + " \"" + a.value() + "\" is not a length", "write e.g. 20mm, 36pt or 2em");
    };
    if (auto a = e.attribute("body-size")) {
      double pt = model::chinese_type_size_pt(a.value());
      if (pt == 0 && !parse_length(a.value(), 10.5, pt)) error(file, e, "body-size \"" + std::string(a.value()) + "\" is not a size", "write e.g. 10.5pt or 五号");
      else if (pt < 4 || pt > 72) error(file, e, "body-size must be between 4pt and 72pt");
      else p.body_size = pt;
    }
    length("margin-top", p.margin_top);
    length("margin-bottom", p.margin_bottom);
    length("margin-inner", p.margin_inner);
    length("margin-outer", p.margin_outer);
    if (auto a = e.attribute("leading")) {
      p.leading = a.as_double(0);
      if (!(p.leading >= 1 && p.leading <= 3))  // also refuses "nan"
        error(file, e, "leading must be a multiple of the body size between 1 and 3", "write e.g. leading=\"1.7\"");
    }
    if (auto a = e.attribute("columns")) {
      p.columns = a.as_int(0);
      if (p.columns < 1 || p.columns > 8) error(file, e, "columns must be between 1 and 8");
    }
    if (auto a = e.attribute("column-gap")) {
      double pt = 0;
      if (!parse_length(a.value(), p.body_size, pt)) error(file, e, "column-gap is not a length", "write e.g. 2em");
      else p.column_gap_em = pt / p.body_size;
    }
    choice(file, e, "footnotes", {"chapter", "page"}, [&](std::string_view v) { p.footnotes_per_page = v == "page"; });
    choice(file, e, "running-heads", {"yes", "no"}, [&](std::string_view v) { p.running_heads = v == "yes"; });
    choice(file, e, "chapter-start", {"any", "recto"}, [&](std::string_view v) { p.chapter_recto = v == "recto"; });
    choice(file, e, "toc", {"yes", "no"}, [&](std::string_view v) { p.toc = v == "yes"; });
    // The print profile (docs/print.md).
    choice(file, e, "print", {"yes", "no"}, [&](std::string_view v) { p.print = v == "yes"; });
    choice(file, e, "binding", {"perfect", "saddle"}, [&](std::string_view v) { p.saddle_stitch = v == "saddle"; });
    length("bleed", p.bleed);
    if (p.bleed < 0 || p.bleed > 72) error(file, e, "bleed must be between 0 and 25mm", "write e.g. bleed=\"3mm\"");
    length("paper-thickness", p.paper_thickness);
    if (p.paper_thickness <= 0 || p.paper_thickness > 5.7)
      error(file, e, "paper-thickness must be more than 0 and at most 2mm", "write e.g. paper-thickness=\"0.1mm\"");
    check_text_area(file, e);
  }

  // Margins and column gaps may leave no room on the page: the PDF would be
  // set on a text area of negative size. One character across a column and
  // one line down are the least a page can hold.
  void check_text_area(const ParsedFile& file, const pugi::xml_node& e) {
    const PageSetup& p = doc_.page;
    double width = p.page_width - p.margin_inner - p.margin_outer;
    double height = p.page_height - p.margin_top - p.margin_bottom;
    double column = (width - (p.columns - 1) * p.column_gap_em * p.body_size) / p.columns;
    auto mm = [](double pt) { return std::to_string(static_cast<int>(std::lround(pt / kPointsPerMm))) + " mm"; };
    if (width < p.body_size || height < p.body_size * p.leading)
      error(file, e,
            "the margins leave no room for text on a page of " + mm(p.page_width) + " × " + mm(p.page_height) +
                " (" + mm(std::max(width, 0.0)) + " × " + mm(std::max(height, 0.0)) + " inside them)",
            "make the margins smaller or the page larger");
    else if (column < p.body_size)
      error(file, e,
            "each of the " + std::to_string(p.columns) + " columns is narrower than one character (" +
                mm(std::max(column, 0.0)) + ")",
            "use fewer columns or a smaller column-gap");
  }

  template <typename Fn>
  void choice(const ParsedFile& file, const pugi::xml_node& e, const char* name,
              std::initializer_list<std::string_view> allowed, Fn&& set) {
    pugi::xml_attribute a = e.attribute(name);
    if (!a) return;
    std::string_view v = a.value();
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
      std::string list;
      for (std::string_view ok : allowed) list += (list.empty() ? "" : " or ") + std::string(ok);
      error(file, e, std::string(name) + " must be " + list);
      return;
    }
    set(v);
  }

  void parse_trim_size(const ParsedFile& file, const pugi::xml_node& e, const std::string& size) {
    double w = 0, h = 0;
    if (!model::trim_size_mm(size, w, h)) {
      size_t x = size.find('x');
      bool ok = x != std::string::npos && size.size() > 2 && size.compare(size.size() - 2, 2, "mm") == 0;
      if (ok) {
        char* end = nullptr;
        w = std::strtod(size.c_str(), &end);
        ok = end == size.c_str() + x;
        h = std::strtod(size.c_str() + x + 1, &end);
        ok = ok && end == size.c_str() + size.size() - 2;
      }
      if (!ok || w < 50 || h < 50 || w > 2000 || h > 2000) {
        error(file, e, "size \"" + size + "\" is not a known trim size",
              "use A4, A5, B5, 16开, 大32开, 32开 or WxHmm such as 148x210mm (50–2000 mm)");
        return;
      }
    }
    doc_.page.size_name = size;
    doc_.page.page_width = w * kPointsPerMm;
    doc_.page.page_height = h * kPointsPerMm;
  }

  static constexpr double kPointsPerMm = 72.0 / 25.4;

  // "20mm", "36pt", "2em" (of em_pt), "1.5cm", "0.5in" to points.
  static bool parse_length(const std::string& text, double em_pt, double& out) {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !(v >= 0 && v <= 5000)) return false;  // also refuses "nan"
    std::string unit(end);
    if (unit == "mm") out = v * kPointsPerMm;
    else if (unit == "cm") out = v * 10 * kPointsPerMm;
    else if (unit == "pt") out = v;
    else if (unit == "in") out = v * 72;
    else if (unit == "em") out = v * em_pt;
    else return false;
    return true;
  }

  void check_identifier(const ParsedFile& file, const pugi::xml_node& e) {
    const Metadata& m = doc_.metadata;
    if (m.identifier_scheme == "isbn") {
      std::string digits;
      for (char c : m.identifier)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == 'X' || c == 'x') digits += c;
        else if (c != '-' && c != ' ') digits = "?";
      if (digits.size() != 10 && digits.size() != 13)
        error(file, e, "ISBN \"" + m.identifier + "\" does not have 10 or 13 digits");
    } else if (m.identifier_scheme == "uuid") {
      std::string uuid = m.identifier.rfind("urn:uuid:", 0) == 0 ? m.identifier.substr(9) : m.identifier;
      if (!is_uuid(uuid))
        error(file, e, "identifier \"" + m.identifier + "\" is not a UUID",
              "write urn:uuid: and 32 hex digits in groups 8-4-4-4-12 (uuidgen makes one), or use scheme=\"isbn\"");
    } else {
      error(file, e, "unknown identifier scheme \"" + m.identifier_scheme + "\"", "use uuid or isbn");
    }
  }

  static bool is_valid_date(const std::string& d) {
    auto digits = [&](size_t from, size_t n) {
      if (d.size() < from + n) return false;
      for (size_t i = from; i < from + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
      return true;
    };
    auto number = [&](size_t from) { return (d[from] - '0') * 10 + (d[from + 1] - '0'); };
    if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
    if (!digits(0, 4)) return false;
    if (d.size() >= 7 && !(d[4] == '-' && digits(5, 2) && number(5) >= 1 && number(5) <= 12)) return false;
    if (d.size() == 10 && !(d[7] == '-' && digits(8, 2) && number(8) >= 1 && number(8) <= 31)) return false;
    return true;
  }

  // Resolves src against the file's folder; refuses paths that leave the publication.
  std::string resolve_resource(const ParsedFile& file, const pugi::xml_node& e, std::string_view src,
                               const char* what) {
    PathCheck check = resolve_inside(base_dir_, file.dir, src);
    if (!check.error.empty()) {
      error(file, e, std::string(what) + " \"" + std::string(src) + "\": " + check.error, check.hint);
      return {};
    }
    return check.relative;
  }

  // ---- blocks -----------------------------------------------------------------

  bool too_deep(const ParsedFile& file, const pugi::xml_node& e, int depth) {
    if (depth <= kMaxDepth) return false;
    error(file, e, "elements nested more than " + std::to_string(kMaxDepth) + " deep", "flatten the structure");
    return true;
  }

  void parse_blocks(const ParsedFile& file, const pugi::xml_node& parent, Level level, std::vector<Node>& out,
                    int depth) {
    if (too_deep(file, parent, depth)) return;
    bool first_element = true;
    for (pugi::xml_node child : parent.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!is_space_only(child.value()))
          error(file, child, std::string("text outside a block in ") + level_name(level), "put the text in a <p>");
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      bool is_first = first_element;
      first_element = false;
      std::string_view n = name_of(child);
      // The container has read its first <title>; a fragment's first <title> is out of place.
      bool read_by_container =
          is_first && level != Level::Body && level != Level::Quote && name_of(parent) != "fragment";
      if (n == "title" && read_by_container) continue;
      if (n == "include") parse_include(file, child, level, out, depth);
      else if (n == "part" || n == "chapter" || n == "section") parse_container(file, child, level, out, depth);
      else if (level == Level::Part) error(file, child, "<" + std::string(n) + "> is not allowed in <part>", "a part holds chapters");
      else parse_block(file, child, level, out, depth);
    }
  }

  void parse_container(const ParsedFile& file, const pugi::xml_node& e, Level level, std::vector<Node>& out,
                       int depth) {
    std::string_view n = name_of(e);
    NodeKind kind = n == "part" ? NodeKind::Part : n == "chapter" ? NodeKind::Chapter : NodeKind::Section;
    bool allowed = (kind == NodeKind::Part && level == Level::Body) ||
                   (kind == NodeKind::Chapter && (level == Level::Body || level == Level::Part)) ||
                   (kind == NodeKind::Section && level != Level::Part && level != Level::Quote);
    if (!allowed) {
      error(file, e, "<" + std::string(n) + "> is not allowed in " + level_name(level),
            "parts hold chapters; chapters and sections hold sections and blocks");
      return;
    }
    check_attributes(file, e, {"numbering"});
    Node node = make_node(file, e, kind);
    std::string_view numbering = e.attribute("numbering").as_string("none");
    if (numbering == "chinese") node.numbering = Numbering::Chinese;
    else if (numbering == "arabic") node.numbering = Numbering::Arabic;
    else if (numbering != "none") error(file, e, "unknown numbering \"" + std::string(numbering) + "\"", "use none, chinese or arabic");

    pugi::xml_node title = e.first_child();
    while (title && title.type() != pugi::node_element) title = title.next_sibling();
    if (title && name_of(title) == "title") {
      check_attributes(file, title, {});
      Node t = make_node(file, title, NodeKind::Title);
      parse_inlines(file, title, t.children, depth + 1);
      normalize_block_whitespace(t.children);
      node.children.push_back(std::move(t));
    } else if (kind != NodeKind::Section) {
      error(file, e, "<" + std::string(n) + "> has no <title>", "add <title>…</title> as its first child");
    }
    Level inner = kind == NodeKind::Part ? Level::Part : kind == NodeKind::Chapter ? Level::Chapter : Level::Section;
    parse_blocks(file, e, inner, node.children, depth + 1);
    out.push_back(std::move(node));
  }

  void parse_include(const ParsedFile& file, const pugi::xml_node& e, Level level, std::vector<Node>& out,
                     int depth) {
    check_attributes(file, e, {"src"}, false);
    std::string src = e.attribute("src").value();
    if (src.empty()) return error(file, e, "<include> without src", "write <include src=\"chapter1.xml\"/>");
    std::string relative = resolve_resource(file, e, src, "include");
    if (relative.empty()) return;
    std::filesystem::path path = base_dir_ / relative;
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
    if (std::find(include_stack_.begin(), include_stack_.end(), canonical) != include_stack_.end())
      return error(file, e, "include cycle: \"" + src + "\" includes itself", "remove the <include> that loops back");
    if (++included_files_ > kMaxIncludedFiles) return error(file, e, "too many included files");
    std::string bytes, why;
    if (!read_file_bytes(path, kMaxSourceBytes, bytes, why))
      return error(file, e, "include \"" + src + "\": " + why, "check the path; it is relative to this file");
    auto included = parse_file(std::move(bytes), relative, path.parent_path());
    if (!included) return;
    pugi::xml_node root = included->xml.document_element();
    if (name_of(root) != "fragment")
      return error(*included, root, "an included file's root must be <fragment>, not <" + std::string(root.name()) + ">");
    check_attributes(*included, root, {}, false);
    include_stack_.push_back(canonical);
    parse_blocks(*included, root, level, out, depth + 1);
    include_stack_.pop_back();
  }

  void parse_block(const ParsedFile& file, const pugi::xml_node& e, Level level, std::vector<Node>& out, int depth) {
    std::string_view n = name_of(e);
    if (n == "p" || n == "byline") {
      check_attributes(file, e, n == "p" ? std::initializer_list<std::string_view>{"indent"}
                                         : std::initializer_list<std::string_view>{});
      Node node = make_node(file, e, n == "p" ? NodeKind::Paragraph : NodeKind::Byline);
      std::string_view indent = e.attribute("indent").as_string("yes");
      if (indent == "no") node.indent = false;
      else if (indent != "yes") error(file, e, "indent must be yes or no");
      parse_flow(file, e, node, depth);
      out.push_back(std::move(node));
    } else if (n == "quote") {
      check_attributes(file, e, {});
      Node node = make_node(file, e, NodeKind::BlockQuote);
      parse_blocks(file, e, Level::Quote, node.children, depth + 1);
      out.push_back(std::move(node));
    } else if (n == "verse") {
      out.push_back(parse_verse(file, e, depth));
    } else if (n == "ol" || n == "ul") {
      out.push_back(parse_list(file, e, depth));
    } else if (n == "figure") {
      out.push_back(parse_figure(file, e, depth));
    } else if (n == "table") {
      out.push_back(parse_table(file, e, depth));
    } else if (n == "title") {
      error(file, e, "<title> must be the first child of its part, chapter or section");
    } else {
      error(file, e, "unknown element <" + std::string(n) + "> in " + level_name(level),
            "blocks are p, byline, quote, verse, ol, ul, figure, table; containers are part, chapter, section; "
            "see docs/content-model.md");
    }
  }

  // Parses inline content into node.children and normalises its whitespace.
  void parse_flow(const ParsedFile& file, const pugi::xml_node& e, Node& node, int depth) {
    parse_inlines(file, e, node.children, depth + 1);
    normalize_block_whitespace(node.children);
  }

  // Iterates the element children of e, reporting text and elements not named in `allowed`.
  template <typename Fn>
  void for_each_child_element(const ParsedFile& file, const pugi::xml_node& e,
                              std::initializer_list<std::string_view> allowed, Fn&& fn) {
    for (pugi::xml_node child : e.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!is_space_only(child.value()))
          error(file, child, "text outside a block in <" + std::string(e.name()) + ">",
                "put the text in one of: " + join(allowed));
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      if (std::find(allowed.begin(), allowed.end(), name_of(child)) == allowed.end()) {
        error(file, child, "<" + std::string(child.name()) + "> is not allowed in <" + e.name() + ">",
              "allowed here: " + join(allowed));
        continue;
      }
      fn(child);
    }
  }

  static std::string join(std::initializer_list<std::string_view> names) {
    std::string out;
    for (std::string_view n : names) out += (out.empty() ? "<" : ", <") + std::string(n) + ">";
    return out;
  }

  Node parse_verse(const ParsedFile& file, const pugi::xml_node& e, int depth) {
    check_attributes(file, e, {});
    Node verse = make_node(file, e, NodeKind::Verse);
    Node* loose_stanza = nullptr;  // lines written directly in <verse> form one stanza
    for_each_child_element(file, e, {"stanza", "line"}, [&](const pugi::xml_node& child) {
      if (name_of(child) == "line") {
        if (!loose_stanza) {
          Node stanza;  // where the first line is, but not its id or xml:lang
          stanza.kind = NodeKind::Stanza;
          stanza.where = where(file, child);
          verse.children.push_back(std::move(stanza));
          loose_stanza = &verse.children.back();
        }
        loose_stanza->children.push_back(parse_verse_line(file, child, depth + 1));
        return;
      }
      loose_stanza = nullptr;
      check_attributes(file, child, {});
      Node stanza = make_node(file, child, NodeKind::Stanza);
      for_each_child_element(file, child, {"line"}, [&](const pugi::xml_node& line) {
        stanza.children.push_back(parse_verse_line(file, line, depth + 2));
      });
      verse.children.push_back(std::move(stanza));
    });
    if (verse.children.empty()) error(file, e, "<verse> has no lines", "add <line>…</line> elements");
    return verse;
  }

  Node parse_verse_line(const ParsedFile& file, const pugi::xml_node& e, int depth) {
    check_attributes(file, e, {});
    Node line = make_node(file, e, NodeKind::VerseLine);
    parse_flow(file, e, line, depth);
    return line;
  }

  Node parse_list(const ParsedFile& file, const pugi::xml_node& e, int depth) {
    check_attributes(file, e, {});
    Node list = make_node(file, e, name_of(e) == "ol" ? NodeKind::OrderedList : NodeKind::UnorderedList);
    for_each_child_element(file, e, {"li"}, [&](const pugi::xml_node& li) {
      check_attributes(file, li, {});
      Node item = make_node(file, li, NodeKind::ListItem);
      parse_flow(file, li, item, depth + 1);
      list.children.push_back(std::move(item));
    });
    if (list.children.empty()) error(file, e, "empty list", "add <li>…</li> items");
    return list;
  }

  Node parse_figure(const ParsedFile& file, const pugi::xml_node& e, int depth) {
    check_attributes(file, e, {});
    Node figure = make_node(file, e, NodeKind::Figure);
    int pictures = 0;
    for_each_child_element(file, e, {"image", "placeholder", "caption", "credit"}, [&](const pugi::xml_node& c) {
      std::string_view n = name_of(c);
      if (n == "image") {
        ++pictures;
        check_attributes(file, c, {"src", "alt"});
        Node image = make_node(file, c, NodeKind::Image);
        image.set_label(c.attribute("alt").value());
        if (c.attribute("src").empty()) error(file, c, "<image> without src", "write <image src=\"photo.jpg\" alt=\"…\"/>");
        else image.set_target(resolve_resource(file, c, c.attribute("src").value(), "image"));
        figure.children.push_back(std::move(image));
      } else if (n == "placeholder") {
        ++pictures;
        check_attributes(file, c, {"ratio"});
        Node fpo = make_node(file, c, NodeKind::Placeholder);
        fpo.set_label(c.attribute("ratio").as_string("4:3"));
        if (!is_valid_ratio(fpo.label())) error(file, c, "ratio \"" + fpo.label() + "\" is not W:H", "write e.g. ratio=\"4:3\"");
        parse_flow(file, c, fpo, depth + 1);
        figure.children.push_back(std::move(fpo));
      } else {
        check_attributes(file, c, {});
        Node part = make_node(file, c, n == "caption" ? NodeKind::Caption : NodeKind::Credit);
        parse_flow(file, c, part, depth + 1);
        figure.children.push_back(std::move(part));
      }
    });
    if (pictures != 1)
      error(file, e, "<figure> needs exactly one <image> or <placeholder>, found " + std::to_string(pictures));
    return figure;
  }

  static bool is_valid_ratio(const std::string& r) {
    size_t colon = r.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == r.size() || r.size() > 11) return false;
    for (size_t i = 0; i < r.size(); ++i)
      if (i != colon && !std::isdigit(static_cast<unsigned char>(r[i]))) return false;
    return std::stoi(r.substr(0, colon)) > 0 && std::stoi(r.substr(colon + 1)) > 0;
  }

  Node parse_table(const ParsedFile& file, const pugi::xml_node& e, int depth) {
    check_attributes(file, e, {});
    Node table = make_node(file, e, NodeKind::Table);
    for_each_child_element(file, e, {"caption", "tr"}, [&](const pugi::xml_node& c) {
      check_attributes(file, c, {});
      if (name_of(c) == "caption") {
        Node caption = make_node(file, c, NodeKind::Caption);
        parse_flow(file, c, caption, depth + 1);
        table.children.push_back(std::move(caption));
        return;
      }
      Node row = make_node(file, c, NodeKind::TableRow);
      for_each_child_element(file, c, {"th", "td"}, [&](const pugi::xml_node& cell) {
        check_attributes(file, cell, {});
        Node n = make_node(file, cell, NodeKind::TableCell);
        n.is_header = name_of(cell) == "th";
        parse_flow(file, cell, n, depth + 2);
        row.children.push_back(std::move(n));
      });
      table.children.push_back(std::move(row));
    });
    return table;
  }

  // ---- inline content -------------------------------------------------------------

  void parse_inlines(const ParsedFile& file, const pugi::xml_node& parent, std::vector<Node>& out, int depth) {
    if (too_deep(file, parent, depth)) return;
    for (pugi::xml_node child : parent.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        Node text;
        text.kind = NodeKind::Text;
        text.where = where(file, child);
        text.text = child.value();
        out.push_back(std::move(text));
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      std::string_view n = name_of(child);
      const InlineSpec* spec = nullptr;
      for (const InlineSpec& s : kInlineElements)
        if (n == s.name) spec = &s;
      if (!spec) {
        error(file, child, "<" + std::string(n) + "> is not allowed in text (inside <" + parent.name() + ">)",
              "inline elements are em, strong, dot, a, ruby, br, code, span, note");
        continue;
      }
      out.push_back(parse_inline(file, child, *spec, depth + 1));
    }
  }

  Node parse_inline(const ParsedFile& file, const pugi::xml_node& e, const InlineSpec& spec, int depth) {
    Node node = make_node(file, e, spec.kind);
    switch (spec.kind) {
      case NodeKind::Link:
        check_attributes(file, e, {"href"});
        node.set_target(e.attribute("href").value());
        if (node.target().empty()) error(file, e, "<a> without href", "write <a href=\"#id\"> or <a href=\"https://…\">");
        else if (node.target()[0] != '#' && node.target().rfind("https://", 0) != 0 &&
                 node.target().rfind("http://", 0) != 0 && node.target().rfind("mailto:", 0) != 0)
          error(file, e, "link \"" + node.target() + "\" is neither #id nor an http(s) or mailto address");
        break;
      case NodeKind::LineBreak:
        check_attributes(file, e, {});
        if (e.first_child()) error(file, e, "<br/> must be empty");
        return node;
      case NodeKind::Ruby:
        check_attributes(file, e, {});
        return parse_ruby(file, e, std::move(node), depth);
      default:
        check_attributes(file, e, {});
    }
    parse_inlines(file, e, node.children, depth);
    return node;
  }

  Node parse_ruby(const ParsedFile& file, const pugi::xml_node& e, Node node, int depth) {
    pugi::xml_node rt = e.child("rt");
    if (!rt) {
      error(file, e, "<ruby> without <rt>", "write <ruby>汉<rt>hàn</rt></ruby>");
      return node;
    }
    if (rt.next_sibling() && !(rt.next_sibling().type() == pugi::node_pcdata && is_space_only(rt.next_sibling().value())))
      error(file, rt, "<rt> must come last in <ruby>");
    check_attributes(file, rt, {});
    node.set_label(text_of(file, rt, "<rt> holds plain text only"));
    for (pugi::xml_node child : e.children()) {
      if (child == rt) break;
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        Node text;
        text.kind = NodeKind::Text;
        text.where = where(file, child);
        text.text = child.value();
        node.children.push_back(std::move(text));
      } else if (child.type() == pugi::node_element) {
        error(file, child, "<ruby> holds its base text and one <rt>", "put markup around the <ruby>");
      }
    }
    (void)depth;
    if (plain_text(node).find_first_not_of(" \t\n") == std::string::npos) error(file, e, "<ruby> has no base text");
    return node;
  }
};

}  // namespace

LoadResult load_publication(const std::filesystem::path& source) {
  std::string bytes, why;
  if (!read_file_bytes(source, kMaxSourceBytes, bytes, why)) {
    LoadResult result;
    result.diagnostics.error(source.string(), 0, 0, why,
                             why == "file not found" ? "check the path" : std::string());
    return result;
  }
  std::error_code ec;  // absolute() fails when the current folder's path is longer than PATH_MAX
  std::filesystem::path canonical = std::filesystem::absolute(source, ec);
  if (ec) {
    LoadResult result;
    result.diagnostics.error(source.string(), 0, 0, "cannot find where the file is: " + ec.message(),
                             "run huozi from a folder with a shorter path, or name the source by a shorter one");
    return result;
  }
  canonical = std::filesystem::weakly_canonical(canonical, ec);
  return Loader().run(std::move(bytes), source.string(), canonical.parent_path(), canonical);
}

LoadResult load_publication_from_string(std::string_view xml, const std::string& name,
                                        const std::filesystem::path& base_dir) {
  return Loader().run(std::string(xml), name, base_dir, {});
}

}  // namespace huozi::model
