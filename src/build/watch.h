// `huozi watch`: build, then build again whenever a file of the publication
// changes. The fonts stay open and paragraphs already set are kept
// (layout/paragraph_cache.h), so an edit re-shapes and re-breaks only what it
// touched; every output is still written whole and atomically, once a save
// has settled.
#pragma once

#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "build/publication.h"

namespace huozi::build {

// One build of the watch.
struct WatchRound {
  BuildResult result;  // the load's and the build's diagnostics, the files written
  bool loaded = false;  // false: the source has errors; nothing was written, the last outputs stand
  double seconds = 0;   // load and build
  std::vector<std::filesystem::path> changed;  // what started it (none for the first)
  size_t paragraphs_set = 0, paragraphs_kept = 0;  // set anew / taken from the last build
};

struct WatchOptions {
  BuildOptions build;
  std::filesystem::path out_dir = "output";
  std::chrono::milliseconds quiet{50};  // a save is over when no change came for this long
};

// Builds `source` and reports it, then waits for changes and builds again,
// until `stop` is set (a signal handler sets it; it is seen within 0.2 s).
// Returns an empty string, or why nothing could be watched.
std::string watch(const std::filesystem::path& source, const WatchOptions& options,
                  const std::function<void(const WatchRound&)>& report, const volatile std::sig_atomic_t& stop);

// The files whose change means a new build: sources and pictures (not an
// editor's backup or swap file, not a build's own temporary).
bool is_publication_file(const std::filesystem::path& path);

}  // namespace huozi::build
