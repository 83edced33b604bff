// Writing outputs so that a failed build never leaves a half-written file and
// never clobbers the last good one: write beside the target, then rename.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

namespace huozi {

// A temporary file in the target's folder that becomes the target on commit().
// If commit() is never called (an error, an exception), the destructor removes it.
// Its name carries this process's id; temporaries of the same target whose
// process is no longer running (a build killed earlier) are removed on construction.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // False (with error()) when the temporary file could not be made.
  explicit operator bool() const { return !temp_.empty(); }
  // Path to write the content to (for a writer that opens the file itself and checks its own close).
  const std::filesystem::path& temp_path() const { return temp_; }
  // The temporary file opened for writing, for a writer that takes a FILE*
  // and does not check its flush and close (commit() does). Null (with error()) if it cannot be opened.
  std::FILE* stream();
  const std::string& error() const { return error_; }

  // Flushes and closes stream() if it was opened, checking both, syncs the
  // file to disk and renames it over the target. Returns false (and sets
  // error(); the target is untouched) on any failure.
  bool commit();

 private:
  bool close_stream();

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* stream_ = nullptr;
  std::string error_;
  bool committed_ = false;
};

}  // namespace huozi
