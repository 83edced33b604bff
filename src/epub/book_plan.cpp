#include "epub/book_plan.h"

#include <cstdio>
#include <unordered_set>

namespace huozi::epub {
namespace {

using model::Node;
using model::NodeKind;

std::string numbered_file(const char* stem, size_t n) {
  char name[48];
  std::snprintf(name, sizeof name, "%s-%03zu.xhtml", stem, n);
  return name;
}

std::string media_type_of(const std::string& path) {
  std::string ext = path.substr(path.find_last_of('.') + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "png" ? "image/png" : "image/jpeg";
}

class Planner {
 public:
  Planner(const model::Document& doc, bool generated_cover) : doc_(doc), generated_cover_(generated_cover) {
    collect_user_ids(doc.body);
  }

  BookPlan run() {
    split(doc_.body);
    // Only the top-level nodes: a part's chapters are reached through the part
    // (they have files of their own, but one place in the reading order).
    for (SpineDocument& d : plan_.spine)
      for (const Node* n : d.nodes)
        if (!plan_.own_file.count(n)) index(*n, d.file, plan_.toc);
    if (!doc_.metadata.cover_image.empty()) {
      add_media(doc_.metadata.cover_image);
      plan_.cover_href = plan_.media_href.at(doc_.metadata.cover_image);
    } else if (generated_cover_) {
      plan_.cover_href = "images/cover.png";
      plan_.media.push_back({"", plan_.cover_href, "image/png"});
    }
    return std::move(plan_);
  }

 private:
  const model::Document& doc_;
  bool generated_cover_;
  BookPlan plan_;
  std::unordered_set<std::string> user_ids_;
  size_t anchors_ = 0;

  void collect_user_ids(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
      if (!n.id().empty()) user_ids_.insert(n.id());
      collect_user_ids(n.children);
    }
  }

  // Top-level parts, chapters and sections each get a file (a part's chapters
  // get their own); a run of loose top-level blocks shares one.
  void split(const std::vector<Node>& nodes) {
    SpineDocument* loose = nullptr;
    for (const Node& n : nodes) {
      if (n.kind == NodeKind::Page) {
        loose = nullptr;
        SpineDocument d;
        d.file = numbered_file("page", plan_.spine.size() + 1);
        d.title = page_label(n, doc_.metadata);
        d.is_chapter_like = true;
        d.writing_mode = doc_.writing_mode;
        d.nodes.push_back(&n);
        plan_.spine.push_back(std::move(d));
      } else if (model::is_container(n.kind)) {
        loose = nullptr;
        SpineDocument d;
        d.file = numbered_file(n.kind == NodeKind::Part ? "part" : "chapter", plan_.spine.size() + 1);
        const Node* title = model::title_of(n);
        d.title = model::heading_prefix(n) + (title ? model::plain_text(*title) : doc_.metadata.title);
        d.is_chapter_like = true;
        d.writing_mode = model::writing_mode_of(n, doc_.writing_mode);
        d.nodes.push_back(&n);
        plan_.spine.push_back(std::move(d));
        if (n.kind == NodeKind::Part) split_part(n);
        else split_long(n);
      } else {
        if (!loose) {
          SpineDocument d;
          d.file = numbered_file("text", plan_.spine.size() + 1);
          d.title = doc_.metadata.title;
          d.writing_mode = doc_.writing_mode;
          plan_.spine.push_back(std::move(d));
          loose = &plan_.spine.back();
        }
        loose->nodes.push_back(&n);
      }
    }
  }

  // A part's file holds its title page; its chapters follow as files of their own.
  void split_part(const Node& part) {
    for (const Node& child : part.children) {
      if (child.kind != NodeKind::Chapter) continue;
      SpineDocument d;
      d.file = numbered_file("chapter", plan_.spine.size() + 1);
      const Node* title = model::title_of(child);
      d.title = model::heading_prefix(child) + (title ? model::plain_text(*title) : "");
      d.is_chapter_like = true;
      d.writing_mode = model::writing_mode_of(child, model::writing_mode_of(part, doc_.writing_mode));
      d.nodes.push_back(&child);
      plan_.own_file[&child] = d.file;
      plan_.spine.push_back(std::move(d));
      split_long(child);
    }
  }

  static size_t text_size(const Node& n) {
    size_t size = n.text.size();
    for (const Node& c : n.children) size += text_size(c);
    return size;
  }

  // A chapter longer than kMaxFileText keeps what comes before its sections
  // and as many sections as fit; the rest goes to files of their own, a few
  // sections to a file, each file no larger than the limit (or one section).
  void split_long(const Node& chapter) {
    if (chapter.kind != NodeKind::Chapter || text_size(chapter) <= kMaxFileText) return;
    const std::string chapter_title = plan_.spine.back().title;
    const model::WritingMode mode = plan_.spine.back().writing_mode;
    size_t filled = 0;
    SpineDocument* current = nullptr;
    for (const Node& child : chapter.children) {
      if (child.kind == NodeKind::Title) continue;
      const size_t size = text_size(child);
      // Files break only before a section; what comes between or after
      // sections goes with the section before it, in reading order.
      if (child.kind == NodeKind::Section && filled + size > kMaxFileText && filled > 0) {
        SpineDocument d;
        d.file = numbered_file("chapter", plan_.spine.size() + 1);
        d.title = chapter_title;
        d.is_chapter_like = true;
        d.level = 2;
        d.writing_mode = mode;
        plan_.spine.push_back(std::move(d));
        current = &plan_.spine.back();
        filled = 0;
      }
      filled += size;
      if (current) {
        current->nodes.push_back(&child);
        plan_.own_file[&child] = current->file;
      }
    }
  }

  std::string new_anchor() {
    std::string id;
    do id = "toc-" + std::to_string(++anchors_);
    while (user_ids_.count(id));
    return id;
  }

  void add_media(const std::string& source) {
    if (plan_.media_href.count(source)) return;
    Media m;
    m.source = source;
    std::string ext = source.substr(source.find_last_of('.'));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    char name[32];
    std::snprintf(name, sizeof name, "images/%03zu", plan_.media.size() + 1);
    m.href = name + ext;
    m.media_type = media_type_of(source);
    plan_.media_href[source] = m.href;
    plan_.media.push_back(std::move(m));
  }

  // Records ids, anchors, TOC entries and media of one node, in reading order.
  // Chapters of a part live in their own files (chapter_file_).
  void index(const Node& n, const std::string& file, std::vector<TocEntry>& toc) {
    if (!n.id().empty()) plan_.file_of_id[n.id()] = file;
    switch (n.kind) {
      case NodeKind::Image: plan_.has_images = true; add_media(n.target()); break;
      case NodeKind::Ruby: plan_.has_ruby = true; break;
      case NodeKind::Footnote: plan_.has_footnotes = true; break;
      case NodeKind::Table: plan_.has_tables = true; break;
      default: break;
    }
    // A newspaper page and a photo group are named by the plan, not by a title.
    const bool named_by_plan = n.kind == NodeKind::Page || n.kind == NodeKind::PhotoGroup;
    if (!model::is_container(n.kind) && !named_by_plan) {
      for (const Node& child : n.children) index(child, file, toc);
      return;
    }
    std::string anchor = n.id().empty() ? new_anchor() : n.id();
    plan_.anchor_of[&n] = anchor;
    const Node* title = model::title_of(n);
    TocEntry entry;
    if (named_by_plan)
      entry.label = n.kind == NodeKind::Page ? page_label(n, doc_.metadata) : gallery_label(n, doc_.metadata);
    else
      entry.label = model::heading_prefix(n) + (title ? model::plain_text(*title) : "");
    entry.href = file + "#" + anchor;
    for (const Node& child : n.children) {
      auto own = plan_.own_file.find(&child);
      index(child, own == plan_.own_file.end() ? file : own->second, entry.children);
    }
    if (title || named_by_plan) toc.push_back(std::move(entry));
    else for (TocEntry& e : entry.children) toc.push_back(std::move(e));  // untitled sections add no level
  }
};

}  // namespace

std::string page_label(const model::Node& page, const model::Metadata& metadata) {
  std::string label = page.number > 0 ? "第" + std::to_string(page.number) + "版" : "";
  if (!page.label().empty()) label += (label.empty() ? "" : " · ") + page.label();
  if (!label.empty()) return label;
  for (const Node& c : page.children)
    if (const Node* title = c.kind == NodeKind::Banner ? model::title_of(c) : nullptr)
      return model::plain_text(*title);
  return metadata.title;
}

std::string gallery_label(const model::Node& group, const model::Metadata& metadata) {
  size_t pictures = 0;
  for (const Node& c : group.children) pictures += c.kind == NodeKind::Figure;
  return std::string(model::is_traditional(metadata.language) ? "組圖" : "组图") + "（" +
         std::to_string(pictures) + "幅）";
}

std::string BookPlan::resolve_link(const std::string& target, const std::string& from_file) const {
  if (target.empty() || target[0] != '#') return target;
  auto it = file_of_id.find(target.substr(1));
  if (it == file_of_id.end() || it->second == from_file) return target;
  return it->second + target;
}

BookPlan plan_book(const model::Document& doc, bool generated_cover) { return Planner(doc, generated_cover).run(); }

}  // namespace huozi::epub
