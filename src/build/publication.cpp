#include "build/publication.h"

#include <malloc.h>

#include <memory>

#include "build/pdf_build.h"
#include "build/print_build.h"
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
    std::filesystem::path dir = std::filesystem::absolute(source).parent_path();
    if (!dir.filename().empty()) return dir.filename().string();
  }
  return source.stem().string();
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
  if (options.epub) {
    std::string target = stem + ".epub";
    writing(target);
    if (!finish_step(build_epub(*doc, target), all, events)) return all;
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
  finish_step(build_print(*doc, target, stem), all, events);
  return all;
}

}  // namespace huozi::build
