// libFuzzer target: one XML source -> the content model -> an EPUB and a PDF,
// the path a build server takes with a stranger's file. Any crash, sanitizer
// report, leak or timeout is a finding, and so is an EPUB whose XML entries are
// not well-formed XML (a reader refuses the book), and a PDF that layout made
// pages for but the writer failed on, that is not a whole file (%PDF- header,
// %%EOF), that QPDF warns about while reading it and decoding its pages, or
// whose page count is not the number of pages layout made. The source may
// include and show the fixtures below, so includes, paths and image checks are
// reached too. The PDF is made as `huozi build --pdf` makes it
// (build/pdf_build.h: layout -> PDF writer), with the font database opened once, in
// LLVMFuzzerInitialize, not per input.
#include <unistd.h>
#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "build/pdf_build.h"
#include "epub/epub_writer.h"
#include "model/loader.h"
#include "model/xml_text.h"
#include "pdf_reading.h"
#include "text/font_db.h"
#include "util/utf8.h"

namespace {

namespace fs = std::filesystem;

// A folder in memory (/dev/shm) for the publication's files, the EPUB and the PDF.
fs::path scratch;

// The font database, opened once: opening every face takes longer than most inputs.
std::unique_ptr<huozi::text::FontDb> fonts;

void write(const fs::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string png_1x1() {
  static const unsigned char kPng[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D,
                                       0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
                                       0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
                                       0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
                                       0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
                                       0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(kPng), sizeof kPng);
}

// An 8×8 grey baseline JPEG (as tests/model's jpeg_bytes).
std::string jpeg_8x8() {
  std::string dqt = std::string("\xFF\xDB\x00\x43\x00", 5) + std::string(64, '\x01');
  std::string dht = std::string(15, '\0') + std::string(1, '\0');
  return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20) + dqt +
         std::string("\xFF\xC0\x00\x0B\x08\x00\x08\x00\x08\x01\x01\x11\x00", 13) +
         std::string("\xFF\xC4\x00\x14\x00\x01", 6) + dht + std::string("\xFF\xC4\x00\x14\x10\x01", 6) + dht +
         std::string("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00\x3F\xFF\xD9", 13);
}

// The files a fuzzed source can name (tests/fuzz/huozi.dict lists them).
void make_fixtures() {
  fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  scratch = base / ("huozi-fuzz-" + std::to_string(getpid()));
  fs::create_directories(scratch / "pub" / "sub");
  fs::create_directories(scratch / "out");
  fs::path pub = scratch / "pub";
  write(pub / "pic.png", png_1x1());
  write(pub / "bad.png", png_1x1().substr(0, 30));
  write(pub / "pic.jpg", jpeg_8x8());
  write(pub / "frag.xml",
        "<fragment><chapter><title>章</title><p>片段<note>注</note></p></chapter></fragment>");
  write(pub / "blocks.xml", "<fragment><p id=\"b\">段</p><include src=\"sub/more.xml\"/></fragment>");
  write(pub / "sub" / "more.xml", "<fragment><quote><p>引</p></quote></fragment>");
  write(pub / "loop.xml", "<fragment><include src=\"loop.xml\"/></fragment>");
  std::error_code ec;
  fs::create_symlink("/etc/passwd", pub / "out.xml", ec);
}

void remove_fixtures() {
  std::error_code ec;
  if (!scratch.empty()) fs::remove_all(scratch, ec);
}

// Aborts (a finding) when an XML entry of the EPUB is not well-formed: bytes
// that are not UTF-8, characters XML forbids, or markup pugixml refuses.
void check_xml_entry(const std::string& name, const std::string& text) {
  const char* why = nullptr;
  size_t bad = 0;
  pugi::xml_document doc;
  if (!huozi::utf8::is_valid(text, &bad))
    why = "not UTF-8";
  else if (!huozi::model::find_xml_text_problems(text, 1).empty())
    why = "a character XML forbids";
  else if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8))
    why = "malformed";
  if (!why) return;
  std::fprintf(stderr, "fuzz_build: %s in the EPUB is not well-formed XML (%s)\n%s\n", name.c_str(), why,
               text.substr(0, 4000).c_str());
  std::abort();
}

void check_epub(const fs::path& path) {
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, nullptr);
  if (!archive) return;
  for (zip_int64_t i = 0, n = zip_get_num_entries(archive, 0); i < n; ++i) {
    std::string name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    if (!name.ends_with(".xhtml") && !name.ends_with(".opf") && !name.ends_with(".ncx") &&
        !name.ends_with(".xml"))
      continue;
    zip_stat_t stat;
    zip_file_t* entry = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (!entry || zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0) std::abort();
    std::string text(stat.size, '\0');
    if (zip_fread(entry, text.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) std::abort();
    zip_fclose(entry);
    check_xml_entry(name, text);
  }
  zip_discard(archive);
}

[[noreturn]] void fail(const char* why, const huozi::DiagnosticList& diagnostics) {
  std::fprintf(stderr, "fuzz_build: %s\n", why);
  for (const huozi::Diagnostic& d : diagnostics.items())
    std::fprintf(stderr, "  %s\n", huozi::format_diagnostic(d).c_str());
  std::abort();
}

// Lays the document out and writes the PDF as `huozi build --pdf` does. Aborts
// when layout made pages but the writer failed, or when the file written is
// not a whole PDF (header, %%EOF) that QPDF reads without a warning, with
// exactly the pages layout made.
void check_pdf(const huozi::model::Document& doc) {
  fs::path pdf = scratch / "out" / "fuzz.pdf";
  huozi::build::BuildResult built = huozi::build::build_pdf(doc, *fonts, pdf);
  const huozi::DiagnosticList& diagnostics = built.diagnostics;
  const int pages = built.pages;
  if (!built) {
    // Layout may refuse content with its place in the source (a table too wide): not a finding.
    for (const huozi::Diagnostic& d : diagnostics.items())
      if (d.severity == huozi::Severity::Error && d.line > 0) return;
    if (pages > 0) fail("layout made pages but the PDF writer failed", diagnostics);
    return;
  }
  if (pages < 1) fail("a PDF was written with no pages", diagnostics);
  std::ifstream in(pdf, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!bytes.starts_with("%PDF-")) fail("the PDF does not start with %PDF-", diagnostics);
  if (bytes.find("%%EOF", bytes.size() < 16 ? 0 : bytes.size() - 16) == std::string::npos)
    fail("the PDF does not end with %%EOF", diagnostics);
  huozi::fuzz::PdfReading reading = huozi::fuzz::read_pdf(pdf);
  if (reading.pages != pages || !reading.warnings.empty()) {
    std::fprintf(stderr, "fuzz_build: layout made %d pages; QPDF reads %d%s%s\n", pages, reading.pages,
                 reading.error.empty() ? "" : ": ", reading.error.c_str());
    for (const std::string& w : reading.warnings) std::fprintf(stderr, "  QPDF: %s\n", w.c_str());
    fail("the PDF is not what layout made", diagnostics);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  huozi::DiagnosticList diagnostics;
  fonts = huozi::text::FontDb::open(huozi::text::FontDb::default_config(), diagnostics);
  if (!fonts) fail("cannot open the font database", diagnostics);
  make_fixtures();
  std::atexit(remove_fixtures);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  huozi::model::LoadResult loaded =
      huozi::model::load_publication_from_string(xml, "fuzz.xml", scratch / "pub");
  if (!loaded) return 0;
  huozi::DiagnosticList written;
  fs::path epub = scratch / "out" / "fuzz.epub";
  huozi::epub::EpubOptions options;
  options.modified = "2021-01-01T00:00:00Z";
  if (huozi::epub::write_epub(*loaded.document, epub, options, written)) check_epub(epub);
  check_pdf(*loaded.document);
  return 0;
}
