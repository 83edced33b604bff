// The loader walks pugixml's tree once, building model nodes and reporting
// every structural problem with its place. The metadata, <layout> and inline
// content have readers of their own (metadata_reader.h, layout_attributes.h,
// inline_reader.h); cross-reference checks (ids, links, images) run
// afterwards over the finished tree (checks.h).
#include "model/loader.h"

#include <algorithm>
#include <memory>

#include "model/checks.h"
#include "model/inline_reader.h"
#include "model/layout_attributes.h"
#include "model/metadata_reader.h"
#include "model/newspaper_reader.h"
#include "model/source_file.h"
#include "model/validators.h"
#include "model/whitespace.h"
#include "model/xml_cursor.h"

namespace huozi::model {
namespace {

constexpr size_t kMaxSourceBytes = 256u << 20;
constexpr size_t kMaxIncludedFiles = 20000;

// Where a list of blocks sits decides which elements it may hold.
enum class Level { Body, Part, Chapter, Section, Quote, Article };

const char* level_name(Level level) {
  switch (level) {
    case Level::Body:
      return "<body>";
    case Level::Part:
      return "<part>";
    case Level::Chapter:
      return "<chapter>";
    case Level::Section:
      return "<section>";
    case Level::Quote:
      return "<quote>";
    case Level::Article:
      return "<article>";
  }
  return "";
}

std::string join(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "<" : ", <") + std::string(n) + ">";
  return out;
}

// Iterates the element children of e, reporting text and elements not named in `allowed`.
template <typename Fn>
void for_each_child_element(const Cursor& e, std::initializer_list<std::string_view> allowed, Fn&& fn) {
  for (pugi::xml_node node : e.node().children()) {
    Cursor child = e.at(node);
    if (is_text(node)) {
      if (!is_space_only(node.value()))
        child.error("text outside a block in <" + std::string(e.name()) + ">",
                    "put the text in one of: " + join(allowed));
      continue;
    }
    if (node.type() != pugi::node_element) continue;
    if (std::find(allowed.begin(), allowed.end(), child.name()) == allowed.end()) {
      child.error(tag(child.name()) + " is not allowed in " + tag(e.name()),
                  "allowed here: " + join(allowed));
      continue;
    }
    fn(child);
  }
}

// Reads inline content into node.children and normalises its whitespace.
void read_flow(const Cursor& e, Node& node, int depth) {
  read_inlines(e, node.children, depth + 1);
  normalize_block_whitespace(node.children);
}

Node read_verse_line(const Cursor& e, int depth) {
  e.check_attributes({});
  Node line = e.make_node(NodeKind::VerseLine);
  read_flow(e, line, depth);
  return line;
}

Node read_verse(const Cursor& e, int depth) {
  e.check_attributes({});
  Node verse = e.make_node(NodeKind::Verse);
  Node* loose_stanza = nullptr;  // lines written directly in <verse> form one stanza
  for_each_child_element(e, {"stanza", "line"}, [&](const Cursor& child) {
    if (child.name() == "line") {
      if (!loose_stanza) {
        Node stanza;  // where the first line is, but not its id or xml:lang
        stanza.kind = NodeKind::Stanza;
        stanza.where = child.where();
        verse.children.push_back(std::move(stanza));
        loose_stanza = &verse.children.back();
      }
      loose_stanza->children.push_back(read_verse_line(child, depth + 1));
      return;
    }
    loose_stanza = nullptr;
    child.check_attributes({});
    Node stanza = child.make_node(NodeKind::Stanza);
    for_each_child_element(child, {"line"}, [&](const Cursor& line) {
      stanza.children.push_back(read_verse_line(line, depth + 2));
    });
    verse.children.push_back(std::move(stanza));
  });
  if (verse.children.empty()) e.error("<verse> has no lines", "add <line>…</line> elements");
  return verse;
}

Node read_list(const Cursor& e, int depth) {
  e.check_attributes({});
  Node list = e.make_node(e.name() == "ol" ? NodeKind::OrderedList : NodeKind::UnorderedList);
  for_each_child_element(e, {"li"}, [&](const Cursor& li) {
    li.check_attributes({});
    Node item = li.make_node(NodeKind::ListItem);
    read_flow(li, item, depth + 1);
    list.children.push_back(std::move(item));
  });
  if (list.children.empty()) e.error("empty list", "add <li>…</li> items");
  return list;
}

Node read_table(const Cursor& e, int depth) {
  e.check_attributes({});
  Node table = e.make_node(NodeKind::Table);
  for_each_child_element(e, {"caption", "tr"}, [&](const Cursor& c) {
    c.check_attributes({});
    if (c.name() == "caption") {
      Node caption = c.make_node(NodeKind::Caption);
      read_flow(c, caption, depth + 1);
      table.children.push_back(std::move(caption));
      return;
    }
    Node row = c.make_node(NodeKind::TableRow);
    for_each_child_element(c, {"th", "td"}, [&](const Cursor& cell) {
      cell.check_attributes({});
      Node n = cell.make_node(NodeKind::TableCell);
      n.is_header = cell.name() == "th";
      read_flow(cell, n, depth + 2);
      row.children.push_back(std::move(n));
    });
    table.children.push_back(std::move(row));
  });
  return table;
}

class Loader {
 public:
  LoadResult run(std::string bytes, const std::string& name, const std::filesystem::path& base_dir,
                 const std::filesystem::path& canonical_source) {
    std::error_code ec;
    base_dir_ = std::filesystem::absolute(base_dir, ec);
    if (!ec) base_dir_ = std::filesystem::weakly_canonical(base_dir_, ec);
    doc_.base_dir = base_dir_.string();
    if (!canonical_source.empty()) include_stack_.push_back(canonical_source);
    read_root(std::move(bytes), name);
    finish_document(doc_, diags_);
    LoadResult result;
    result.diagnostics = std::move(diags_);
    if (!result.diagnostics.has_errors()) result.document = std::move(doc_);
    return result;
  }

 private:
  Document doc_;
  DiagnosticList diags_;
  std::filesystem::path base_dir_;
  std::vector<std::filesystem::path> include_stack_;
  size_t included_files_ = 0;

  std::unique_ptr<ParsedFile> parse_file(std::string bytes, const std::string& name,
                                         const std::filesystem::path& dir) {
    auto index = static_cast<uint32_t>(doc_.files.size());
    doc_.files.push_back(name);
    return parse_xml_file(std::move(bytes), name, index, dir, diags_);
  }

  // ---- the root ------------------------------------------------------------------

  void read_root(std::string bytes, const std::string& name) {
    auto file = parse_file(std::move(bytes), name, base_dir_);
    if (!file) return;
    Cursor root(*file, file->xml.document_element());
    if (root.name() != "publication") {
      root.error("the root element is <" + std::string(root.name()) + ">, not <publication>",
                 root.name() == "fragment"
                     ? "a <fragment> is included by a publication; build the publication"
                     : "see docs/content-model.md");
      return;
    }
    read_publication_attributes(root);
    pugi::xml_node metadata, body, layout;
    for (pugi::xml_node child : root.node().children()) {
      if (is_text(child)) {
        if (!is_space_only(child.value())) root.at(child).error("text outside a block", "put text in a <p>");
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      std::string_view n = child.name();
      if (n == "metadata" && !metadata)
        metadata = child;
      else if (n == "body" && !body)
        body = child;
      else if (n == "layout" && !layout)
        layout = child;
      else
        root.at(child).error("unexpected <" + std::string(n) + "> in <publication>",
                             "<publication> holds one <metadata>, an optional <layout> and one <body>");
    }
    if (!metadata)
      root.error("missing <metadata>", "add <metadata> with at least a title, identifier and date");
    else
      read_metadata(root.at(metadata), root, base_dir_, doc_.metadata);
    if (layout) read_layout(root.at(layout), doc_.page, doc_.writing_mode == WritingMode::Vertical);
    if (!body) {
      root.error("missing <body>", "add <body> with the publication's chapters");
    } else {
      root.at(body).check_attributes({});
      read_blocks(root.at(body), Level::Body, doc_.body, 1);
      check_pages(root.at(body));
    }
  }

  // A body of newspaper pages holds pages only.
  void check_pages(const Cursor& body) {
    if (newspaper_pages(doc_).empty()) return;
    for (const Node& n : doc_.body)
      if (n.kind != NodeKind::Page)
        return diags_.error(doc_.files, n.where, "a body of newspaper pages holds only <page> elements",
                            "put this into an <article> on a page");
    (void)body;
  }

  // xml:lang (the publication's language) and type.
  void read_publication_attributes(const Cursor& root) {
    root.check_attributes({"type", "writing-mode"});
    doc_.writing_mode = read_writing_mode(root).value_or(WritingMode::Horizontal);
    doc_.metadata.language = root.node().attribute("xml:lang").value();
    if (!doc_.metadata.language.empty() && !is_language_tag(doc_.metadata.language))
      root.error("xml:lang \"" + doc_.metadata.language + "\" is not a language tag",
                 "write e.g. zh-Hans or zh-Hant");
    std::string_view type = root.node().attribute("type").value();
    if (type == "periodical") {
      doc_.type = PublicationType::Periodical;
      // A newspaper page: in columns, no running heads or TOC unless <layout> says so.
      doc_.page.columns = 3;
      doc_.page.running_heads = false;
      doc_.page.toc = false;
    } else if (!type.empty() && type != "book") {
      root.error("unknown publication type \"" + std::string(type) + "\"", "use book or periodical");
    }
  }

  // The element's writing-mode, if it names one.
  static std::optional<WritingMode> read_writing_mode(const Cursor& e) {
    std::string_view mode = e.node().attribute("writing-mode").value();
    if (mode == "vertical") return WritingMode::Vertical;
    if (mode == "horizontal") return WritingMode::Horizontal;
    if (!mode.empty())
      e.error("unknown writing-mode \"" + std::string(mode) + "\"",
              "use horizontal (横排, the default) or vertical (竖排)");
    return std::nullopt;
  }

  // A part or chapter in the other writing mode than the book's needs room
  // on its pages too: for columns down a vertical page, for lines across a
  // horizontal one (the <layout> was checked for the book's mode).
  void check_room(const Cursor& e, const Node& container) {
    const std::optional<WritingMode> own = container.writing_mode();
    if (!own || *own == doc_.writing_mode) return;
    const bool vertical = *own == WritingMode::Vertical;
    if (const std::optional<TextAreaProblem> problem = text_area_problem(doc_.page, vertical))
      e.error(std::string("writing-mode=\"") + (vertical ? "vertical" : "horizontal") + "\": " + problem->what,
              problem->hint);
  }

  // ---- blocks --------------------------------------------------------------------

  void read_blocks(const Cursor& parent, Level level, std::vector<Node>& out, int depth) {
    if (parent.too_deep(depth)) return;
    bool first_element = true, in_head = true;
    for (pugi::xml_node node : parent.node().children()) {
      Cursor child = parent.at(node);
      if (is_text(node)) {
        if (!is_space_only(node.value()))
          child.error(std::string("text outside a block in ") + level_name(level), "put the text in a <p>");
        continue;
      }
      if (node.type() != pugi::node_element) continue;
      bool is_first = first_element;
      first_element = false;
      std::string_view n = child.name();
      // The container has read its first <title>; a fragment's first <title> is out of place.
      bool read_by_container = is_first && level != Level::Body && level != Level::Quote &&
                               level != Level::Article && parent.name() != "fragment";
      if (n == "title" && read_by_container) continue;
      // An article's head (引题, 主题, 副题) was read with the article.
      if (level == Level::Article && in_head && (n == "kicker" || n == "title" || n == "subtitle")) continue;
      in_head = false;
      if (n == "page")
        read_page(child, level, out, depth);
      else if (n == "include")
        read_include(child, level, out, depth);
      else if (n == "part" || n == "chapter" || n == "section")
        read_container(child, level, out, depth);
      else if (level == Level::Part)
        child.error(tag(n) + " is not allowed in <part>", "a part holds chapters");
      else
        read_block(child, level, out, depth);
    }
  }

  void read_container(const Cursor& e, Level level, std::vector<Node>& out, int depth) {
    std::string_view n = e.name();
    NodeKind kind = n == "part" ? NodeKind::Part : n == "chapter" ? NodeKind::Chapter : NodeKind::Section;
    bool allowed = (kind == NodeKind::Part && level == Level::Body) ||
                   (kind == NodeKind::Chapter && (level == Level::Body || level == Level::Part)) ||
                   (kind == NodeKind::Section && level != Level::Part && level != Level::Quote);
    if (!allowed) {
      e.error(tag(n) + " is not allowed in " + level_name(level),
              "parts hold chapters; chapters and sections hold sections and blocks");
      return;
    }
    // A part or chapter opens on a new page, so it may turn its pages to another writing mode; a section may not.
    if (kind == NodeKind::Section)
      e.check_attributes({"numbering"});
    else
      e.check_attributes({"numbering", "writing-mode"});
    Node node = e.make_node(kind);
    if (kind != NodeKind::Section) {
      node.set_writing_mode(read_writing_mode(e));
      check_room(e, node);
    }
    std::string_view numbering = e.node().attribute("numbering").as_string("none");
    if (numbering == "chinese")
      node.numbering = Numbering::Chinese;
    else if (numbering == "arabic")
      node.numbering = Numbering::Arabic;
    else if (numbering != "none")
      e.error("unknown numbering \"" + std::string(numbering) + "\"", "use none, chinese or arabic");

    pugi::xml_node title = e.node().first_child();
    while (title && title.type() != pugi::node_element) title = title.next_sibling();
    if (title && std::string_view(title.name()) == "title") {
      Cursor t = e.at(title);
      t.check_attributes({});
      Node heading = t.make_node(NodeKind::Title);
      read_inlines(t, heading.children, depth + 1);
      normalize_block_whitespace(heading.children);
      node.children.push_back(std::move(heading));
    } else if (kind != NodeKind::Section) {
      e.error(tag(n) + " has no <title>", "add <title>…</title> as its first child");
    }
    Level inner = kind == NodeKind::Part      ? Level::Part
                  : kind == NodeKind::Chapter ? Level::Chapter
                                              : Level::Section;
    read_blocks(e, inner, node.children, depth + 1);
    out.push_back(std::move(node));
  }

  // ---- newspaper pages -------------------------------------------------------------

  void read_page(const Cursor& e, Level level, std::vector<Node>& out, int depth) {
    if (level != Level::Body || doc_.type != PublicationType::Periodical)
      return e.error("<page> is not allowed here",
                     "newspaper pages are the <body> of a <publication type=\"periodical\">");
    Node page = e.make_node(NodeKind::Page);
    read_page_attributes(e, page);
    std::vector<std::pair<Cursor, const Node*>> modules;
    std::vector<Cursor> module_elements;
    bool banner = false;
    for_each_child_element(e, {"banner", "article", "photos", "figure"}, [&](const Cursor& c) {
      if (c.name() == "banner") {
        if (banner || !page.children.empty())
          return c.error("<banner> comes once, first on its page", "move it to the top of the <page>");
        banner = true;
        page.children.push_back(read_head(c, NodeKind::Banner, depth + 1));
        return;
      }
      module_elements.push_back(c);
      if (c.name() == "article")
        page.children.push_back(read_article(c, depth + 1));
      else if (c.name() == "photos")
        page.children.push_back(read_photos(c, depth + 1));
      else
        page.children.push_back(read_figure(c, depth + 1, true));
    });
    if (module_elements.empty()) e.error("<page> has no stories or pictures", "add <article> elements");
    const size_t first_module = banner ? 1 : 0;
    for (size_t i = 0; i < module_elements.size(); ++i)
      modules.emplace_back(module_elements[i], &page.children[first_module + i]);
    check_placements(modules);
    out.push_back(std::move(page));
  }

  // A banner's or article's head: <kicker>?, <title>, <subtitle>?, in the
  // model as Title, Kicker, Subtitle (the title first, as in every container).
  void read_head_parts(const Cursor& e, Node& into, int depth) {
    Node kicker, title, subtitle;
    for (pugi::xml_node node : e.node().children()) {
      if (node.type() != pugi::node_element) continue;
      Cursor c = e.at(node);
      std::string_view n = c.name();
      Node* slot = n == "kicker" ? &kicker : n == "title" ? &title : n == "subtitle" ? &subtitle : nullptr;
      if (!slot) break;  // the head ends where the story begins
      if (!slot->children.empty() || slot->where.line)
        return c.error(tag(n) + " twice", "a head has one kicker, one title and one subtitle");
      c.check_attributes({});
      *slot = c.make_node(n == "kicker"  ? NodeKind::Kicker
                          : n == "title" ? NodeKind::Title
                                         : NodeKind::Subtitle);
      read_flow(c, *slot, depth + 1);
    }
    if (!title.where.line)
      return e.error(tag(e.name()) + " has no <title>", "write <kicker>?, <title> and <subtitle>? first");
    into.children.push_back(std::move(title));
    if (kicker.where.line) into.children.push_back(std::move(kicker));
    if (subtitle.where.line) into.children.push_back(std::move(subtitle));
  }

  Node read_head(const Cursor& e, NodeKind kind, int depth) {
    e.check_attributes({});
    Node head = e.make_node(kind);
    read_head_parts(e, head, depth);
    for_each_child_element(e, {"kicker", "title", "subtitle"}, [](const Cursor&) {});
    return head;
  }

  Node read_article(const Cursor& e, int depth) {
    e.check_attributes({"span", "column", "row", "rows", "importance", "boxed", "fit"});
    Node article = e.make_node(NodeKind::Article);
    read_module_attributes(e, article, doc_.page.columns, true);
    read_head_parts(e, article, depth);
    const size_t head = article.children.size();
    read_blocks(e, Level::Article, article.children, depth + 1);
    if (article.children.size() == head) e.error("<article> has no text", "add its paragraphs");
    return article;
  }

  Node read_photos(const Cursor& e, int depth) {
    e.check_attributes({"span", "column", "row", "rows"});
    Node group = e.make_node(NodeKind::PhotoGroup);
    read_module_attributes(e, group, doc_.page.columns, false);
    bool credit = false;
    int pictures = 0;  // a picture after the credit counts: its place is reported, not its number
    for_each_child_element(e, {"figure", "credit"}, [&](const Cursor& c) {
      pictures += c.name() == "figure";
      if (credit) return c.error("the group's <credit> comes last");
      if (c.name() == "figure") return group.children.push_back(read_figure(c, depth + 1));
      credit = true;
      group.children.push_back(read_figure_part(c, depth + 1));
    });
    if (pictures < 2)
      e.error("<photos> needs two pictures or more", "a single picture is a <figure span=\"…\">");
    return group;
  }

  void read_include(const Cursor& e, Level level, std::vector<Node>& out, int depth) {
    e.check_attributes({"src"}, false);
    std::string src = e.node().attribute("src").value();
    if (src.empty()) return e.error("<include> without src", "write <include src=\"chapter1.xml\"/>");
    std::string relative = e.resolve_resource(base_dir_, src, "include");
    if (relative.empty()) return;
    std::filesystem::path path = base_dir_ / relative;
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
    if (std::find(include_stack_.begin(), include_stack_.end(), canonical) != include_stack_.end())
      return e.error("include cycle: \"" + src + "\" includes itself",
                     "remove the <include> that loops back");
    if (++included_files_ > kMaxIncludedFiles) return e.error("too many included files");
    std::string bytes, why;
    if (!read_file_bytes(path, kMaxSourceBytes, bytes, why))
      return e.error("include \"" + src + "\": " + why, "check the path; it is relative to this file");
    auto included = parse_file(std::move(bytes), relative, path.parent_path());
    if (!included) return;
    Cursor root(*included, included->xml.document_element());
    if (root.name() != "fragment")
      return root.error("an included file's root must be <fragment>, not <" + std::string(root.name()) + ">");
    root.check_attributes({}, false);
    include_stack_.push_back(canonical);
    read_blocks(root, level, out, depth + 1);
    include_stack_.pop_back();
  }

  void read_block(const Cursor& e, Level level, std::vector<Node>& out, int depth) {
    std::string_view n = e.name();
    if (n == "p" || n == "byline") {
      e.check_attributes(n == "p" ? std::initializer_list<std::string_view>{"indent"}
                                  : std::initializer_list<std::string_view>{});
      Node node = e.make_node(n == "p" ? NodeKind::Paragraph : NodeKind::Byline);
      std::string_view indent = e.node().attribute("indent").as_string("yes");
      if (indent == "no")
        node.indent = false;
      else if (indent != "yes")
        e.error("indent must be yes or no");
      read_flow(e, node, depth);
      out.push_back(std::move(node));
    } else if (n == "quote") {
      e.check_attributes({});
      Node node = e.make_node(NodeKind::BlockQuote);
      read_blocks(e, Level::Quote, node.children, depth + 1);
      out.push_back(std::move(node));
    } else if (n == "verse") {
      out.push_back(read_verse(e, depth));
    } else if (n == "ol" || n == "ul") {
      out.push_back(read_list(e, depth));
    } else if (n == "figure") {
      out.push_back(read_figure(e, depth));
    } else if (n == "table") {
      out.push_back(read_table(e, depth));
    } else if (n == "title") {
      e.error("<title> must be the first child of its part, chapter or section");
    } else {
      e.error(
          "unknown element <" + std::string(n) + "> in " + level_name(level),
          "blocks are p, byline, quote, verse, ol, ul, figure, table; containers are part, chapter, section; "
          "see docs/content-model.md");
    }
  }

  // A figure; one that is a module of a newspaper page may say where it goes.
  Node read_figure(const Cursor& e, int depth, bool on_page = false) {
    if (on_page)
      e.check_attributes({"span", "column", "row", "rows"});
    else
      e.check_attributes({});
    Node figure = e.make_node(NodeKind::Figure);
    if (on_page) read_module_attributes(e, figure, doc_.page.columns, false);
    int pictures = 0;
    for_each_child_element(e, {"image", "placeholder", "caption", "credit"}, [&](const Cursor& c) {
      if (c.name() == "image" || c.name() == "placeholder") ++pictures;
      figure.children.push_back(read_figure_part(c, depth));
    });
    if (pictures != 1)
      e.error("<figure> needs exactly one <image> or <placeholder>, found " + std::to_string(pictures));
    return figure;
  }

  Node read_figure_part(const Cursor& c, int depth) {
    std::string_view n = c.name();
    if (n == "image") {
      c.check_attributes({"src", "alt"});
      Node image = c.make_node(NodeKind::Image);
      image.set_label(c.node().attribute("alt").value());
      if (c.node().attribute("src").empty())
        c.error("<image> without src", "write <image src=\"photo.jpg\" alt=\"…\"/>");
      else
        image.set_target(c.resolve_resource(base_dir_, c.node().attribute("src").value(), "image"));
      return image;
    }
    if (n == "placeholder") {
      c.check_attributes({"ratio"});
      Node fpo = c.make_node(NodeKind::Placeholder);
      fpo.set_label(c.node().attribute("ratio").as_string("4:3"));
      if (!is_valid_ratio(fpo.label()))
        c.error("ratio \"" + fpo.label() + "\" is not W:H of whole numbers, at most " +
                    std::to_string(kMaxRatio) + " to 1 either way",
                "write e.g. ratio=\"4:3\"");
      read_flow(c, fpo, depth + 1);
      return fpo;
    }
    c.check_attributes({});
    Node part = c.make_node(n == "caption" ? NodeKind::Caption : NodeKind::Credit);
    read_flow(c, part, depth + 1);
    return part;
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
    result.diagnostics.error(
        source.string(), 0, 0, "cannot find where the file is: " + ec.message(),
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
