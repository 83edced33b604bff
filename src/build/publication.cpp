#include "build/publication.h"

#include <malloc.h>

#include <memory>

#include "build/cover_image.h"
#include "build/epub_fonts.h"
#include "build/fonts.h"
#include "build/pdf_build.h"
#include "build/print_build.h"
#include "build/proof_build.h"
#include "epub/epub_writer.h"
#include "model/layout_attributes.h"
#include "text/font_db.h"

namespace huozi::build {
namespace {

// Adds a step's result to the build's and tells the caller; true when it succeeded.
bool finish_step(BuildResult&& step, BuildResult& all, const BuildEvents& events) {
  if (events.done) events.done(step);
  all.diagnostics.append(step.diagnostics);
  all.written.insert(all.written.end(), step.written.begin(), step.written.end());
  all.notes.insert(all.notes.end(), step.notes.begin(), step.notes.end());
  if (step.pages) all.pages = step.pages;
  return static_cast<bool>(step);
}

}  // namespace

std::string output_name(const std::filesystem::path& source) {
  if (source.filename() == "publication.xml") {
    std::error_code ec;  // the current folder's path may be too long to know
    std::filesystem::path dir = std::filesystem::absolute(source, ec).parent_path();
    if (!ec && !dir.filename().empty()) return dir.filename().string();
  }
  return source.stem().string();
}

namespace {

// Text other than white space, or a picture: what a reader can see.
bool shows_something(const model::Node& node) {
  if (node.kind == model::NodeKind::Image || node.kind == model::NodeKind::Placeholder) return true;
  if (node.kind == model::NodeKind::Text && node.text.find_first_not_of(" \t\n") != std::string::npos)
    return true;
  for (const model::Node& child : node.children)
    if (shows_something(child)) return true;
  return false;
}

}  // namespace

bool has_content(const model::Document& doc, DiagnosticList& diagnostics) {
  for (const model::Node& node : doc.body)
    if (shows_something(node)) return true;
  // At the body's first element, or the source when the body is empty.
  model::SourceLocation where = doc.body.empty() ? model::SourceLocation{} : doc.body.front().where;
  std::string file = where.file < doc.files.size() ? doc.files[where.file] : std::string();
  diagnostics.error(
      file, static_cast<int>(where.line), static_cast<int>(where.column),
      "the <body> holds no text and no picture: there is nothing to read, and a PDF needs a page",
      "add a chapter or a paragraph");
  return false;
}

namespace {

// Fonts are opened for the generated cover and the embedded faces; a problem
// with them leaves the EPUB without either, with a warning, but does not stop
// it: an EPUB without a cover is still a book.
void warn(const DiagnosticList& problems, const std::string& what, DiagnosticList& diagnostics) {
  for (const Diagnostic& d : problems.items())
    diagnostics.warning(d.file, d.line, d.column, "the EPUB " + what + ": " + d.message, d.hint);
}

}  // namespace

BuildResult build_epub(const model::Document& doc, const std::filesystem::path& target, bool embed_fonts,
                       const BuildSession& session) {
  BuildResult result;
  epub::EpubOptions options;
  DiagnosticList font_problems_found, subset_problems;
  text::FontDb* fonts = session.fonts;
  std::unique_ptr<text::FontDb> own_fonts;
  if (!fonts && (doc.metadata.cover_image.empty() || embed_fonts)) {
    own_fonts = open_fonts(font_problems_found);
    fonts = own_fonts.get();
  }
  if (fonts && doc.metadata.cover_image.empty()) {
    DiagnosticList cover_problems;
    options.cover_png = cover_png(doc, *fonts, cover_problems, session.cover);
    if (font_problems(*fonts, cover_problems)) options.cover_png.clear();
    if (options.cover_png.empty()) warn(cover_problems, "has no cover image", result.diagnostics);
  }
  if (fonts && embed_fonts)
    options.subset_fonts = epub_font_subsetter(*fonts, doc.metadata.language, result.notes, subset_problems);
  warn(font_problems_found, "has no cover image and no embedded fonts", result.diagnostics);
  if (epub::write_epub(doc, target, options, result.diagnostics)) result.written.push_back(target);
  warn(subset_problems, "embeds no fonts", result.diagnostics);
  return result;
}

std::string output_name(const std::filesystem::path& source, const BuildOptions& options) {
  std::string name = output_name(source);
  if (options.writing_mode)
    name += *options.writing_mode == model::WritingMode::Vertical ? "-vertical" : "-horizontal";
  return name;
}

namespace {

// The parts' and chapters' own modes give way to the edition's.
void clear_own_writing_modes(std::vector<model::Node>& nodes) {
  for (model::Node& n : nodes) {
    if (n.kind != model::NodeKind::Part && n.kind != model::NodeKind::Chapter) continue;
    n.set_writing_mode(std::nullopt);
    clear_own_writing_modes(n.children);
  }
}

}  // namespace

bool set_writing_mode(model::Document& doc, model::WritingMode mode, DiagnosticList& diagnostics) {
  doc.writing_mode = mode;
  clear_own_writing_modes(doc.body);
  if (mode != model::WritingMode::Vertical || !model::newspaper_pages(doc).empty()) return true;
  const auto problem = model::text_area_problem(doc.page, true);
  if (problem)
    diagnostics.error(doc.files.empty() ? std::string() : doc.files[0], 0, 0,
                      "--writing-mode vertical: " + problem->what, problem->hint + "; nothing was written");
  return !problem;
}

std::optional<model::WritingMode> writing_mode_named(std::string_view word) {
  if (word == "vertical") return model::WritingMode::Vertical;
  if (word == "horizontal") return model::WritingMode::Horizontal;
  return std::nullopt;
}

namespace {

bool vertical_newspaper(const model::Document& doc) {
  return doc.writing_mode == model::WritingMode::Vertical && !model::newspaper_pages(doc).empty();
}

}  // namespace

BuildResult build_outputs(model::Document&& source_doc, const std::string& stem, const BuildOptions& options,
                          const BuildEvents& events, const BuildSession& session) {
  auto doc = std::make_unique<model::Document>(std::move(source_doc));
  auto writing = [&](const std::string& what) {
    if (events.writing) events.writing(what);
  };
  BuildResult all;
  if (!has_content(*doc, all.diagnostics)) {
    if (events.done) events.done(all);
    return all;
  }
  if (options.writing_mode && !set_writing_mode(*doc, *options.writing_mode, all.diagnostics)) {
    if (events.done) events.done(all);
    return all;
  }
  // A bad SOURCE_DATE_EPOCH is found before any output is written.
  std::optional<std::string> stamp;
  if (options.proof && !(stamp = proof_stamp())) {
    all.diagnostics.error("SOURCE_DATE_EPOCH", 0, 0,
                          "SOURCE_DATE_EPOCH is not a whole number of seconds (from 1970) a calendar can show",
                          "unset it, or give the proof's build time as seconds since 1970; nothing was written");
    if (events.done) events.done(all);
    return all;
  }
  // One font database for every step: the faces the EPUB's cover opened are open for the PDF.
  DiagnosticList font_problems_found;
  const bool epub_draws = options.epub && (doc->metadata.cover_image.empty() || options.epub_fonts);
  std::unique_ptr<text::FontDb> own_fonts;
  if (!session.fonts && (epub_draws || options.pdf || options.print)) own_fonts = open_fonts(font_problems_found);
  text::FontDb* fonts = session.fonts ? session.fonts : own_fonts.get();
  if (options.epub) {
    std::string target = stem + ".epub";
    writing(target);
    if (!finish_step(build_epub(*doc, target, options.epub_fonts, {fonts, session.subsets, session.cover}), all, events)) return all;
  }
  if (options.proof) {
    std::string target = stem + "-proof.pdf";
    writing(target);
    const bool pdf_follows = options.pdf || options.print;
    if (!finish_step(build_proof(*doc, target, *stamp, !pdf_follows), all, events)) return all;
  }
  const bool pdf_wanted = options.pdf || options.print;
  if (options.images.any() && !pdf_wanted) {
    writing(stem + "-page-* and -contact images");
    finish_step(build_page_images(*doc, stem, options.images), all, events);
    return all;
  }
  if (!pdf_wanted) return all;
  const bool print = options.print || doc->page.print;
  std::string target = stem + ".pdf";
  writing(options.images.any() ? target + " and page images" : target);
  all.diagnostics.append(font_problems_found);
  if (!fonts) return all;
  PdfOptions pdf;
  pdf.one_thread = options.one_thread;
  pdf.subsets = session.subsets;
  if (!print)
    pdf.laid_out = [&] {
      doc.reset();
      malloc_trim(0);
    };
  // One layout for both: each page goes to the page images, then to the PDF writer.
  std::unique_ptr<PageImages> images;
  if (options.images.any()) {
    images = std::make_unique<PageImages>(*fonts, *doc, stem, options.images);
    pdf.each_page = [&](const layout::PageFrame& page) { images->add(page); };
  }
  // (The document is gone once laid out.)
  const bool horizontal_news = vertical_newspaper(*doc);
  const std::string source_file = doc->files.empty() ? std::string() : doc->files[0];
  BuildResult made = build_pdf(*doc, *fonts, target, pdf);
  if (horizontal_news)
    made.diagnostics.warning(source_file, 0, 0,
                             "writing-mode=\"vertical\": the EPUB is set vertically, the newspaper's PDF pages horizontally",
                             "vertical newspaper pages are not made (README, issue 17); books and periodicals set as one flow are");
  if (images && !finish_step(images->finish(made.pages, !made), all, events)) {
    finish_step(std::move(made), all, events);
    return all;
  }
  if (!finish_step(std::move(made), all, events) || !print) return all;
  writing(stem + "-print.pdf and -cover.pdf");
  finish_step(build_print(*doc, target, stem, options.pdfx), all, events);
  return all;
}

}  // namespace huozi::build
