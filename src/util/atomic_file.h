// Writing outputs so that a failed build never leaves a half-written file and
// never clobbers the last good one: write beside the target, then rename.
#pragma once

#include <filesystem>
#include <string>

namespace huozi {

// A temporary file in the target's folder that becomes the target on commit().
// If commit() is never called (an error, an exception), the destructor removes it;
// temporaries of the same target left by a killed earlier run are removed on construction.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // False (with error()) when the temporary file could not be made.
  explicit operator bool() const { return !temp_.empty(); }
  // Path to write the content to.
  const std::filesystem::path& temp_path() const { return temp_; }
  const std::string& error() const { return error_; }

  // Renames the temporary file over the target. Returns false (and sets error()) on failure.
  bool commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::string error_;
  bool committed_ = false;
};

}  // namespace huozi
