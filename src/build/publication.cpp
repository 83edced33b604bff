#include "build/publication.h"

#include <malloc.h>

#include <memory>

#include "build/pdf_build.h"
#include "build/png_build.h"
#include "build/print_build.h"
#include "build/proof_build.h"
#include "epub/epub_writer.h"

namespace huozi::build {
namespace {

// Adds a step's result to the build's and tells the caller; true when it succeeded.
bool finish_step(BuildResult&& step, BuildResult& all, const BuildEvents& events) {
  if (events.done) events.done(step);
  all.diagnostics.append(step.diagnostics);
  all.written.insert(all.written.end(), step.written.begin(), step.written.end());
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

BuildResult build_epub(const model::Document& doc, const std::filesystem::path& target) {
  BuildResult result;
  if (epub::write_epub(doc, target, {}, result.diagnostics)) result.written.push_back(target);
  return result;
}

BuildResult build_outputs(model::Document&& source_doc, const std::string& stem, const BuildOptions& options,
                          const BuildEvents& events) {
  auto doc = std::make_unique<model::Document>(std::move(source_doc));
  auto writing = [&](const std::string& what) {
    if (events.writing) events.writing(what);
  };
  BuildResult all;
  if (!has_content(*doc, all.diagnostics)) {
    if (events.done) events.done(all);
    return all;
  }
  if (options.epub) {
    std::string target = stem + ".epub";
    writing(target);
    if (!finish_step(build_epub(*doc, target), all, events)) return all;
  }
  if (options.png) {
    writing(stem + "-page-*.png");
    if (!finish_step(build_png(*doc, stem, options.png_dpi), all, events)) return all;
  }
  if (options.proof) {
    std::string target = stem + "-proof.pdf";
    writing(target);
    BuildResult proof;
    if (std::optional<std::string> stamp = proof_stamp())
      proof = build_proof(*doc, target, *stamp);
    else
      proof.diagnostics.error(target, 0, 0, "SOURCE_DATE_EPOCH is not a whole number of seconds",
                              "unset it, or give the build time as seconds since 1970");
    if (!finish_step(std::move(proof), all, events)) return all;
  }
  if (!options.pdf && !options.print) return all;
  const bool print = options.print || doc->page.print;
  std::string target = stem + ".pdf";
  writing(target);
  PdfOptions pdf;
  pdf.one_thread = options.one_thread;
  if (!print)
    pdf.laid_out = [&] {
      doc.reset();
      malloc_trim(0);
    };
  if (!finish_step(build_pdf(*doc, target, pdf), all, events) || !print) return all;
  writing(stem + "-print.pdf and -cover.pdf");
  finish_step(build_print(*doc, target, stem, options.pdfx), all, events);
  return all;
}

}  // namespace huozi::build
