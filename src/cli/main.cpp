// huozi: one XML source, an EPUB for readers and a PDF for the printer. The
// command line only reads arguments and prints: the work is in src/build.
//
// Exit codes: 0 success (warnings allowed), 1 the publication has errors or an
// output could not be written, 2 usage error.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "build/page_range.h"
#include "build/pdf_build.h"
#include "build/publication.h"
#include "cli/lines_command.h"
#include "cli/watch_command.h"
#include "cli/output.h"
#include "cli/where_command.h"
#include "model/loader.h"
#include "print/preflight.h"

namespace huozi::cli {
namespace {

constexpr const char* kUsage =
    "usage: huozi build SOURCE.xml [--epub] [--pdf] [--print[=x4|x1a]] [--png [--dpi N]] [--svg]\n"
    "                   [--contact] [--pages RANGE] [--proof] [--epub-fonts] [--threads 1|2]\n"
    "                   [--writing-mode vertical|horizontal] [-o DIR]\n"
    "       huozi watch SOURCE.xml [--quiet MS] [the options of build]\n"
    "       huozi check SOURCE.xml\n"
    "       huozi preflight FILE.pdf\n"
    "       huozi pages [--writing-mode vertical|horizontal] SOURCE.xml\n"
    "       huozi lines [--width 24em] [--greedy] [--verbose] SOURCE.xml\n"
    "       huozi where SOURCE.xml FILE.xml:LINE[:COL]\n"
    "       huozi where SOURCE.xml --page P --line L [--column C]\n"
    "       huozi --help | --version\n"
    "\n"
    "  build   check the publication and write its outputs into DIR (default: output)\n"
    "          as NAME.epub and NAME.pdf, where NAME is the source's folder name for publication.xml,\n"
    "          else the source's file name without .xml\n"
    "  watch   build, then build again whenever a file of the publication's folder changes\n"
    "          (sources and pictures); one line a build; Ctrl-C ends it. --quiet MS: a build\n"
    "          starts once no change came for MS milliseconds (default 50; more for tools that\n"
    "          write in bursts or a slow network folder)\n"
    "  check   check the publication only; list every problem as file:line:col\n"
    "  pages   print a text trace of the PDF's pages: each line of text with its position\n"
    "  lines   print every paragraph broken into lines, each with its adjustment ratio\n"
    "  where   the page (its number and printed folio), column and line where the block at a\n"
    "          source place begins; or, from a page, column and line of text (as the proof\n"
    "          numbers them), the source place FILE:LINE:COL of the block printed there\n"
    "  --epub  write the EPUB 3 only\n"
    "  --pdf   write the PDF only (both when neither is given)\n"
    "  --epub-fonts  embed the text and heading faces in the EPUB, subset to the characters it\n"
    "          shows, for e-ink readers without CJK fonts (it prints the size they add)\n"
    "  --writing-mode vertical|horizontal  set the publication vertically (竖排) or horizontally\n"
    "          whatever its source says, as NAME-vertical.* or NAME-horizontal.*\n"
    "  --print also write NAME-print.pdf (bleed, page boxes, marks, CMYK, PDF/X-4) and, for a\n"
    "          book, NAME-cover.pdf (as does <layout print=\"yes\">); see docs/print.md\n"
    "  --print=x1a  the same as PDF/X-1a:2001 (CMYK only, no transparency, PDF 1.3), for\n"
    "          workflows that take nothing newer\n"
    "  --png   also write every page as NAME-page-001.png … (drawn with Cairo)\n"
    "  --dpi N the page images' resolution, 36 to 1200 pixels an inch (default 150)\n"
    "  --svg   also write every page as NAME-page-001.svg … (one unit a point)\n"
    "  --contact  also write NAME-contact.png: every page small with its label, a book in\n"
    "          spreads, 48 pages a sheet (a newspaper 16), then NAME-contact-01.png, -02.png …\n"
    "  --pages RANGE  only these pages as --png, --svg and --contact images (the whole book is\n"
    "          still laid out, and the EPUB and PDF are whole): 3, 1-4,9, 10- (to the end), -5;\n"
    "          a range past the book's last page is an error and writes no image\n"
    "  --proof also write NAME-proof.pdf (校样): the PDF's pages with each block's source place\n"
    "          (file:line) in the right margin, every line of text numbered in its column, and a\n"
    "          slug with 校样 and the build time (SOURCE_DATE_EPOCH, in UTC, when it is set)\n"
    "  --threads 2 (the default) draws the PDF's pages on a second thread while layout goes on;\n"
    "          1 does all on one (the files are the same byte for byte)\n"
    "  preflight  check a PDF as a print shop does: fonts, page boxes, image resolution,\n"
    "          colour spaces, OutputIntent, ink coverage, black text, overprint, hairlines,\n"
    "          PDF/X-1a; exits 1 when a check fails\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "huozi: %s\n\n%s", message.c_str(), kUsage);
  return 2;
}

struct BuildArgs {
  std::string source;
  std::string out_dir = "output";
  build::BuildOptions options;
};

// The N of --dpi N, at args[i]: an empty string or the usage problem.
std::string parse_dpi(const std::vector<std::string>& args, size_t i, int& dpi) {
  constexpr int kMin = 36, kMax = 1200;
  const std::string* n = i < args.size() ? &args[i] : nullptr;
  if (!n || n->empty() || n->size() > 4 || n->find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(*n) < kMin || std::stoi(*n) > kMax)
    return "--dpi takes a whole number from " + std::to_string(kMin) + " to " + std::to_string(kMax);
  dpi = std::stoi(*n);
  return {};
}

// Returns an empty string or the usage problem.
std::string parse_build_args(const std::vector<std::string>& args, BuildArgs& out) {
  bool epub = false, pdf = false, dpi = false, pages = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--epub")
      epub = true;
    else if (a == "--pdf")
      pdf = true;
    else if (a == "--print" || a == "--print=x4")
      out.options.print = true;
    else if (a == "--print=x1a")
      out.options.print = true, out.options.pdfx = print::PdfxVersion::X1a;
    else if (a.rfind("--print=", 0) == 0)
      return a + ": the print file is --print (PDF/X-4) or --print=x1a (PDF/X-1a:2001)";
    else if (a == "--epub-fonts")
      out.options.epub_fonts = true;
    else if (a == "--writing-mode") {
      out.options.writing_mode = build::writing_mode_named(i + 1 < args.size() ? args[++i] : "");
      if (!out.options.writing_mode) return "--writing-mode takes vertical or horizontal";
    }
    else if (a == "--png")
      out.options.images.png = true;
    else if (a == "--svg")
      out.options.images.svg = true;
    else if (a == "--contact")
      out.options.images.contact = true;
    else if (a == "--proof")
      out.options.proof = true;
    else if (a == "--dpi") {
      if (std::string problem = parse_dpi(args, ++i, out.options.images.dpi); !problem.empty())
        return problem;
      dpi = true;
    } else if (a == "--pages") {
      if (i + 1 == args.size()) return "--pages needs pages: 3, 1-4,9, 10- (to the end) or -5";
      if (std::string problem = build::parse_page_range(args[++i], out.options.images.pages);
          !problem.empty())
        return problem;
      pages = true;
    } else if (a == "--threads") {
      if (i + 1 == args.size() || (args[i + 1] != "1" && args[i + 1] != "2")) return "--threads takes 1 or 2";
      out.options.one_thread = args[++i] == "1";
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
  if (dpi && !out.options.images.png) return "--dpi is the resolution of --png";
  if (pages && !out.options.images.any()) return "--pages chooses the pages of --png, --svg or --contact";
  if (epub || pdf) {
    out.options.epub = epub;
    out.options.pdf = pdf;
  }
  if (out.options.epub_fonts && !out.options.epub) return "--epub-fonts embeds fonts in the EPUB, which --pdf leaves out";
  if (out.options.print) out.options.pdf = true;  // the print profile reads the PDF
  return {};
}

// The one SOURCE.xml of check and pages, loaded; its diagnostics printed.
// Returns the exit code unless the document is there to go on with.
std::optional<int> load(const std::vector<std::string>& args, const char* command,
                        model::LoadResult& loaded) {
  if (args.size() != 1 || args[0].empty() || args[0][0] == '-')
    return usage_error(std::string(command) + " takes one SOURCE.xml");
  loaded = model::load_publication(args[0]);
  if (loaded) build::has_content(*loaded.document, loaded.diagnostics);
  print_diagnostics(loaded.diagnostics);
  if (!loaded || loaded.diagnostics.has_errors()) return 1;
  return std::nullopt;
}

int run_check(const std::vector<std::string>& args) {
  model::LoadResult loaded;
  if (auto code = load(args, "check", loaded)) {
    if (*code == 1) {
      size_t errors = 0;
      for (const auto& d : loaded.diagnostics.items()) errors += d.severity == Severity::Error;
      std::fprintf(stderr, "huozi: %zu error%s in %s\n", errors, errors == 1 ? "" : "s", args[0].c_str());
    }
    return *code;
  }
  return 0;
}

// `pages [--writing-mode vertical|horizontal] SOURCE.xml`: as the build with that option sets it.
int run_pages(std::vector<std::string> args) {
  std::optional<model::WritingMode> mode;
  if (args.size() == 3 && args[0] == "--writing-mode") {
    if (!(mode = build::writing_mode_named(args[1]))) return usage_error("--writing-mode takes vertical or horizontal");
    args.erase(args.begin(), args.begin() + 2);
  }
  model::LoadResult loaded;
  if (auto code = load(args, "pages", loaded)) return *code;
  DiagnosticList refused;
  if (mode && !build::set_writing_mode(*loaded.document, *mode, refused)) {
    print_diagnostics(refused);
    return 1;
  }
  build::BuildResult traced = build::trace_pages(*loaded.document, stdout);
  print_diagnostics(traced.diagnostics);
  return traced ? 0 : 1;
}

int run_build(const std::vector<std::string>& raw_args) {
  BuildArgs args;
  if (std::string problem = parse_build_args(raw_args, args); !problem.empty()) return usage_error(problem);
  model::LoadResult loaded = model::load_publication(args.source);
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
  build::BuildEvents events;
  if (isatty(STDERR_FILENO))
    events.writing = [](const std::string& what) {
      std::fprintf(stderr, "huozi: writing %s…\n", what.c_str());
    };
  events.done = [](const build::BuildResult& step) {
    print_diagnostics(step.diagnostics);
    for (const auto& note : step.notes) std::fprintf(stderr, "huozi: note: %s\n", note.c_str());
    for (const auto& file : step.written) std::printf("%s\n", file.c_str());
  };
  std::string stem = (std::filesystem::path(args.out_dir) / build::output_name(args.source, args.options)).string();
  return build::build_outputs(std::move(*loaded.document), stem, args.options, events) ? 0 : 1;
}

// `huozi watch SOURCE.xml [build options]`: cli/watch_command.h.
int run_watch(std::vector<std::string> raw_args) {
  build::WatchOptions options;
  // --quiet MS is the watch's own; the rest are the build's.
  for (size_t i = 0; i < raw_args.size(); ++i) {
    if (raw_args[i] != "--quiet") continue;
    const std::string ms = i + 1 < raw_args.size() ? raw_args[i + 1] : "";
    if (ms.empty() || ms.size() > 5 || ms.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(ms) < 10 || std::stoi(ms) > 10000)
      return usage_error("--quiet takes the milliseconds a save must be quiet, 10 to 10000");
    options.quiet = std::chrono::milliseconds(std::stoi(ms));
    raw_args.erase(raw_args.begin() + static_cast<long>(i), raw_args.begin() + static_cast<long>(i) + 2);
    --i;
  }
  BuildArgs args;
  if (std::string problem = parse_build_args(raw_args, args); !problem.empty()) return usage_error(problem);
  options.build = args.options;
  options.out_dir = args.out_dir;
  return run_watch_command(args.source, options);
}

// `huozi preflight FILE.pdf`: prints the report; 0 when nothing failed, 1 otherwise.
int run_preflight(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0].empty() || args[0][0] == '-') {
    std::fprintf(stderr, "huozi: preflight takes one FILE.pdf\n");
    return 2;
  }
  print::PreflightReport report = print::preflight(args[0]);
  std::fputs(print::format_report(report).c_str(), stdout);
  return report.failed() ? 1 : 0;
}

// Standard output must have taken all that was printed to it (a full disk, a
// closed pipe): otherwise the command failed, whatever it found.
int finish_output(int code) {
  errno = 0;
  bool failed = std::fflush(stdout) != 0;
  int error = errno;
  failed = failed || std::ferror(stdout);
  if (!failed) return code;
  std::fprintf(stderr, "huozi: error: cannot write to standard output%s%s\n", error ? ": " : "",
               error ? std::strerror(error) : "");
  return code == 0 ? 1 : code;
}

int run(const std::string& command, const std::vector<std::string>& args) {
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
  if (command == "watch") return run_watch(args);
  if (command == "preflight") return run_preflight(args);
  if (command == "lines") return run_lines_command(args);
  if (command == "pages") return run_pages(args);
  if (command == "where") return run_where_command(args);
  return usage_error("unknown command \"" + command + "\"");
}

}  // namespace
}  // namespace huozi::cli

int main(int argc, char** argv) {
  using namespace huozi::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  const std::string command = args[0];
  args.erase(args.begin());
  int code = 1;
  // The last resort: every stage reports its errors as values, but an
  // exception from a library must still end in a message, not an abort.
  try {
    code = run(command, args);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "huozi: error: out of memory\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "huozi: error: %s\n", e.what());
  }
  return finish_output(code);
}
