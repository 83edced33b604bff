#include "cli/where_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "build/proof_build.h"
#include "build/publication.h"
#include "cli/output.h"
#include "model/loader.h"

namespace huozi::cli {
namespace {

constexpr const char* kWhereUsage =
    "usage: huozi where SOURCE.xml FILE.xml:LINE[:COL]...\n"
    "       huozi where SOURCE.xml --page P [--column C] --line L...\n"
    "       huozi where SOURCE.xml --map\n"
    "\n"
    "  FILE.xml:LINE[:COL]  the page (its number and printed folio), column and line where the\n"
    "               block (paragraph, title, verse line, table cell, note, caption) at that place, or\n"
    "               the nearest before it, begins; FILE as the diagnostics name it, or its name in\n"
    "               the publication's folder. Without COL: the last block that begins on LINE\n"
    "  --page P     the page whose printed folio is P (\"12\", \"iii\"), else the P-th page\n"
    "  --column C   the column from the left (needed on a page of several columns)\n"
    "  --line L     the L-th line of text of the column, as the proof numbers them: blank lines\n"
    "               not counted, footnotes counted after the text above them; prints\n"
    "               FILE:LINE:COL of its block and which line of the block it is. Each --line is\n"
    "               a question of its own, answered on a line of its own\n"
    "  --map        every line of text: page, folio, column, line, FILE:LINE:COL, line of the block\n";

int usage(const std::string& message) {
  std::fprintf(stderr, "huozi where: %s\n\n%s", message.c_str(), kWhereUsage);
  return 2;
}

int not_found(const std::string& message) {
  std::fprintf(stderr, "huozi where: %s\n", message.c_str());
  return 1;
}

struct LineQuery {
  std::string page;
  int column = 0;  // 0: not given
  int line = 0;
};

struct WhereArgs {
  std::string source;
  std::vector<std::string> places;  // FILE:LINE[:COL]
  std::vector<LineQuery> lines;
  bool map = false;
};

// A whole number from 1 up, or 0.
int positive(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoi(s);
}

std::string parse_where_args(const std::vector<std::string>& args, WhereArgs& a) {
  LineQuery next;
  bool pending = false;  // a --page or --column no --line has used yet
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--page" || arg == "--line" || arg == "--column") {
      if (i + 1 == args.size()) return arg + " needs a value";
      const std::string& value = args[++i];
      if (arg == "--page") {
        next.page = value, pending = true;
      } else if (arg == "--column") {
        if (!(next.column = positive(value)))
          return "--column takes a whole number from 1 (got \"" + value + "\")";
        pending = true;
      } else {
        if (next.page.empty()) return "--line " + value + " needs a --page before it";
        if (!(next.line = positive(value)))
          return "--line takes a whole number from 1 (got \"" + value + "\")";
        a.lines.push_back(next);
        pending = false;
      }
    } else if (arg == "--map")
      a.map = true;
    else if (!arg.empty() && arg[0] == '-')
      return "unknown option " + arg;
    else if (a.source.empty())
      a.source = arg;
    else
      a.places.push_back(arg);
  }
  if (a.source.empty()) return "no SOURCE.xml given";
  if (pending) return "--page and --column need a --line after them";
  if ((a.map ? 1 : 0) + !a.places.empty() + !a.lines.empty() != 1)
    return "give places FILE.xml:LINE[:COL], or --page P --line L, or --map";
  return {};
}

// FILE:LINE[:COL] split; false when it is not one.
bool split_place(const std::string& place, std::string& file, int& line, int& column) {
  const size_t last = place.rfind(':');
  if (last == std::string::npos || last == 0) return false;
  const size_t before = place.rfind(':', last - 1);
  column = 0;
  if (before != std::string::npos && before > 0 && positive(place.substr(before + 1, last - before - 1))) {
    line = positive(place.substr(before + 1, last - before - 1));
    column = positive(place.substr(last + 1));
    file = place.substr(0, before);
    return column > 0;
  }
  line = positive(place.substr(last + 1));
  file = place.substr(0, last);
  return line > 0 && !file.empty();
}

// The file's index in doc.files: named as the diagnostics name it, or as
// its name in the publication's folder (as the proof prints it), or any path
// to the same file.
std::optional<uint32_t> find_file(const model::Document& doc, const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (uint32_t i = 0; i < doc.files.size(); ++i) {
    // The source as given on the command line; an included file by its path from the publication's folder.
    const fs::path in_folder = i == 0 ? fs::path(doc.files[i]).filename() : fs::path(doc.files[i]);
    const fs::path actual = i == 0 ? fs::path(doc.files[i]) : fs::path(doc.base_dir) / doc.files[i];
    if (doc.files[i] == name || in_folder == fs::path(name)) return i;
    if (fs::exists(name, ec) && fs::equivalent(actual, name, ec)) return i;
  }
  return std::nullopt;
}

std::string place_of(const model::Document& doc, const SourceLocation& at) {
  return file_name(doc.files, at) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string folio_of(const layout::PageLines& page) {
  return page.label.empty() ? std::to_string(page.number) : page.label;
}

int forward(const model::Document& doc, const std::vector<layout::PageLines>& pages,
            const std::string& place) {
  std::string file;
  int line = 0, column = 0;
  if (!split_place(place, file, line, column)) return usage("\"" + place + "\" is not FILE.xml:LINE[:COL]");
  const std::optional<uint32_t> index = find_file(doc, file);
  if (!index) return not_found(file + " is not a file of " + doc.files.front());
  const SourceLocation at{*index, static_cast<uint32_t>(line),
                          column ? static_cast<uint32_t>(column) : UINT32_MAX};  // no column: the whole line
  const std::optional<layout::LineHit> hit = layout::find_place(pages, at);
  if (!hit) return not_found("no text at or before " + place + " is printed");
  std::printf("page %d folio %s column %d line %d (the block at %s)\n", hit->page,
              hit->label.empty() ? std::to_string(hit->page).c_str() : hit->label.c_str(), hit->line.column,
              hit->line.number, place_of(doc, hit->line.where).c_str());
  return 0;
}

int backward(const model::Document& doc, const std::vector<layout::PageLines>& pages, const LineQuery& q) {
  const layout::PageLines* page = layout::find_page(pages, q.page);
  if (!page)
    return not_found(
        "there is no page " + q.page + ": the publication has " + std::to_string(pages.size()) + " pages" +
        (pages.empty() ? "" : ", folios " + folio_of(pages.front()) + " to " + folio_of(pages.back())));
  const int columns = layout::columns_of(*page);
  if (columns > 1 && !q.column)
    return not_found("page " + q.page + " has text in " + std::to_string(columns) +
                     " columns: say which with --column");
  const int column = q.column ? q.column : 1;
  const std::vector<layout::SourceLine> lines = layout::lines_at(*page, column, q.line);
  if (lines.empty())
    return not_found("page " + q.page + (columns > 1 ? " column " + std::to_string(column) : "") +
                     " has no line " + std::to_string(q.line) + " of text");
  // Several blocks on one line (a table row's cells): all of them, left to right.
  std::string answer;
  for (const layout::SourceLine& l : lines)
    answer += (answer.empty() ? "" : "; ") + place_of(doc, l.where) + " line " + std::to_string(l.line) +
              " of the block" +
              (l.generated ? " (text huozi sets for it: a contents entry or a jump line)" : "");
  std::printf("%s\n", answer.c_str());
  return 0;
}

void print_map(const model::Document& doc, const std::vector<layout::PageLines>& pages) {
  for (const layout::PageLines& page : pages)
    for (const layout::SourceLine& l : page.lines)
      std::printf("page %d folio %s column %d line %d %s line %d%s\n", page.number, folio_of(page).c_str(),
                  l.column, l.number, place_of(doc, l.where).c_str(), l.line,
                  l.generated ? " generated" : "");
}

}  // namespace

int run_where_command(const std::vector<std::string>& args) {
  WhereArgs a;
  if (std::string problem = parse_where_args(args, a); !problem.empty()) return usage(problem);
  model::LoadResult loaded = model::load_publication(a.source);
  if (loaded) build::has_content(*loaded.document, loaded.diagnostics);
  if (!loaded || loaded.diagnostics.has_errors()) {
    print_diagnostics(loaded.diagnostics);
    return 1;
  }
  const model::Document& doc = *loaded.document;
  std::vector<layout::PageLines> pages;
  build::BuildResult mapped = build::map_source(doc, pages);
  if (!mapped) {
    print_diagnostics(mapped.diagnostics);
    return 1;
  }
  if (a.map) {
    print_map(doc, pages);
    return 0;
  }
  // Every question answered; the worst code of them.
  int code = 0;
  for (const std::string& place : a.places) code = std::max(code, forward(doc, pages, place));
  for (const LineQuery& q : a.lines) code = std::max(code, backward(doc, pages, q));
  return code;
}

}  // namespace huozi::cli
