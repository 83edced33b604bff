#include "cli/watch_command.h"

#include <csignal>
#include <cstdio>
#include <ctime>

#include "cli/output.h"

namespace huozi::cli {
namespace {

volatile std::sig_atomic_t watch_stop = 0;

void on_stop_signal(int) { watch_stop = 1; }

// "12:03:07" now, for the watch's lines.
std::string clock_time() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

std::string counted(size_t n, const char* one, const char* many) { return std::to_string(n) + (n == 1 ? one : many); }

// One line a build: when, what changed, how long, how much was set anew, and
// what was written; a failed build says which outputs are still the last good
// build's. The diagnostics come first.
void print_round(const build::WatchRound& round) {
  print_diagnostics(round.result.diagnostics);
  size_t errors = 0, warnings = 0;
  for (const auto& d : round.result.diagnostics.items()) (d.severity == Severity::Error ? errors : warnings)++;
  std::string line = "huozi: " + clock_time() + " ";
  if (!round.changed.empty())
    line += round.changed.front().filename().string() +
            (round.changed.size() > 1 ? " and " + std::to_string(round.changed.size() - 1) + " more" : "") +
            " changed; ";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f s", round.seconds);
  std::string files;
  for (const auto& file : round.result.written) files += " " + file.string();
  if (errors > 0 || !round.loaded) {
    line += counted(errors, " error", " errors") + " in " + seconds + "; ";
    line += files.empty() ? "the last good outputs stand" : "written:" + files + "; the others are the last good build's";
  } else {
    // Paragraph settings: each measure a paragraph is tried at counts (headlines, labels).
    line += std::string("built in ") + seconds + " (" + counted(round.paragraphs_set, " setting", " settings") +
            " new, " + std::to_string(round.paragraphs_kept) + " kept):" + files;
  }
  if (warnings) line += " (" + counted(warnings, " warning)", " warnings)");
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
}

}  // namespace

int run_watch_command(const std::string& source, const build::WatchOptions& options) {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  action.sa_flags = SA_RESETHAND;  // a second signal ends the process at once
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::string error = build::watch(source, options, print_round, watch_stop);
  if (!error.empty()) {
    std::fprintf(stderr, "huozi: error: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace huozi::cli
