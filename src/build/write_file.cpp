#include "build/write_file.h"

#include <cstdio>

#include "util/atomic_file.h"

namespace huozi::build {

std::string write_file(const std::filesystem::path& target, const std::string& bytes) {
  AtomicFile file(target);
  std::FILE* out = file ? file.stream() : nullptr;
  if (!out) return file.error();
  if (std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size())
    return "cannot write " + target.string();
  if (!file.commit()) return file.error();
  return {};
}

}  // namespace huozi::build
