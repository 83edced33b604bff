// Helpers shared by the EPUB tests: a valid publication around a body, a
// temporary folder, an EPUB written and read back entry by entry (libzip), and
// XML parsed with pugixml plus the well-formedness checks pugixml leaves out.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "epub/book_plan.h"
#include "epub/epub_writer.h"
#include "model/document.h"
#include "model/loader.h"

namespace huozi::epub::testing {

namespace fs = std::filesystem;

inline constexpr std::string_view kUuid = "5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e";

// A valid publication: `metadata` is added after the required title, identifier
// and date; `body` goes inside <body>.
inline std::string publication(std::string_view body, std::string_view lang = "zh-Hans",
                               std::string_view metadata = {}, std::string_view date = "2021-12-31") {
  std::string out = "<publication xml:lang=\"" + std::string(lang) + "\">\n<metadata>\n";
  out += "<title>书名</title>\n";
  out += "<identifier scheme=\"uuid\">urn:uuid:" + std::string(kUuid) + "</identifier>\n";
  out += "<date>" + std::string(date) + "</date>\n";
  out += std::string(metadata);
  out += "</metadata>\n<body>\n" + std::string(body) + "\n</body>\n</publication>\n";
  return out;
}

// A body with every kind of split: loose blocks, a part with two chapters (with
// numbered sections, footnotes, a figure, ruby, links across files), a chapter
// with an untitled section, and loose blocks again. Its spine is text-001,
// part-002, chapter-003, chapter-004, chapter-005, text-006.
inline constexpr std::string_view kBookBody =
    "<p>开篇的话。</p>\n"
    "<part id=\"part1\" numbering=\"chinese\"><title>上编</title>\n"
    "<chapter id=\"ch1\" numbering=\"chinese\"><title>山居</title>\n"
    "<p>见<a href=\"#sec2\">下一节</a>。<note>第一条注。</note></p>\n"
    "<section id=\"sec1\" "
    "numbering=\"chinese\"><title>春</title><p>春天<note>第二条注。</note></p></section>\n"
    "<section id=\"sec2\" numbering=\"chinese\"><title>夏</title>\n"
    "<figure id=\"fig1\"><image src=\"photo.png\" "
    "alt=\"蓝色方块\"/><caption>图一</caption></figure></section>\n"
    "</chapter>\n"
    "<chapter id=\"ch2\" numbering=\"chinese\"><title>水居</title>\n"
    "<p>水<note>第三条注。</note><ruby>汉<rt>hàn</rt></ruby></p></chapter>\n"
    "</part>\n"
    "<chapter id=\"ch3\"><title>后记</title><p>回到<a href=\"#ch1\">山居</a>。</p>\n"
    "<section><p>无题小节</p><section><title>小节甲</title><p>甲</p></section></section>\n"
    "</chapter>\n"
    "<p>尾声。</p>";

// The folder holding this suite's data files (cover.png, photo.png, photo.jpg).
inline fs::path data_dir() { return HUOZI_TEST_DATA; }

inline std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::string describe(const DiagnosticList& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += "  " + format_diagnostic(d) + "\n";
  return out.empty() ? "  (no diagnostics)\n" : out;
}

// Loads a publication from memory (images resolve against base_dir); a load
// error fails the test and leaves the optional empty.
inline std::optional<model::Document> load(std::string_view xml, const fs::path& base_dir = data_dir()) {
  model::LoadResult r = model::load_publication_from_string(xml, "test.xml", base_dir);
  if (!r.document) ADD_FAILURE() << "the publication does not load:\n" << describe(r.diagnostics);
  return std::move(r.document);
}

// A fresh folder under the system's temporary directory, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "huozi-epub-test-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) ADD_FAILURE() << "mkdtemp failed";
    path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

  // The names of the folder's entries, sorted (dot files included).
  std::vector<std::string> listing() const { return listing_of(path_); }
  static std::vector<std::string> listing_of(const fs::path& folder) {
    std::vector<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(folder))
      names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path path_;
};

// Sets (or unsets, with nullptr) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
    if (name_ == "TZ") tzset();
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_.c_str(), old_->c_str(), 1);
    else
      unsetenv(name_.c_str());
    if (name_ == "TZ") tzset();
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

// ---- zip ------------------------------------------------------------------------

struct ZipEntry {
  std::string name;
  uint16_t method = 0;           // ZIP_CM_STORE, ZIP_CM_DEFLATE
  int local_extra_fields = 0;    // in the local file header
  int central_extra_fields = 0;  // in the central directory
  time_t mtime = 0;
  std::string data;
};

// Every entry of the archive at path, in archive order; an unreadable archive
// fails the test and gives no entries.
inline std::vector<ZipEntry> read_zip(const fs::path& path) {
  std::vector<ZipEntry> entries;
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (!archive) {
    ADD_FAILURE() << "cannot open " << path << " as a zip archive (libzip error " << code << ")";
    return entries;
  }
  zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive, index, 0, &st) != 0) {
      ADD_FAILURE() << "cannot stat entry " << i;
      continue;
    }
    ZipEntry e;
    e.name = st.name;
    e.method = st.comp_method;
    e.mtime = st.mtime;
    e.local_extra_fields = zip_file_extra_fields_count(archive, index, ZIP_FL_LOCAL);
    e.central_extra_fields = zip_file_extra_fields_count(archive, index, ZIP_FL_CENTRAL);
    e.data.resize(st.size);
    zip_file_t* f = zip_fopen_index(archive, index, 0);
    if (!f || zip_fread(f, e.data.data(), st.size) != static_cast<zip_int64_t>(st.size))
      ADD_FAILURE() << "cannot read entry " << e.name;
    if (f) zip_fclose(f);
    entries.push_back(std::move(e));
  }
  zip_discard(archive);
  return entries;
}

// An EPUB written by write_epub into its own temporary folder, read back.
class Epub {
 public:
  explicit Epub(const model::Document& doc, const EpubOptions& options = {}) {
    path_ = dir_ / "book.epub";
    ok_ = write_epub(doc, path_, options, diagnostics_);
    if (!ok_) {
      ADD_FAILURE() << "write_epub failed:\n" << describe(diagnostics_);
      return;
    }
    entries_ = read_zip(path_);
  }

  bool ok() const { return ok_; }
  const fs::path& path() const { return path_; }
  const std::vector<ZipEntry>& entries() const { return entries_; }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const ZipEntry& e : entries_) out.push_back(e.name);
    return out;
  }
  bool has(const std::string& name) const {
    return std::any_of(entries_.begin(), entries_.end(), [&](const ZipEntry& e) { return e.name == name; });
  }
  // The bytes of an entry; a missing entry fails the test and gives "".
  std::string entry(const std::string& name) const {
    for (const ZipEntry& e : entries_)
      if (e.name == name) return e.data;
    ADD_FAILURE() << "no entry " << name << " in the EPUB";
    return {};
  }

 private:
  TempDir dir_;
  fs::path path_;
  bool ok_ = false;
  DiagnosticList diagnostics_;
  std::vector<ZipEntry> entries_;
};

// "label -> href" for each entry of the plan's table of contents, children
// indented by two spaces, one per line.
inline void trace_toc(const std::vector<TocEntry>& entries, int depth, std::string& out) {
  for (const TocEntry& e : entries) {
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + e.label + " -> " + e.href + "\n";
    trace_toc(e.children, depth + 1, out);
  }
}

inline std::string trace_toc(const BookPlan& plan) {
  std::string out;
  trace_toc(plan.toc, 0, out);
  return out;
}

// ---- XML --------------------------------------------------------------------------

// What pugixml does not check: every entity reference is one of XML's five or
// a character reference, no attribute appears twice on an element, and every
// prefixed name (epub:type, dc:title) has its namespace declared.
inline std::string strictness_problems(std::string_view text, const pugi::xml_node& root) {
  std::string problems;
  for (size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    size_t semi = text.find(';', amp);
    std::string_view ref = text.substr(amp + 1, semi == std::string_view::npos ? 0 : semi - amp - 1);
    bool ok = ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos" ||
              (ref.size() > 1 && ref[0] == '#');
    if (!ok) problems += "bad entity reference at byte " + std::to_string(amp) + "\n";
  }
  struct Walker : pugi::xml_tree_walker {
    std::string* problems;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() != pugi::node_element) return true;
      std::set<std::string> seen;
      auto declared = [&](const std::string& prefix) {
        if (prefix == "xml" || prefix == "xmlns") return true;
        for (pugi::xml_node n = node; n; n = n.parent())
          if (n.attribute(("xmlns:" + prefix).c_str())) return true;
        return false;
      };
      auto check_name = [&](const std::string& name) {
        size_t colon = name.find(':');
        if (colon != std::string::npos && !declared(name.substr(0, colon)))
          *problems += "undeclared prefix in " + name + " on <" + node.name() + ">\n";
      };
      check_name(node.name());
      for (pugi::xml_attribute a : node.attributes()) {
        if (!seen.insert(a.name()).second) *problems += std::string("duplicate attribute ") + a.name() + "\n";
        check_name(a.name());
      }
      return true;
    }
  } walker;
  walker.problems = &problems;
  const_cast<pugi::xml_node&>(root).traverse(walker);
  return problems;
}

// A parsed XML file. Parsing failures are test failures (see well_formed()).
struct Xml {
  std::shared_ptr<pugi::xml_document> doc = std::make_shared<pugi::xml_document>();
  pugi::xml_parse_result result;
  std::string problems;  // empty when well-formed

  pugi::xml_node root() const { return doc->document_element(); }
  pugi::xpath_node_set all(const char* xpath) const { return doc->select_nodes(xpath); }
  pugi::xml_node one(const char* xpath) const { return doc->select_node(xpath).node(); }
};

inline Xml parse_xml(std::string_view text) {
  Xml x;
  x.result = x.doc->load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_declaration,
                                pugi::encoding_utf8);
  if (!x.result)
    x.problems = std::string("malformed: ") + x.result.description() + " at byte " +
                 std::to_string(x.result.offset) + "\n";
  else
    x.problems = strictness_problems(text, x.root());
  return x;
}

inline ::testing::AssertionResult well_formed(std::string_view text) {
  Xml x = parse_xml(text);
  if (x.problems.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << x.problems << "in:\n" << text;
}

// The text of a node and its descendants.
inline std::string text_of(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata)
      out += n.value();
    else
      out += text_of(n);
  }
  return out;
}

// The node printed back as compact XML (attributes in source order).
inline std::string outer_xml(const pugi::xml_node& node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw);
  return out.str();
}

// The values of one attribute over an XPath selection, in document order.
inline std::vector<std::string> attribute_values(const Xml& x, const char* xpath, const char* attribute) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& n : x.all(xpath)) out.push_back(n.node().attribute(attribute).value());
  return out;
}

inline std::vector<std::string> texts(const Xml& x, const char* xpath) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& n : x.all(xpath)) out.push_back(text_of(n.node()));
  return out;
}

// Succeeds when every link in the EPUB's XHTML files (body, nav, title page)
// that is not external names a file of the EPUB and, after "#", an id in it.
// `count` receives the number of internal links checked.
inline ::testing::AssertionResult every_link_lands(const Epub& epub, size_t* count = nullptr) {
  std::map<std::string, std::set<std::string>> ids_in;     // file -> its ids
  std::vector<std::pair<std::string, std::string>> links;  // (file, href)
  for (const ZipEntry& e : epub.entries()) {
    const std::string suffix = ".xhtml";
    if (e.name.rfind("EPUB/", 0) != 0 || e.name.size() < suffix.size() ||
        e.name.compare(e.name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string file = e.name.substr(5);
    Xml x = parse_xml(e.data);
    if (!x.problems.empty()) return ::testing::AssertionFailure() << file << ": " << x.problems;
    std::set<std::string>& ids = ids_in[file];
    for (const pugi::xpath_node& n : x.all("//*[@id]")) ids.insert(n.node().attribute("id").value());
    for (const pugi::xpath_node& a : x.all("//a[@href]"))
      links.emplace_back(file, a.node().attribute("href").value());
  }
  std::string broken;
  size_t internal = 0;
  for (const auto& [file, href] : links) {
    if (href.find("://") != std::string::npos || href.rfind("mailto:", 0) == 0) continue;
    ++internal;
    size_t hash = href.find('#');
    std::string target_file = hash == 0 ? file : href.substr(0, hash);
    std::string id = hash == std::string::npos ? "" : href.substr(hash + 1);
    auto it = ids_in.find(target_file);
    if (it == ids_in.end())
      broken += "  " + file + " links to " + href + ": no such file\n";
    else if (!id.empty() && !it->second.count(id))
      broken += "  " + file + " links to " + href + ": no such id\n";
  }
  if (count) *count = internal;
  if (broken.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "links that land nowhere:\n" << broken;
}

}  // namespace huozi::epub::testing
