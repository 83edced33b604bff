// The print profile from the command line: after the reader PDF, the print
// PDF (NAME-print.pdf: bleed, boxes, marks, PDF/X-4 identification) and the
// cover (NAME-cover.pdf: back, spine and front with the spine width from the
// page count and paper thickness). See docs/print.md.
#pragma once

#include <filesystem>
#include <vector>

#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::cli {

// Reads the reader PDF `reader` and writes stem-print.pdf and stem-cover.pdf
// atomically; their paths are appended to `written`. Returns false with
// errors in diagnostics.
bool build_print(const model::Document& doc, const std::filesystem::path& reader, const std::string& stem,
                 std::vector<std::filesystem::path>& written, DiagnosticList& diagnostics);

// `huozi preflight FILE.pdf`: prints the report; 0 when nothing failed, 1 otherwise.
int run_preflight(const std::vector<std::string>& args);

}  // namespace huozi::cli
