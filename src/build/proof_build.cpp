#include "build/proof_build.h"

#include <cerrno>

#include <cstdlib>
#include <map>
#include <memory>

#include "build/fonts.h"
#include "build/pdf_build.h"
#include "layout/document_layout.h"
#include "layout/proof.h"
#include "text/font_db.h"

namespace huozi::build {

std::optional<std::string> proof_stamp() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  std::time_t t = std::time(nullptr);
  std::tm when{};
  char text[64];
  if (epoch && *epoch) {
    char* end = nullptr;
    errno = 0;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (*end != '\0' || seconds < 0 || errno == ERANGE) return std::nullopt;
    t = static_cast<std::time_t>(seconds);
    if (!gmtime_r(&t, &when)) return std::nullopt;  // past what a calendar year holds
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &when);
  } else {
    localtime_r(&t, &when);
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M %z", &when);
  }
  return std::string(text);
}

BuildResult build_proof(const model::Document& doc, const std::filesystem::path& target,
                        const std::string& stamp, bool warnings) {
  BuildResult result;
  std::unique_ptr<text::FontDb> fonts = open_fonts(result.diagnostics);
  if (!fonts) return result;
  layout::ProofMarks marks(doc, *fonts, stamp);
  PdfOptions options;
  options.decorate = [&marks](layout::PageFrame& page) { marks.mark(page); };
  BuildResult built = build_pdf(doc, *fonts, target, options);
  // When the reader PDF follows, its step reports the book's warnings; the proof's would repeat them.
  for (const Diagnostic& d : built.diagnostics.items())
    if (warnings || d.severity == Severity::Error) result.diagnostics.add(d);
  result.written = std::move(built.written);
  result.pages = built.pages;
  return result;
}

BuildResult map_source(const model::Document& doc, std::vector<layout::PageLines>& pages) {
  BuildResult result;
  std::unique_ptr<text::FontDb> fonts = open_fonts(result.diagnostics);
  if (!fonts) return result;
  std::map<int, layout::PageLines> by_number;  // a table of contents is laid out after the body
  result.pages = layout::layout_document(
                     doc, *fonts,
                     [&](layout::PageFrame&& page) {
                       by_number[page.number] = {page.number, page.label, std::move(page.source_lines)};
                     },
                     result.diagnostics)
                     .pages;
  font_problems(*fonts, result.diagnostics);
  pages.clear();
  for (auto& [number, page] : by_number) pages.push_back(std::move(page));
  return result;
}

}  // namespace huozi::build
