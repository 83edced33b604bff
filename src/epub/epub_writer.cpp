// Packaging runs in phases, as in Pandoc's writer: plan (split chapters, ids,
// TOC, media) -> render each file -> package files -> zip. Each phase is a
// function of the model and the plan; only the last touches the file system.
#include "epub/epub_writer.h"

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "epub/book_plan.h"
#include "epub/package_files.h"
#include "epub/stylesheet.h"
#include "epub/xhtml_writer.h"
#include "epub/zip_archive.h"
#include "model/metadata.h"
#include "util/atomic_file.h"

namespace huozi::epub {
namespace {

bool read_binary(const std::filesystem::path& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  bytes = buffer.str();
  return static_cast<bool>(in) || in.eof();
}

// The faces to embed: the book's files are rendered once more to learn which
// characters they show (only when fonts are embedded).
std::vector<FontFile> fonts_to_embed(const model::Document& doc, const BookPlan& plan, const EpubOptions& options) {
  if (!options.subset_fonts) return {};
  CharacterCollector shown;
  shown.add_xhtml(title_page_xhtml(doc));
  shown.add_xhtml(navigation_xhtml(doc, plan));
  for (const SpineDocument& d : plan.spine) shown.add_xhtml(render_spine_document(doc, plan, d));
  return options.subset_fonts(shown.characters());
}

}  // namespace

std::string modified_timestamp(const model::Document& doc, const EpubOptions& options) {
  if (!options.modified.empty()) return options.modified;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && seconds >= 0) {
      time_t t = static_cast<time_t>(seconds);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
      return buf;
    }
  }
  return model::iso_date(doc.metadata) + "T00:00:00Z";
}

bool write_epub(const model::Document& doc, const std::filesystem::path& target, const EpubOptions& options,
                DiagnosticList& diagnostics) {
  BookPlan plan = plan_book(doc, !options.cover_png.empty());
  std::vector<FontFile> fonts = fonts_to_embed(doc, plan, options);
  AtomicFile file(target);
  auto fail = [&](const std::string& why) {
    diagnostics.error(target.string(), 0, 0, why, "check that the output folder exists and is writable");
    return false;
  };
  if (!file) return fail(file.error());

  ZipArchive zip(file.temp_path());
  if (!zip.error().empty()) return fail(zip.error());
  // The mimetype entry comes first and is stored, so readers can sniff it.
  bool ok = zip.add("mimetype", "application/epub+zip", false) &&
            zip.add("META-INF/container.xml", container_xml(), true) &&
            zip.add("EPUB/package.opf", package_opf(doc, plan, modified_timestamp(doc, options), fonts), true) &&
            zip.add("EPUB/nav.xhtml", navigation_xhtml(doc, plan), true) &&
            zip.add("EPUB/toc.ncx", toc_ncx(doc, plan), true) &&
            zip.add("EPUB/style.css", stylesheet_css(!model::newspaper_pages(doc).empty()) + embedded_fonts_css(fonts),
                    true) &&
            zip.add("EPUB/titlepage.xhtml", title_page_xhtml(doc), true);
  if (ok && !plan.cover_href.empty()) ok = zip.add("EPUB/cover.xhtml", cover_xhtml(doc, plan), true);
  for (size_t i = 0; ok && i < plan.spine.size(); ++i)
    ok = zip.add("EPUB/" + plan.spine[i].file, render_spine_document(doc, plan, plan.spine[i]), true);
  for (size_t i = 0; ok && i < plan.media.size(); ++i) {
    std::string bytes = plan.media[i].source.empty() ? options.cover_png : std::string();
    std::filesystem::path source = std::filesystem::path(doc.base_dir) / plan.media[i].source;
    if (bytes.empty() && !read_binary(source, bytes)) return fail("cannot read image " + source.string());
    ok = zip.add("EPUB/" + plan.media[i].href, std::move(bytes), false);  // already compressed
  }
  for (size_t i = 0; ok && i < fonts.size(); ++i) ok = zip.add("EPUB/" + fonts[i].href, std::move(fonts[i].bytes), true);
  if (!ok || !zip.close()) return fail(zip.error());
  if (!file.commit()) return fail(file.error());
  return true;
}

}  // namespace huozi::epub
