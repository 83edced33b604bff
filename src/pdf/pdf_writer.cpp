#include "pdf/pdf_writer.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "pdf/cairo_handles.h"
#include "pdf/page_order.h"
#include "util/atomic_file.h"
#include "util/image_size.h"

namespace huozi::pdf {
namespace {

using layout::PageFrame;

// Quotes a string for a Cairo tag attribute ('…' with \' and \\ escaped).
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void set_color(cairo_t* cr, const layout::Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

}  // namespace

struct PdfWriter::Impl {
  AtomicFile file;
  Surface surface;
  Context cr;
  std::vector<layout::FontRef> fonts;
  std::vector<FontFace> faces;                               // one per font, made on first use
  std::map<std::pair<uint16_t, double>, ScaledFont> scaled;  // per font and size
  FontOptions font_options;
  std::string error;
  int pages = 0;
  std::vector<int> numbers;         // PageFrame::number of each page, in drawing order
  std::vector<std::string> labels;  // and its label

  // Background drawing: Cairo's work is most of a PDF build, so layout hands
  // each page over and goes on while this thread draws. The queue is short:
  // memory stays a few pages, whatever the page count.
  static constexpr size_t kMaxQueuedPages = 4;
  std::thread drawer;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<PageFrame> queue;
  bool closing = false;

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

  // Draws what is queued and ends the thread; Cairo is then the caller's again.
  void stop_drawing() {
    if (!drawer.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex);
      closing = true;
    }
    changed.notify_all();
    drawer.join();
  }

  void draw_page(const PageFrame& page) {
    cairo_pdf_surface_set_size(surface.get(), page.width, page.height);
    // Cairo 1.16 reserves a structure tree object for link annotations but
    // writes it only when the document has structure: one Document element
    // around all pages makes the file whole (and tagged).
    if (pages == 0) cairo_tag_begin(cr.get(), "Document", "");
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface.get(), page.label.c_str());
    for (const layout::PageItem& item : page.items) std::visit([&](const auto& i) { draw(i); }, item);
    tag_links_and_anchors(page);
    cairo_show_page(cr.get());
    ++pages;
    numbers.push_back(page.number);
    labels.push_back(page.label);
  }

  // Where each drawn page goes (0-based), when the pages say so and are not
  // already in order; empty otherwise. Numbers that are not 1..n are ignored.
  std::vector<int> places() const {
    std::vector<int> place(numbers.size());
    std::vector<bool> taken(numbers.size(), false);
    bool in_order = true;
    for (size_t i = 0; i < numbers.size(); ++i) {
      int n = numbers[i] - 1;
      if (n < 0 || static_cast<size_t>(n) >= numbers.size() || taken[static_cast<size_t>(n)]) return {};
      taken[static_cast<size_t>(n)] = true;
      place[i] = n;
      in_order = in_order && n == static_cast<int>(i);
    }
    return in_order ? std::vector<int>{} : place;
  }

  cairo_font_face_t* face(uint16_t index) {
    if (faces.size() < fonts.size()) faces.resize(fonts.size());
    if (!faces[index]) {
      // A fontconfig pattern naming the file and face index: Cairo opens it
      // with FreeType itself, so no FreeType handle crosses into this stage.
      Pattern pattern(FcPatternCreate());
      FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(fonts[index].file.c_str()));
      FcPatternAddInteger(pattern.get(), FC_INDEX, fonts[index].index);
      faces[index].reset(cairo_ft_font_face_create_for_pattern(pattern.get()));
    }
    return faces[index].get();
  }

  cairo_scaled_font_t* scaled_font(uint16_t index, double size) {
    auto key = std::make_pair(index, size);
    auto it = scaled.find(key);
    if (it != scaled.end()) return it->second.get();
    cairo_matrix_t font_matrix, ctm;
    cairo_matrix_init_scale(&font_matrix, size, size);
    cairo_matrix_init_identity(&ctm);
    ScaledFont font(cairo_scaled_font_create(face(index), &font_matrix, &ctm, font_options.get()));
    return scaled.emplace(key, std::move(font)).first->second.get();
  }

  void draw(const layout::TextRun& run) {
    if (run.glyphs.empty()) return;
    cairo_set_scaled_font(cr.get(), scaled_font(run.font, run.size));
    set_color(cr.get(), run.color);
    std::vector<cairo_glyph_t> glyphs(run.glyphs.size());
    for (size_t i = 0; i < run.glyphs.size(); ++i)
      glyphs[i] = {run.glyphs[i].id, run.glyphs[i].x, run.glyphs[i].y};
    std::vector<cairo_text_cluster_t> clusters(run.clusters.size());
    for (size_t i = 0; i < run.clusters.size(); ++i)
      clusters[i] = {run.clusters[i].first, run.clusters[i].second};
    if (run.outlined) {
      cairo_new_path(cr.get());
      cairo_glyph_path(cr.get(), glyphs.data(), static_cast<int>(glyphs.size()));
      cairo_fill(cr.get());
      return;
    }
    // One call per run: Cairo maps the clusters to the ToUnicode table, which
    // is what makes the text copy out of the PDF as written.
    cairo_show_text_glyphs(cr.get(), run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters.data(),
                           static_cast<int>(clusters.size()), cairo_text_cluster_flags_t(0));
  }

  void draw(const layout::Rule& rule) {
    cairo_t* c = cr.get();
    cairo_new_path(c);
    set_color(c, rule.color);
    cairo_set_line_width(c, rule.width);
    if (rule.dashed) {
      double dash[] = {3, 2};
      cairo_set_dash(c, dash, 2, 0);
    }
    if (rule.dotted) {
      double dash[] = {0, 3};
      cairo_set_dash(c, dash, 2, 0);
      cairo_set_line_cap(c, CAIRO_LINE_CAP_ROUND);
    }
    cairo_move_to(c, rule.x0, rule.y0);
    cairo_line_to(c, rule.x1, rule.y1);
    cairo_stroke(c);
    cairo_set_dash(c, nullptr, 0, 0);
    cairo_set_line_cap(c, CAIRO_LINE_CAP_BUTT);
  }

  void draw(const layout::Dot& dot) {
    cairo_t* c = cr.get();
    cairo_new_path(c);
    set_color(c, dot.color);
    cairo_arc(c, dot.x, dot.y, dot.radius, 0, 6.283185307179586);
    cairo_fill(c);
  }

  void draw(const layout::Box& box) {
    cairo_t* c = cr.get();
    const layout::Rect& r = box.rect;
    cairo_new_path(c);
    if (box.filled) {
      set_color(c, box.fill);
      cairo_rectangle(c, r.x, r.y, r.width, r.height);
      cairo_fill(c);
    }
    if (box.stroke <= 0) return;
    set_color(c, box.stroke_color);
    cairo_set_line_width(c, box.stroke);
    if (box.dashed) {
      double dash[] = {4, 3};
      cairo_set_dash(c, dash, 2, 0);
    }
    cairo_rectangle(c, r.x, r.y, r.width, r.height);
    cairo_stroke(c);
    cairo_set_dash(c, nullptr, 0, 0);
    if (box.diagonals) {
      cairo_set_line_width(c, box.stroke * 0.6);
      cairo_move_to(c, r.x, r.y);
      cairo_line_to(c, r.x + r.width, r.y + r.height);
      cairo_move_to(c, r.x + r.width, r.y);
      cairo_line_to(c, r.x, r.y + r.height);
      cairo_stroke(c);
    }
  }

  void draw(const layout::Image& image) {
    Surface picture = load_image(image.path);
    if (!picture) return;
    double w = cairo_image_surface_get_width(picture.get()),
           h = cairo_image_surface_get_height(picture.get());
    if (w <= 0 || h <= 0) return;
    cairo_t* c = cr.get();
    cairo_save(c);
    cairo_rectangle(c, image.rect.x, image.rect.y, image.rect.width, image.rect.height);
    cairo_clip(c);
    cairo_translate(c, image.rect.x, image.rect.y);
    cairo_scale(c, image.rect.width / w, image.rect.height / h);
    cairo_set_source_surface(c, picture.get(), 0, 0);
    cairo_paint(c);
    cairo_restore(c);
  }

  // PNG is decoded by Cairo; JPEG is passed through untouched as MIME data on
  // a blank surface of its size, so it is embedded without re-encoding.
  Surface load_image(const std::string& path) {
    ImageSize size = read_image_size(path);
    if (size.format == ImageFormat::Png) {
      Surface s(cairo_image_surface_create_from_png(path.c_str()));
      if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
      return s;
    }
    if (size.format != ImageFormat::Jpeg) return nullptr;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto* data = new std::string(bytes.str());
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, size.width, size.height));
    cairo_surface_set_mime_data(
        s.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(data->data()), data->size(),
        [](void* p) { delete static_cast<std::string*>(p); }, data);
    return s;
  }

  void tag_links_and_anchors(const PageFrame& page) {
    cairo_t* c = cr.get();
    for (const layout::Anchor& a : page.anchors) {
      std::string attrs = "name=" + quoted(a.name) + " x=" + number(a.x) + " y=" + number(a.y);
      cairo_tag_begin(c, CAIRO_TAG_DEST, attrs.c_str());
      cairo_tag_end(c, CAIRO_TAG_DEST);
    }
    for (const layout::Link& l : page.links) {
      std::string attrs = "rect=[" + number(l.rect.x) + " " + number(l.rect.y) + " " + number(l.rect.width) +
                          " " + number(l.rect.height) + "] ";
      attrs += l.uri.empty() ? "dest=" + quoted(l.dest) : "uri=" + quoted(l.uri);
      cairo_tag_begin(c, CAIRO_TAG_LINK, attrs.c_str());
      cairo_tag_end(c, CAIRO_TAG_LINK);
    }
  }
};

PdfWriter::PdfWriter(const std::filesystem::path& target, const PdfInfo& info,
                     std::vector<layout::FontRef> fonts, Drawing drawing)
    : impl_(std::make_unique<Impl>(target)) {
  Impl& m = *impl_;
  m.fonts = std::move(fonts);
  if (m.file.temp_path().empty()) {
    m.error = m.file.error();
    return;
  }
  // A placeholder size; each page sets its own before drawing.
  m.surface.reset(cairo_pdf_surface_create(m.file.temp_path().c_str(), 595, 842));
  if (cairo_surface_status(m.surface.get()) != CAIRO_STATUS_SUCCESS) {
    m.error =
        std::string("cannot create PDF: ") + cairo_status_to_string(cairo_surface_status(m.surface.get()));
    return;
  }
  cairo_pdf_surface_restrict_to_version(m.surface.get(), CAIRO_PDF_VERSION_1_5);
  auto meta = [&](cairo_pdf_metadata_t key, const std::string& value) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(m.surface.get(), key, value.c_str());
  };
  meta(CAIRO_PDF_METADATA_TITLE, info.title);
  meta(CAIRO_PDF_METADATA_AUTHOR, info.author);
  meta(CAIRO_PDF_METADATA_SUBJECT, info.subject);
  meta(CAIRO_PDF_METADATA_KEYWORDS, info.keywords);
  meta(CAIRO_PDF_METADATA_CREATOR, info.creator);
  meta(CAIRO_PDF_METADATA_CREATE_DATE, info.create_date);
  meta(CAIRO_PDF_METADATA_MOD_DATE, info.create_date);
  m.cr.reset(cairo_create(m.surface.get()));
  // Unhinted outlines and metrics: glyphs sit exactly where layout put them.
  m.font_options.reset(cairo_font_options_create());
  cairo_font_options_set_hint_style(m.font_options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(m.font_options.get(), CAIRO_HINT_METRICS_OFF);
  if (drawing == Drawing::Background) m.start_drawing();
}

PdfWriter::~PdfWriter() = default;

bool PdfWriter::ok() const { return impl_->error.empty() && impl_->cr; }
const std::string& PdfWriter::error() const { return impl_->error; }
int PdfWriter::page_count() const {
  impl_->stop_drawing();
  return impl_->pages;
}

uint16_t PdfWriter::add_font(const layout::FontRef& font) {
  for (size_t i = 0; i < impl_->fonts.size(); ++i)
    if (impl_->fonts[i] == font) return static_cast<uint16_t>(i);
  impl_->fonts.push_back(font);
  return static_cast<uint16_t>(impl_->fonts.size() - 1);
}

void PdfWriter::add_page(PageFrame&& page) {
  if (!ok()) return;
  if (impl_->drawer.joinable())
    impl_->enqueue(std::move(page));
  else
    impl_->draw_page(page);
}

void PdfWriter::add_outline(const std::vector<layout::OutlineEntry>& entries) {
  if (!ok()) return;
  impl_->stop_drawing();
  // Cairo counts pages in the order they were drawn.
  std::vector<int> drawn_as;  // by place
  const std::vector<int> place = impl_->places();
  if (!place.empty()) drawn_as.resize(place.size());
  for (size_t i = 0; i < place.size(); ++i) drawn_as[static_cast<size_t>(place[i])] = static_cast<int>(i) + 1;
  std::vector<int> parents{CAIRO_PDF_OUTLINE_ROOT};  // parents[level - 1] is the parent of a new entry
  for (const layout::OutlineEntry& e : entries) {
    int level = std::max(1, std::min(e.level, static_cast<int>(parents.size())));
    parents.resize(static_cast<size_t>(level));
    int drawn = e.page >= 1 && static_cast<size_t>(e.page) <= drawn_as.size() ? drawn_as[e.page - 1] : e.page;
    std::string dest = "page=" + std::to_string(drawn) + " pos=[0 " + number(e.y) + "]";
    int id = cairo_pdf_surface_add_outline(impl_->surface.get(), parents.back(), e.title.c_str(),
                                           dest.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    parents.push_back(id);
  }
}

bool PdfWriter::finish() {
  Impl& m = *impl_;
  m.stop_drawing();
  if (!ok()) return false;
  if (m.pages > 0) cairo_tag_end(m.cr.get(), "Document");
  m.cr.reset();
  m.scaled.clear();
  cairo_surface_finish(m.surface.get());
  cairo_status_t status = cairo_surface_status(m.surface.get());
  m.surface.reset();
  m.faces.clear();
  if (status != CAIRO_STATUS_SUCCESS) {
    m.error = std::string("cannot write the PDF: ") + cairo_status_to_string(status);
    return false;
  }
  if (std::vector<int> place = m.places(); !place.empty()) {
    std::vector<std::string> labels(place.size());
    for (size_t i = 0; i < place.size(); ++i) labels[static_cast<size_t>(place[i])] = m.labels[i];
    if (!put_pages_in_place(m.file.temp_path(), place, labels, m.error)) return false;
  }
  if (!m.file.commit()) {
    m.error = m.file.error();
    return false;
  }
  return true;
}

}  // namespace huozi::pdf
