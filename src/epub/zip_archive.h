// A zip archive written with libzip, with the settings an EPUB needs.
#pragma once

#include <deque>
#include <filesystem>
#include <memory>
#include <string>

struct zip;

namespace huozi::epub {

class ZipArchive {
 public:
  // Creates (truncates) the archive at path. Check error() afterwards.
  explicit ZipArchive(const std::filesystem::path& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Adds an entry; stored (uncompressed) or deflated. Every entry gets the same
  // fixed timestamp so that identical input gives identical bytes.
  bool add(const std::string& name, std::string bytes, bool compress);

  // Writes the archive to disk. Returns false on failure.
  bool close();

  const std::string& error() const { return error_; }

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  std::unique_ptr<zip, Closer> archive_;
  std::deque<std::string> buffers_;  // libzip reads them at close()
  std::string error_;
};

}  // namespace huozi::epub
