#include "epub/zip_archive.h"

#include <zip.h>

#include <ctime>

namespace huozi::epub {
namespace {

// Every entry says 2000-01-01 00:00. A zip entry holds DOS time, which has no
// zone, and libzip makes it from a time_t with local time: so the time_t is
// local midnight, computed in the zone of the moment (mktime reads TZ again),
// and the stored bytes are the same in any zone. tm_isdst = -1 lets mktime
// decide whether summer time applies (it does in January south of the equator).
time_t fixed_time() {
  std::tm tm{};
  tm.tm_year = 2000 - 1900;
  tm.tm_mon = 0;
  tm.tm_mday = 1;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

// zlib's default. Level 9 deflated a 2,880-poem book to 425,445 bytes, level 6
// to 435,221 (+2.3%) with 42% fewer instructions in deflate, which was nearly
// half of the EPUB build (bench/RESULTS.md). Any fixed level keeps the file
// reproducible.
constexpr int kDeflateLevel = 6;

}  // namespace

void ZipArchive::Closer::operator()(zip* archive) const { zip_discard(archive); }

ZipArchive::ZipArchive(const std::filesystem::path& path) {
  int code = 0;
  archive_.reset(zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code));
  if (!archive_) {
    zip_error_t err;
    zip_error_init_with_code(&err, code);
    error_ = std::string("cannot create ") + path.string() + ": " + zip_error_strerror(&err);
    zip_error_fini(&err);
  }
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::add(const std::string& name, std::string bytes, bool compress) {
  if (!archive_) return false;
  buffers_.push_back(std::move(bytes));
  const std::string& data = buffers_.back();
  zip_source_t* source = zip_source_buffer(archive_.get(), data.data(), data.size(), 0);
  if (!source) {
    error_ = zip_strerror(archive_.get());
    return false;
  }
  zip_int64_t index = zip_file_add(archive_.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(source);
    error_ = zip_strerror(archive_.get());
    return false;
  }
  auto i = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(archive_.get(), i, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                               compress ? kDeflateLevel : 0) < 0 ||
      zip_file_set_mtime(archive_.get(), i, fixed_time(), 0) < 0) {
    error_ = zip_strerror(archive_.get());
    return false;
  }
  return true;
}

bool ZipArchive::close() {
  if (!archive_) return false;
  if (zip_close(archive_.get()) < 0) {
    error_ = zip_strerror(archive_.get());
    return false;  // the deleter discards it
  }
  archive_.release();  // zip_close freed it
  buffers_.clear();
  return true;
}

}  // namespace huozi::epub
