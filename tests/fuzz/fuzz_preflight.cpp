// libFuzzer target: one PDF -> `huozi preflight`, the reader side a print shop
// or a build server runs on files from anywhere (issue 19). Any crash,
// sanitizer report, leak, timeout (-timeout) or memory beyond -rss_limit_mb is
// a finding; preflight must bound its own work on hostile files (a stream that
// inflates to gigabytes, a form that draws itself, loops in the page tree).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "print/preflight.h"

namespace {

std::string scratch_file;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char name[] = "/dev/shm/huozi-fuzz-preflight-XXXXXX";
  int fd = mkstemp(name);
  if (fd < 0) {
    std::perror("mkstemp");
    std::abort();
  }
  close(fd);
  scratch_file = name;
  std::atexit([] { std::filesystem::remove(scratch_file); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FILE* f = std::fopen(scratch_file.c_str(), "wb");
  if (!f) std::abort();
  if (size && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  huozi::print::PreflightReport report = huozi::print::preflight(scratch_file);
  std::string text = huozi::print::format_report(report);
  // Every report ends with its result line, whatever the file.
  if (text.find("result: ") == std::string::npos) std::abort();
  return 0;
}
