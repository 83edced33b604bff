#include "pdf/pdf_writer.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "pdf/font_embedding.h"
#include "pdf/image_embedding.h"
#include "pdf/page_content.h"
#include "pdf/page_labels.h"
#include "pdf/pdf_syntax.h"
#include "util/atomic_file.h"

namespace huozi::pdf {
namespace {

using layout::PageFrame;

// Content streams are most of the file; level 6 packs them nearly as small
// as 9 at a fraction of the time.
constexpr int kContentCompression = 6;

// A page as written: its object and what the document's trees need of it.
struct WrittenPage {
  int object = 0;
  int number = 0;  // PageFrame::number: its place in the book
  double height = 0;
  std::string label;
};

// A named destination: a place on a written page (an index into pages).
struct Anchor {
  std::string name;
  uint32_t page;
  float x, y;  // PDF coordinates
};

// One entry of the outline tree as written.
struct OutlineNode {
  std::string title, dest;
  int parent = -1;  // index, or -1 for the outline root
  std::vector<int> children;
  int object = 0;
};

std::string rect(double x0, double y0, double x1, double y1) {
  return "[" + number(x0) + " " + number(y0) + " " + number(x1) + " " + number(y1) + "]";
}

}  // namespace

struct PdfWriter::Impl {
  AtomicFile file;
  std::unique_ptr<ObjectFile> out;
  PdfInfo info;
  std::vector<layout::FontRef> fonts;
  std::vector<std::unique_ptr<EmbeddedFont>> embedded;  // one per font
  SubsetCache* subsets = nullptr;
  std::string error;
  int pages_object = 0, structure_object = 0, document_element = 0;
  std::vector<WrittenPage> pages;     // in the order written
  std::vector<Anchor> anchors;        // in the order met; the first of a name counts
  std::map<std::string, int> images;  // file -> image XObject
  int outline_root = 0;

  // Background writing: layout hands each page over and goes on while this
  // thread writes it. The queue is short: memory stays a few pages, whatever
  // the page count.
  static constexpr size_t kMaxQueuedPages = 4;
  std::thread drawer;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<PageFrame> queue;
  bool closing = false;
  bool one_thread = false;  // Drawing::InCaller: no thread of the writer's own at all

  explicit Impl(const std::filesystem::path& target) : file(target) {}
  ~Impl() { stop_drawing(); }

  void start_drawing() {
    drawer = std::thread([this] {
      for (;;) {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [this] { return !queue.empty() || closing; });
        if (queue.empty()) return;
        PageFrame page = std::move(queue.front());
        queue.pop_front();
        lock.unlock();
        changed.notify_all();
        draw_page(page);
      }
    });
  }

  void enqueue(PageFrame&& page) {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [this] { return queue.size() < kMaxQueuedPages; });
    queue.push_back(std::move(page));
    lock.unlock();
    changed.notify_all();
  }

  // Writes what is queued and ends the thread; the file is the caller's again.
  void stop_drawing() {
    if (!drawer.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex);
      closing = true;
    }
    changed.notify_all();
    drawer.join();
  }

  // Read from the caller's thread while this one writes: the error text is
  // the writing thread's until it stops, the flag is for both.
  std::atomic<bool> failed{false};
  bool ok() const { return error.empty() && out && out->ok(); }

  // One EmbeddedFont for each font registered so far.
  void add_embedded_fonts() {
    while (embedded.size() < fonts.size())
      embedded.push_back(std::make_unique<EmbeddedFont>(fonts[embedded.size()], subsets));
  }
  EmbeddedFont& font(size_t index) { return *embedded[index]; }

  void draw_page(const PageFrame& page) {
    if (!ok()) return;
    add_embedded_fonts();
    PageContent content;
    // The whole page is the marked content of the document's one structure element.
    content.operators = "/Document << /MCID 0 >> BDC\n";
    if (!make_page_content(page, embedded, content)) {
      for (const auto& f : embedded)
        if (!f->error().empty()) error = f->error();
      failed = true;
      return;
    }
    content.operators += "EMC\n";
    int contents = out->add_stream(" /Filter /FlateDecode", deflate(content.operators, kContentCompression));

    std::string resources = "<<";
    if (!content.fonts.empty() || !content.vertical_fonts.empty()) {
      resources += " /Font <<";
      for (uint16_t f : content.fonts)
        resources += " /F" + std::to_string(f) + " " + ref(font(f).object(*out));
      for (uint16_t f : content.vertical_fonts)
        resources += " /V" + std::to_string(f) + " " + ref(font(f).vertical_object(*out));
      resources += " >>";
    }
    if (!content.images.empty()) {
      resources += " /XObject <<";
      for (size_t k = 0; k < content.images.size(); ++k) {
        auto [it, added] = images.try_emplace(content.images[k], 0);
        std::string why;
        if (added) it->second = embed_image(*out, it->first, why);
        if (!it->second) {  // a picture is never left out without a word
          error = "the picture " + it->first + " cannot be embedded" + (why.empty() ? "" : ": " + why);
          failed = true;
          return;
        }
        resources += " /Im" + std::to_string(k) + " " + ref(it->second);
      }
      resources += " >>";
    }
    resources += " >>";

    int object = out->reserve();
    std::string annots = links(page);
    std::string dict = "<< /Type /Page /Parent " + ref(pages_object) + " /MediaBox [0 0 " +
                       number(page.width) + " " + number(page.height) + "] /Resources " + resources +
                       " /Contents " + ref(contents) + " /StructParents " + std::to_string(pages.size());
    if (!annots.empty()) dict += " /Annots [" + annots + "]";
    out->write_object(object, dict + " >>");
    for (const layout::Anchor& a : page.anchors)
      anchors.push_back({a.name, static_cast<uint32_t>(pages.size()), static_cast<float>(a.x),
                         static_cast<float>(page.height - a.y)});
    pages.push_back({object, page.number, page.height, page.label});
    if (!out->ok()) failed = true;
  }

  // The page's links as annotation objects; returns their references.
  std::string links(const PageFrame& page) {
    std::string refs;
    for (const layout::Link& l : page.links) {
      std::string action = l.uri.empty() ? "/Dest " + literal_string(l.dest)
                                         : "/A << /S /URI /URI " + literal_string(l.uri) + " >>";
      const layout::Rect& r = l.rect;
      int n = out->add_object("<< /Type /Annot /Subtype /Link /Rect " +
                              rect(r.x, page.height - r.y - r.height, r.x + r.width, page.height - r.y) +
                              " /Border [0 0 0] " + action + " >>");
      refs += (refs.empty() ? "" : " ") + ref(n);
    }
    return refs;
  }

  // Where each written page goes in the book (0-based): by PageFrame::number
  // when the numbers are 1..n, else in the order written.
  std::vector<size_t> book_order() const {
    std::vector<size_t> at(pages.size());
    std::vector<bool> taken(pages.size(), false);
    for (size_t i = 0; i < pages.size(); ++i) {
      int n = pages[i].number - 1;
      if (n < 0 || static_cast<size_t>(n) >= pages.size() || taken[static_cast<size_t>(n)]) {
        for (size_t k = 0; k < pages.size(); ++k) at[k] = k;
        return at;
      }
      taken[static_cast<size_t>(n)] = true;
      at[static_cast<size_t>(n)] = i;
    }
    return at;  // at[place] = index written
  }

  std::string destination(const std::vector<size_t>& order, int page, double y) const {
    if (order.empty()) return "null";
    size_t place = page >= 1 && static_cast<size_t>(page) <= order.size() ? static_cast<size_t>(page - 1) : 0;
    const WrittenPage& p = pages[order[place]];
    return "[" + ref(p.object) + " /XYZ 0 " + number(p.height - y) + " null]";
  }

  // The outline tree (§12.3.3); returns the root's object, or 0 for none.
  int write_outline(const std::vector<layout::OutlineEntry>& outline, const std::vector<size_t>& order) {
    if (outline.empty()) return 0;
    std::vector<OutlineNode> nodes;
    std::vector<int> top, parents;  // parents[level - 1]: the parent of a new entry at that level
    for (const layout::OutlineEntry& e : outline) {
      int level = std::max(1, std::min(e.level, static_cast<int>(parents.size()) + 1));
      parents.resize(static_cast<size_t>(level - 1));
      OutlineNode node{
          e.title, destination(order, e.page, e.y), parents.empty() ? -1 : parents.back(), {}, 0};
      int index = static_cast<int>(nodes.size());
      (node.parent < 0 ? top : nodes[static_cast<size_t>(node.parent)].children).push_back(index);
      nodes.push_back(std::move(node));
      parents.push_back(index);
    }
    for (OutlineNode& n : nodes) n.object = out->reserve();
    int root = out->reserve();
    // Every entry is open: /Count is the number of its descendants.
    std::vector<int> descendants(nodes.size(), 0);
    for (size_t i = nodes.size(); i-- > 0;)
      for (int c : nodes[i].children) descendants[i] += 1 + descendants[static_cast<size_t>(c)];
    auto siblings = [&](const std::vector<int>& list, size_t k, std::string& dict) {
      if (k > 0) dict += " /Prev " + ref(nodes[static_cast<size_t>(list[k - 1])].object);
      if (k + 1 < list.size()) dict += " /Next " + ref(nodes[static_cast<size_t>(list[k + 1])].object);
    };
    auto children = [&](const std::vector<int>& list, std::string& dict) {
      if (list.empty()) return;
      dict += " /First " + ref(nodes[static_cast<size_t>(list.front())].object) + " /Last " +
              ref(nodes[static_cast<size_t>(list.back())].object);
    };
    for (size_t i = 0; i < nodes.size(); ++i) {
      const OutlineNode& n = nodes[i];
      const std::vector<int>& list = n.parent < 0 ? top : nodes[static_cast<size_t>(n.parent)].children;
      size_t k = static_cast<size_t>(std::find(list.begin(), list.end(), static_cast<int>(i)) - list.begin());
      std::string dict = "<< /Title " + text_string(n.title) + " /Parent " +
                         ref(n.parent < 0 ? root : nodes[static_cast<size_t>(n.parent)].object);
      siblings(list, k, dict);
      children(n.children, dict);
      if (descendants[i] > 0) dict += " /Count " + std::to_string(descendants[i]);
      out->write_object(n.object, dict + " /Dest " + n.dest + " >>");
    }
    std::string dict = "<< /Type /Outlines";
    children(top, dict);
    out->write_object(root, dict + " /Count " + std::to_string(nodes.size()) + " >>");
    return root;
  }

  // The named destinations (a name tree, §7.9.6): leaves of at most 512 names.
  int write_destinations() {
    if (anchors.empty()) return 0;
    // Sorted by name (stable: the first of a name stays first), then one per name.
    std::stable_sort(anchors.begin(), anchors.end(),
                     [](const Anchor& a, const Anchor& b) { return a.name < b.name; });
    anchors.erase(std::unique(anchors.begin(), anchors.end(),
                              [](const Anchor& a, const Anchor& b) { return a.name == b.name; }),
                  anchors.end());
    constexpr size_t kLeaf = 512;
    std::vector<std::pair<std::string, std::string>> leaves;  // object ref, first name … last name
    std::string names;
    std::string first;
    size_t count = 0;
    int kids = 0;
    std::string kid_refs;
    auto flush = [&](const std::string& last) {
      int n = out->add_object("<< /Limits [" + literal_string(first) + " " + literal_string(last) +
                              "] /Names [" + names + "] >>");
      kid_refs += (kid_refs.empty() ? "" : " ") + ref(n);
      ++kids;
      names.clear();
      count = 0;
    };
    std::string last;
    for (const Anchor& a : anchors) {
      if (count == 0) first = a.name;
      names += literal_string(a.name) + " [" + ref(pages[a.page].object) + " /XYZ " + number(a.x) + " " +
               number(a.y) + " 0] ";
      last = a.name;
      if (++count == kLeaf) flush(last);
    }
    if (count > 0) flush(last);
    return out->add_object("<< /Kids [" + kid_refs + "] >>");
  }

  // One Document element whose content is every page (§14.7), in book order.
  void write_structure(const std::vector<size_t>& order) {
    std::string kids;
    for (size_t place : order) kids += "<< /Type /MCR /Pg " + ref(pages[place].object) + " /MCID 0 >> ";
    out->write_object(document_element, "<< /Type /StructElem /S /Document /P " + ref(structure_object) +
                                            " /K [" + kids + "] >>");
    std::string nums;
    for (size_t i = 0; i < pages.size(); ++i) nums += std::to_string(i) + " [" + ref(document_element) + "] ";
    int parent_tree = out->add_object("<< /Nums [" + nums + "] >>");
    out->write_object(structure_object, "<< /Type /StructTreeRoot /K " + ref(document_element) +
                                            " /ParentTree " + ref(parent_tree) + " /ParentTreeNextKey " +
                                            std::to_string(pages.size()) + " >>");
  }

  // Subsetting is most of the work left after the last page: the fonts are
  // subset two at a time (in font order: the body face, the largest, first),
  // on this thread and one more. The file is written in font order after.
  void prepare_fonts() {
    std::vector<EmbeddedFont*> used;
    for (const auto& f : embedded)
      if (f->used()) used.push_back(f.get());
    if (used.size() < 2 || one_thread) return;  // write() prepares them
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next++) < used.size();) used[i]->prepare();
    };
    std::thread helper(work);
    work();
    helper.join();
  }

  int write_info() {
    std::string dict = "<<";
    auto entry = [&](const char* key, const std::string& value) {
      if (!value.empty()) dict += std::string(" /") + key + " " + text_string(value);
    };
    entry("Title", info.title);
    entry("Author", info.author);
    entry("Subject", info.subject);
    entry("Keywords", info.keywords);
    entry("Creator", info.creator);
    entry("Producer", "huozi");
    std::string date = date_string(info.create_date);
    entry("CreationDate", date);
    entry("ModDate", date);
    return out->add_object(dict + " >>");
  }

  bool write_document() {
    prepare_fonts();
    for (const auto& f : embedded)
      if (!f->write(*out)) {
        error = f->error();
        return false;
      }
    std::vector<size_t> order = book_order();
    std::string kids, labels_nums;
    std::vector<std::string> labels;
    bool labelled = false;
    for (size_t place : order) {
      kids += ref(pages[place].object) + " ";
      labels.push_back(pages[place].label);
      labelled = labelled || !pages[place].label.empty();
    }
    out->write_object(pages_object,
                      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    write_structure(order);
    int dests = write_destinations();
    std::string catalog = "<< /Type /Catalog /Pages " + ref(pages_object);
    if (outline_root) catalog += " /Outlines " + ref(outline_root) + " /PageMode /UseOutlines";
    if (dests) catalog += " /Names << /Dests " + ref(dests) + " >>";
    if (labelled) catalog += " /PageLabels << /Nums " + page_label_nums(labels) + " >>";
    if (info.right_to_left) catalog += " /ViewerPreferences << /Direction /R2L >>";  // §12.2
    catalog += " /MarkInfo << /Marked true >> /StructTreeRoot " + ref(structure_object) + " >>";
    int catalog_object = out->add_object(catalog);
    int info_object = write_info();
    if (!out->finish(catalog_object, info_object)) {
      error = out->error();
      return false;
    }
    return true;
  }
};

PdfWriter::PdfWriter(const std::filesystem::path& target, const PdfInfo& info,
                     std::vector<layout::FontRef> fonts, Drawing drawing, SubsetCache* subsets)
    : impl_(std::make_unique<Impl>(target)) {
  Impl& m = *impl_;
  m.subsets = subsets;
  m.fonts = std::move(fonts);
  m.info = info;
  if (!m.file) {
    m.error = m.file.error();
    return;
  }
  m.out = std::make_unique<ObjectFile>(m.file.temp_path());
  if (!m.out->ok()) {
    m.error = m.out->error();
    return;
  }
  m.pages_object = m.out->reserve();
  m.structure_object = m.out->reserve();
  m.document_element = m.out->reserve();
  m.one_thread = drawing == Drawing::InCaller;
  if (!m.one_thread) m.start_drawing();
}

PdfWriter::~PdfWriter() = default;

bool PdfWriter::ok() const {
  if (impl_->drawer.joinable()) return !impl_->failed;
  return impl_->ok();
}
const std::string& PdfWriter::error() const {
  if (impl_->error.empty() && impl_->out) return impl_->out->error();
  return impl_->error;
}
int PdfWriter::page_count() const {
  impl_->stop_drawing();
  return static_cast<int>(impl_->pages.size());
}

void PdfWriter::add_page(PageFrame&& page) {
  if (impl_->failed || !impl_->out) return;
  if (impl_->drawer.joinable())
    impl_->enqueue(std::move(page));
  else
    impl_->draw_page(page);
}

void PdfWriter::add_outline(const std::vector<layout::OutlineEntry>& entries) {
  Impl& m = *impl_;
  m.stop_drawing();
  if (!m.ok() || m.outline_root != 0) return;
  // Written now, with every page in place: the entries need not be kept.
  m.outline_root = m.write_outline(entries, m.book_order());
}

bool PdfWriter::finish() {
  Impl& m = *impl_;
  m.stop_drawing();
  if (!m.ok()) {
    if (m.error.empty() && m.out) m.error = m.out->error();
    return false;
  }
  if (!m.write_document()) return false;
  m.out.reset();
  if (!m.file.commit()) {
    m.error = m.file.error();
    return false;
  }
  return true;
}

}  // namespace huozi::pdf
