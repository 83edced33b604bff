// `huozi build` as a function: a publication's source to its outputs (EPUB,
// reader PDF, print PDF and cover), for the command line, tests and a watch mode.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <string>

#include "build/cover_image.h"
#include "build/page_images.h"
#include "build/result.h"
#include "model/document.h"
#include "print/pdfx.h"

namespace huozi::pdf {
class SubsetCache;  // pdf/font_embedding.h
}

namespace huozi::build {

struct BuildOptions {
  bool epub = true;
  bool pdf = true;
  bool print = false;       // NAME-print.pdf and NAME-cover.pdf: needs the PDF (as does <layout print="yes">)
  bool one_thread = false;  // draw the PDF's pages in the layout thread (the same file)
  print::PdfxVersion pdfx = print::PdfxVersion::X4;  // of the print file
  PageImageOptions images;  // NAME-page-001.png, .svg, NAME-contact.png (drawn with Cairo)
  bool epub_fonts = false;  // embed the text and heading faces in the EPUB, subset (see build/epub_fonts.h)
  bool proof = false;  // also NAME-proof.pdf (校样: source places, line numbers, slug)
  // --writing-mode: sets the publication horizontally or vertically whatever
  // its source says (a second edition of one source); NAME gets "-vertical"
  // or "-horizontal" so that both editions can sit in one folder.
  std::optional<model::WritingMode> writing_mode;
};

// What the caller hears while a build goes on.
struct BuildEvents {
  std::function<void(const std::string& what)> writing;  // before each output: "out/NAME.epub"
  std::function<void(const BuildResult& step)> done;     // after each output: its files and diagnostics
};

// NAME of the outputs: the source's folder name for publication.xml, else the
// source's file name without .xml.
std::string output_name(const std::filesystem::path& source);
// The same, for a build with these options.
std::string output_name(const std::filesystem::path& source, const BuildOptions& options);

// Sets the publication in `mode` whatever its source says (--writing-mode):
// every page of it, the parts and chapters that name a mode of their own too.
// False, with an error, when its pages then hold no text: a wide, low page
// holds lines but may hold no columns. Nothing is written then.
bool set_writing_mode(model::Document& doc, model::WritingMode mode, DiagnosticList& diagnostics);

// The writing mode a command-line word names ("vertical", "horizontal"), or none.
std::optional<model::WritingMode> writing_mode_named(std::string_view word);

// False, with an error, when the publication has nothing to read (a <body>
// without text or pictures, such as an empty one): no output is written for it.
bool has_content(const model::Document& doc, DiagnosticList& diagnostics);

// What a watch keeps from one build to the next (build/watch.h); each may be null.
struct BuildSession {
  text::FontDb* fonts = nullptr;        // open, with the faces used so far
  pdf::SubsetCache* subsets = nullptr;  // the reader PDF's font programs, by glyph set
  CoverImageCache* cover = nullptr;     // the EPUB's generated cover
};

// The EPUB 3, written atomically to target. The generated cover and the
// embedded faces (embed_fonts) use the session's fonts and cover, or their own.
BuildResult build_epub(const model::Document& doc, const std::filesystem::path& target, bool embed_fonts = false,
                       const BuildSession& session = {});

// Writes the outputs asked for as stem.epub, stem-proof.pdf, stem-page-NNN.png
// and .svg, stem-contact.png, stem.pdf, stem-print.pdf and stem-cover.pdf, in
// that order, stopping at the first that fails. The page images and the PDF
// share one layout. The document is taken over: once the last output that reads it is laid out it
// is freed (the whole Quan Tangshi's model is about half the build's memory).
// The result: every file written and every diagnostic, over all the steps.
// `session`: what the last build of a watch kept, else none.
BuildResult build_outputs(model::Document&& doc, const std::string& stem, const BuildOptions& options,
                          const BuildEvents& events = {}, const BuildSession& session = {});

}  // namespace huozi::build
