#include "epub/package_files.h"

#include "epub/markup.h"
#include "epub/xhtml_writer.h"
#include "model/metadata.h"

namespace huozi::epub {
namespace {

std::string toc_word(const model::Document& doc) { return is_traditional(doc.metadata.language) ? "目錄" : "目录"; }

// What the accessibility statements may claim about the pictures.
struct Pictures {
  bool every_image_described = true;  // alt text, else a caption (the img's alt, see xhtml_writer.cpp)
  bool has_placeholders = false;
};

void survey(const std::vector<model::Node>& nodes, Pictures& pictures) {
  for (const model::Node& n : nodes) {
    if (n.kind == model::NodeKind::Figure) {
      bool captioned = false;
      for (const model::Node& c : n.children)
        if (c.kind == model::NodeKind::Caption && !model::plain_text(c).empty()) captioned = true;
      for (const model::Node& c : n.children) {
        if (c.kind == model::NodeKind::Image && c.label().empty() && !captioned)
          pictures.every_image_described = false;
        if (c.kind == model::NodeKind::Placeholder) pictures.has_placeholders = true;
      }
    }
    survey(n.children, pictures);
  }
}

// EPUB 3 accessibility metadata (schema.org terms, the values Ace by DAISY checks).
// Text alone suffices, and alternativeText is claimed, only when every image
// has a text alternative.
std::string accessibility_metadata(const model::Document& doc, const BookPlan& plan) {
  Pictures pictures;
  survey(doc.body, pictures);
  bool described = !plan.has_images || pictures.every_image_described;
  std::string out;
  auto meta = [&](const char* property, const std::string& value) {
    out += "    <meta property=\"" + std::string(property) + "\">" + escaped(value) + "</meta>\n";
  };
  meta("schema:accessMode", "textual");
  if (plan.has_images) meta("schema:accessMode", "visual");
  if (described) meta("schema:accessModeSufficient", "textual");
  if (plan.has_images) meta("schema:accessModeSufficient", "textual,visual");
  meta("schema:accessibilityFeature", "structuralNavigation");
  meta("schema:accessibilityFeature", "tableOfContents");
  meta("schema:accessibilityFeature", "readingOrder");
  meta("schema:accessibilityFeature", "displayTransformability");
  if (plan.has_images && described) meta("schema:accessibilityFeature", "alternativeText");
  if (plan.has_ruby) meta("schema:accessibilityFeature", "rubyAnnotations");
  if (plan.has_tables) meta("schema:accessibilityFeature", "tableHeaders");
  meta("schema:accessibilityHazard", "none");
  std::string summary =
      "Reflowable text with a table of contents and headings for navigation; reading order follows the "
      "source. ";
  if (plan.has_images)
    summary += described ? "Every image has a text alternative, its alt text or else its caption. "
                         : "Some images have no text alternative. ";
  if (pictures.has_placeholders)
    summary += "Pictures not yet available are marked as placeholders (FPO) with a text description. ";
  summary.pop_back();
  meta("schema:accessibilitySummary", summary);
  return out;
}

std::string dc_metadata(const model::Document& doc, const std::string& modified) {
  const model::Metadata& m = doc.metadata;
  std::string out;
  out += "    <dc:identifier id=\"pub-id\">" + escaped(identifier_urn(m)) + "</dc:identifier>\n";
  out += "    <dc:title id=\"title\">" + escaped(m.title) + "</dc:title>\n";
  out += "    <meta refines=\"#title\" property=\"title-type\">main</meta>\n";
  if (!m.subtitle.empty()) {
    out += "    <dc:title id=\"subtitle\">" + escaped(m.subtitle) + "</dc:title>\n";
    out += "    <meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n";
    // Title and subtitle joined as the book joins them (a full-width colon),
    // for reading systems that show one line; left to themselves they join
    // the two with an ASCII colon.
    out += "    <dc:title id=\"expanded\">" + escaped(model::display_title(m)) + "</dc:title>\n";
    out += "    <meta refines=\"#expanded\" property=\"title-type\">expanded</meta>\n";
  }
  out += "    <dc:language>" + escaped(m.language) + "</dc:language>\n";
  for (size_t i = 0; i < m.creators.size(); ++i) {
    const model::Creator& c = m.creators[i];
    std::string id = "creator-" + std::to_string(i + 1);
    // The principal contributors (the authors; for a book without one, its
    // editors and compilers) are dc:creator, which is all many tools read;
    // the others are contributors. The role refines each.
    const char* element = model::is_principal(m, c) ? "dc:creator" : "dc:contributor";
    out += std::string("    <") + element + " id=\"" + id + "\">" + escaped(c.name) + "</" + element + ">\n";
    out += "    <meta refines=\"#" + id + "\" property=\"role\" scheme=\"marc:relators\">" + escaped(c.role) +
           "</meta>\n";
    if (!c.file_as.empty())
      out += "    <meta refines=\"#" + id + "\" property=\"file-as\">" + escaped(c.file_as) + "</meta>\n";
  }
  if (!m.publisher.empty()) out += "    <dc:publisher>" + escaped(m.publisher) + "</dc:publisher>\n";
  out += "    <dc:date>" + escaped(m.date) + "</dc:date>\n";
  if (!m.rights.empty()) out += "    <dc:rights>" + escaped(m.rights) + "</dc:rights>\n";
  if (!m.description.empty()) out += "    <dc:description>" + escaped(m.description) + "</dc:description>\n";
  for (const std::string& s : m.subjects) out += "    <dc:subject>" + escaped(s) + "</dc:subject>\n";
  out += "    <meta property=\"dcterms:modified\">" + modified + "</meta>\n";
  return out;
}

void append_toc_list(std::string& out, const std::vector<TocEntry>& entries, int depth) {
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  out += indent + "<ol>\n";
  for (const TocEntry& e : entries) {
    out += indent + "  <li><a href=\"" + escaped(e.href) + "\">" + escaped(e.label) + "</a>";
    if (!e.children.empty()) {
      out += "\n";
      append_toc_list(out, e.children, depth + 2);
      out += indent + "  ";
    }
    out += "</li>\n";
  }
  out += indent + "</ol>\n";
}

void append_nav_points(std::string& out, const std::vector<TocEntry>& entries, int& order, int depth) {
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  for (const TocEntry& e : entries) {
    int n = ++order;
    out += indent + "<navPoint id=\"nav-" + std::to_string(n) + "\" playOrder=\"" + std::to_string(n) + "\">\n";
    out += indent + "  <navLabel><text>" + escaped(e.label) + "</text></navLabel>\n";
    out += indent + "  <content src=\"" + escaped(e.href) + "\"/>\n";
    append_nav_points(out, e.children, order, depth + 1);
    out += indent + "</navPoint>\n";
  }
}

int toc_depth(const std::vector<TocEntry>& entries) {
  int depth = 0;
  for (const TocEntry& e : entries) depth = std::max(depth, 1 + toc_depth(e.children));
  return depth;
}

const char* role_word(const std::string& role, bool traditional) {
  if (role == "aut") return "著";
  if (role == "edt") return traditional ? "編" : "编";
  if (role == "trl") return traditional ? "譯" : "译";
  if (role == "ill") return traditional ? "繪" : "绘";
  if (role == "pht") return traditional ? "攝影" : "摄影";
  return "";
}

}  // namespace

bool is_traditional(const std::string& lang) {
  return lang.rfind("zh-Hant", 0) == 0 || lang == "zh-TW" || lang == "zh-HK" || lang == "zh-MO";
}

std::string identifier_urn(const model::Metadata& m) {
  if (m.identifier.rfind("urn:", 0) == 0) return m.identifier;
  if (m.identifier_scheme == "isbn") {
    std::string digits;
    for (char c : m.identifier)
      if (c != '-' && c != ' ') digits += c;
    return "urn:isbn:" + digits;
  }
  return "urn:uuid:" + m.identifier;
}

std::string container_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
         "  <rootfiles>\n"
         "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
         "  </rootfiles>\n"
         "</container>\n";
}

std::string package_opf(const model::Document& doc, const BookPlan& plan, const std::string& modified,
                        const std::vector<FontFile>& fonts) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"" +
         escaped(doc.metadata.language) + "\">\n";
  out += "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  out += dc_metadata(doc, modified);
  out += accessibility_metadata(doc, plan);
  bool has_cover = !plan.cover_href.empty();
  if (has_cover) out += "    <meta name=\"cover\" content=\"cover-image\"/>\n";
  out += "  </metadata>\n  <manifest>\n";
  out += "    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n";
  out += "    <item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n";
  out += "    <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n";
  if (has_cover) out += "    <item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>\n";
  out += "    <item id=\"titlepage\" href=\"titlepage.xhtml\" media-type=\"application/xhtml+xml\"/>\n";
  for (size_t i = 0; i < plan.spine.size(); ++i)
    out += "    <item id=\"doc-" + std::to_string(i + 1) + "\" href=\"" + plan.spine[i].file +
           "\" media-type=\"application/xhtml+xml\"/>\n";
  for (size_t i = 0; i < plan.media.size(); ++i) {
    const Media& m = plan.media[i];
    bool is_cover = has_cover && m.href == plan.cover_href;
    out += "    <item id=\"" + (is_cover ? std::string("cover-image") : "img-" + std::to_string(i + 1)) +
           "\" href=\"" + m.href + "\" media-type=\"" + m.media_type + "\"" +
           (is_cover ? " properties=\"cover-image\"" : "") + "/>\n";
  }
  for (size_t i = 0; i < fonts.size(); ++i)
    out += "    <item id=\"font-" + std::to_string(i + 1) + "\" href=\"" + fonts[i].href + "\" media-type=\"" +
           (fonts[i].truetype ? "font/ttf" : "font/otf") + "\"/>\n";
  out += "  </manifest>\n  <spine toc=\"ncx\" page-progression-direction=\"" +
         std::string(doc.writing_mode == model::WritingMode::Vertical ? "rtl" : "ltr") + "\">\n";
  if (has_cover) out += "    <itemref idref=\"cover\"/>\n";
  out += "    <itemref idref=\"titlepage\"/>\n    <itemref idref=\"nav\"/>\n";
  for (size_t i = 0; i < plan.spine.size(); ++i) out += "    <itemref idref=\"doc-" + std::to_string(i + 1) + "\"/>\n";
  out += "  </spine>\n</package>\n";
  return out;
}

std::string navigation_xhtml(const model::Document& doc, const BookPlan& plan) {
  std::string out = xhtml_head(doc, toc_word(doc), "frontmatter", vertical_publication(doc));
  out += "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>" + toc_word(doc) + "</h1>\n";
  if (plan.toc.empty()) {
    // A TOC needs an entry: the first body file, under the publication's title.
    std::vector<TocEntry> single{{doc.metadata.title, plan.spine.empty() ? "titlepage.xhtml" : plan.spine[0].file, {}}};
    append_toc_list(out, single, 0);
  } else {
    append_toc_list(out, plan.toc, 0);
  }
  out += "</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n";
  if (!plan.cover_href.empty()) out += "  <li><a epub:type=\"cover\" href=\"cover.xhtml\">封面</a></li>\n";
  out += "  <li><a epub:type=\"titlepage\" href=\"titlepage.xhtml\">" + escaped(doc.metadata.title) + "</a></li>\n";
  out += "  <li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">" + toc_word(doc) + "</a></li>\n";
  if (!plan.spine.empty())
    out += "  <li><a epub:type=\"bodymatter\" href=\"" + plan.spine[0].file + "\">" +
           (is_traditional(doc.metadata.language) ? "正文" : "正文") + "</a></li>\n";
  out += "</ol>\n</nav>\n";
  out += xhtml_foot();
  return out;
}

std::string toc_ncx(const model::Document& doc, const BookPlan& plan) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"" +
         escaped(doc.metadata.language) + "\">\n<head>\n";
  out += "  <meta name=\"dtb:uid\" content=\"" + escaped(identifier_urn(doc.metadata)) + "\"/>\n";
  out += "  <meta name=\"dtb:depth\" content=\"" + std::to_string(std::max(1, toc_depth(plan.toc))) + "\"/>\n";
  out += "  <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n  <meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n";
  out += "</head>\n<docTitle><text>" + escaped(doc.metadata.title) + "</text></docTitle>\n<navMap>\n";
  int order = 0;
  std::vector<TocEntry> entries = plan.toc;
  if (entries.empty()) entries.push_back({doc.metadata.title, plan.spine.empty() ? "titlepage.xhtml" : plan.spine[0].file, {}});
  append_nav_points(out, entries, order, 1);
  out += "</navMap>\n</ncx>\n";
  return out;
}

std::string title_page_xhtml(const model::Document& doc) {
  const model::Metadata& m = doc.metadata;
  bool traditional = is_traditional(m.language);
  std::string out = xhtml_head(doc, m.title, "frontmatter", vertical_publication(doc));
  out += "<section class=\"titlepage\" epub:type=\"titlepage\">\n";
  out += "<h1 class=\"book-title\">" + escaped(m.title) + "</h1>\n";
  if (!m.subtitle.empty()) out += "<p class=\"book-subtitle\">" + escaped(m.subtitle) + "</p>\n";
  for (const model::Creator& c : m.creators)
    out += "<p class=\"book-creator\">" + escaped(c.name) + " " + role_word(c.role, traditional) + "</p>\n";
  if (!m.publisher.empty()) out += "<p class=\"book-publisher\">" + escaped(m.publisher) + "</p>\n";
  out += "<p class=\"book-date\">" + escaped(m.date) + "</p>\n";
  if (!m.description.empty()) out += "<p class=\"book-description\">" + escaped(m.description) + "</p>\n";
  if (!m.rights.empty()) out += "<p class=\"book-rights\">" + escaped(m.rights) + "</p>\n";
  out += "</section>\n";
  out += xhtml_foot();
  return out;
}

std::string cover_xhtml(const model::Document& doc, const BookPlan& plan) {
  // A picture has no writing direction: the page stays horizontal, where max-width and max-height fit it to any screen.
  std::string out = xhtml_head(doc, doc.metadata.title, "cover", false);
  out += "<section class=\"cover\" epub:type=\"cover\">\n<img src=\"" + escaped(plan.cover_href) + "\" alt=\"" +
         escaped(doc.metadata.title) +
         "\"/>\n</section>\n";
  out += xhtml_foot();
  return out;
}

}  // namespace huozi::epub
