// `huozi watch`: the build loop of build/watch.h on the command line, one
// line a build, until Ctrl-C (a second Ctrl-C ends a long build at once).
#pragma once

#include <string>

#include "build/watch.h"

namespace huozi::cli {

// Returns the exit code: 0 when ended by SIGINT or SIGTERM, 1 when nothing could be watched.
int run_watch_command(const std::string& source, const build::WatchOptions& options);

}  // namespace huozi::cli
