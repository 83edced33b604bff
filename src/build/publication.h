// `huozi build` as a function: a publication's source to its outputs (EPUB,
// reader PDF, print PDF and cover), for the command line, tests and a watch mode.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "build/result.h"
#include "model/document.h"
#include "print/pdfx.h"

namespace huozi::build {

struct BuildOptions {
  bool epub = true;
  bool pdf = true;
  bool print = false;       // NAME-print.pdf and NAME-cover.pdf: needs the PDF (as does <layout print="yes">)
  bool one_thread = false;  // draw the PDF's pages in the layout thread (the same file)
  print::PdfxVersion pdfx = print::PdfxVersion::X4;  // of the print file
  bool png = false;  // also NAME-page-001.png … (drawn with Cairo), at png_dpi
  int png_dpi = 150;
  bool proof = false;  // also NAME-proof.pdf (校样: source places, line numbers, slug)
};

// What the caller hears while a build goes on.
struct BuildEvents {
  std::function<void(const std::string& what)> writing;  // before each output: "out/NAME.epub"
  std::function<void(const BuildResult& step)> done;     // after each output: its files and diagnostics
};

// NAME of the outputs: the source's folder name for publication.xml, else the
// source's file name without .xml.
std::string output_name(const std::filesystem::path& source);

// False, with an error, when the publication has nothing to read (a <body>
// without text or pictures, such as an empty one): no output is written for it.
bool has_content(const model::Document& doc, DiagnosticList& diagnostics);

// The EPUB 3, written atomically to target.
BuildResult build_epub(const model::Document& doc, const std::filesystem::path& target);

// Writes the outputs asked for as stem.epub, stem-page-NNN.png, stem-proof.pdf, stem.pdf,
// stem-print.pdf and stem-cover.pdf, in that order, stopping at the first that fails. The
// document is taken over: once the last output that reads it is laid out it
// is freed (the whole Quan Tangshi's model is about half the build's memory).
// The result: every file written and every diagnostic, over all the steps.
BuildResult build_outputs(model::Document&& doc, const std::string& stem, const BuildOptions& options,
                          const BuildEvents& events = {});

}  // namespace huozi::build
