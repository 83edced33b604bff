// huozi: one XML source, an EPUB for readers and (soon) a PDF for the printer.
//
// Exit codes: 0 success (warnings allowed), 1 the publication has errors or an
// output could not be written, 2 usage error.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "cli/lines_command.h"
#include "cli/pdf_build.h"
#include "cli/print_build.h"
#include "epub/epub_writer.h"
#include "model/loader.h"

namespace {

constexpr const char* kUsage =
    "usage: huozi build SOURCE.xml [--epub] [--pdf] [--print] [--threads 1|2] [-o DIR]\n"
    "       huozi check SOURCE.xml\n"
    "       huozi preflight FILE.pdf\n"
    "       huozi pages SOURCE.xml\n"
    "       huozi lines [--width 24em] [--greedy] [--verbose] SOURCE.xml\n"
    "       huozi --help | --version\n"
    "\n"
    "  build   check the publication and write its outputs into DIR (default: output)\n"
    "          as NAME.epub and NAME.pdf, where NAME is the source's folder name for publication.xml,\n"
    "          else the source's file name without .xml\n"
    "  check   check the publication only; list every problem as file:line:col\n"
    "  pages   print a text trace of the PDF's pages: each line of text with its position\n"
    "  lines   print every paragraph broken into lines, each with its adjustment ratio\n"
    "  --epub  write the EPUB 3 only\n"
    "  --pdf   write the PDF only (both when neither is given)\n"
    "  --print also write NAME-print.pdf (bleed, page boxes, marks, PDF/X-4) and NAME-cover.pdf\n"
    "          (as does <layout print=\"yes\">); see docs/print.md\n"
    "  --threads 2 (the default) draws the PDF's pages on a second thread while layout goes on;\n"
    "          1 does all on one (the files are the same byte for byte)\n"
    "  preflight  check a PDF as a print shop does: fonts, page boxes, image resolution,\n"
    "          colour spaces, OutputIntent; exits 1 when a check fails\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "huozi: %s\n\n%s", message.c_str(), kUsage);
  return 2;
}

// In source order, file by file, as an editor fixes them.
void print_diagnostics(const huozi::DiagnosticList& diagnostics) {
  std::vector<huozi::Diagnostic> sorted = diagnostics.items();
  std::stable_sort(sorted.begin(), sorted.end(), [](const huozi::Diagnostic& a, const huozi::Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  for (const huozi::Diagnostic& d : sorted) std::fprintf(stderr, "%s\n", huozi::format_diagnostic(d).c_str());
}

std::string output_name(const std::filesystem::path& source) {
  if (source.filename() == "publication.xml") {
    std::filesystem::path dir = std::filesystem::absolute(source).parent_path();
    if (!dir.filename().empty()) return dir.filename().string();
  }
  return source.stem().string();
}

struct BuildArgs {
  std::string source;
  std::string out_dir = "output";
  bool epub = false;
  bool pdf = false;
  bool print = false;  // needs the PDF: adds it to whatever else is asked for
  bool one_thread = false;
};

// Returns an empty string or the usage problem.
std::string parse_build_args(const std::vector<std::string>& args, BuildArgs& out) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--epub")
      out.epub = true;
    else if (a == "--pdf")
      out.pdf = true;
    else if (a == "--print")
      out.print = true;
    else if (a == "--threads") {
      if (i + 1 == args.size() || (args[i + 1] != "1" && args[i + 1] != "2")) return "--threads takes 1 or 2";
      out.one_thread = args[++i] == "1";
    } else if (a == "-o" || a == "--output") {
      if (i + 1 == args.size()) return a + " needs a folder";
      out.out_dir = args[++i];
    } else if (!a.empty() && a[0] == '-')
      return "unknown option " + a;
    else if (out.source.empty())
      out.source = a;
    else
      return "only one SOURCE.xml at a time (got " + out.source + " and " + a + ")";
  }
  if (out.source.empty()) return "no SOURCE.xml given";
  if (!out.epub && !out.pdf) out.epub = out.pdf = true;
  if (out.print) out.pdf = true;
  return {};
}

int run_check(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0].empty() || args[0][0] == '-')
    return usage_error("check takes one SOURCE.xml");
  huozi::model::LoadResult loaded = huozi::model::load_publication(args[0]);
  print_diagnostics(loaded.diagnostics);
  if (!loaded) {
    size_t errors = 0;
    for (const auto& d : loaded.diagnostics.items()) errors += d.severity == huozi::Severity::Error;
    std::fprintf(stderr, "huozi: %zu error%s in %s\n", errors, errors == 1 ? "" : "s", args[0].c_str());
    return 1;
  }
  return 0;
}

int run_pages(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0].empty() || args[0][0] == '-')
    return usage_error("pages takes one SOURCE.xml");
  huozi::model::LoadResult loaded = huozi::model::load_publication(args[0]);
  print_diagnostics(loaded.diagnostics);
  if (!loaded) return 1;
  huozi::DiagnosticList diags;
  bool ok = huozi::cli::trace_pages(*loaded.document, stdout, diags);
  print_diagnostics(diags);
  return ok ? 0 : 1;
}

int run_build(const std::vector<std::string>& raw_args) {
  BuildArgs args;
  if (std::string problem = parse_build_args(raw_args, args); !problem.empty()) return usage_error(problem);
  bool progress = isatty(STDERR_FILENO);
  huozi::model::LoadResult loaded = huozi::model::load_publication(args.source);
  print_diagnostics(loaded.diagnostics);
  if (!loaded) {
    std::fprintf(stderr, "huozi: %s has errors; nothing was written\n", args.source.c_str());
    return 1;
  }
  std::error_code ec;
  std::filesystem::create_directories(args.out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "huozi: error: cannot create output folder %s: %s\n", args.out_dir.c_str(),
                 ec.message().c_str());
    return 1;
  }
  std::filesystem::path stem = std::filesystem::path(args.out_dir) / output_name(args.source);
  if (args.epub) {
    std::filesystem::path target = stem.string() + ".epub";
    if (progress) std::fprintf(stderr, "huozi: writing %s…\n", target.c_str());
    huozi::DiagnosticList written;
    bool ok = huozi::epub::write_epub(*loaded.document, target, {}, written);
    print_diagnostics(written);
    if (!ok) return 1;
    std::printf("%s\n", target.c_str());
  }
  if (args.pdf) {
    std::filesystem::path target = stem.string() + ".pdf";
    if (progress) std::fprintf(stderr, "huozi: writing %s…\n", target.c_str());
    huozi::DiagnosticList written;
    bool print = args.print || loaded.document->page.print;
    // Unless the print profile reads it next, the document is freed once laid
    // out: the whole Quan Tangshi's model is about half the build's memory.
    auto release = [&] {
      loaded.document.reset();
      malloc_trim(0);
    };
    bool ok = huozi::cli::build_pdf(*loaded.document, target, written, args.one_thread,
                                    print ? std::function<void()>() : std::function<void()>(release));
    print_diagnostics(written);
    if (!ok) return 1;
    std::printf("%s\n", target.c_str());
    if (print) {
      if (progress) std::fprintf(stderr, "huozi: writing %s-print.pdf and -cover.pdf…\n", stem.c_str());
      std::vector<std::filesystem::path> print_files;
      huozi::DiagnosticList printed;
      bool print_ok = huozi::cli::build_print(*loaded.document, target, stem.string(), print_files, printed);
      print_diagnostics(printed);
      if (!print_ok) return 1;
      for (const auto& file : print_files) std::printf("%s\n", file.c_str());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (command == "--version") {
    std::printf("huozi %s\n", HUOZI_VERSION);
    return 0;
  }
  if (command == "build") return run_build(args);
  if (command == "check") return run_check(args);
  if (command == "preflight") return huozi::cli::run_preflight(args);
  if (command == "lines") return run_lines_command(args);
  if (command == "pages") return run_pages(args);
  return usage_error("unknown command \"" + command + "\"");
}
