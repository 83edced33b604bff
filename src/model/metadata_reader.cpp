#include "model/metadata_reader.h"

#include <set>
#include <string>

#include "model/validators.h"

namespace huozi::model {
namespace {

// What a field reader is given: the field's element, the metadata it fills,
// and the publication folder (for the cover).
using FieldReader = void (*)(const Cursor& e, Metadata& m, const std::filesystem::path& base_dir);

template <std::string Metadata::*field>
void read_text(const Cursor& e, Metadata& m, const std::filesystem::path&) {
  e.check_attributes({}, false);
  m.*field = e.text_content();
}

void read_creator(const Cursor& e, Metadata& m, const std::filesystem::path&) {
  e.check_attributes({"role", "file-as"}, false);
  m.creators.push_back(
      {e.text_content(), e.node().attribute("role").as_string("aut"), e.node().attribute("file-as").value()});
}

void check_identifier(const Cursor& e, const Metadata& m) {
  if (m.identifier_scheme == "isbn") {
    if (!is_isbn(m.identifier)) e.error("ISBN \"" + m.identifier + "\" does not have 10 or 13 digits");
  } else if (m.identifier_scheme == "uuid") {
    std::string uuid = m.identifier.rfind("urn:uuid:", 0) == 0 ? m.identifier.substr(9) : m.identifier;
    if (!is_uuid(uuid))
      e.error("identifier \"" + m.identifier + "\" is not a UUID",
              "write urn:uuid: and 32 hex digits in groups 8-4-4-4-12 (uuidgen makes one), or use "
              "scheme=\"isbn\"");
  } else {
    e.error("unknown identifier scheme \"" + m.identifier_scheme + "\"", "use uuid or isbn");
  }
}

void read_identifier(const Cursor& e, Metadata& m, const std::filesystem::path&) {
  e.check_attributes({"scheme"}, false);
  m.identifier = e.text_content();
  m.identifier_scheme = e.node().attribute("scheme").as_string("uuid");
  check_identifier(e, m);
}

void read_date(const Cursor& e, Metadata& m, const std::filesystem::path&) {
  e.check_attributes({}, false);
  m.date = e.text_content();
  if (!is_valid_date(m.date))
    e.error("date \"" + m.date + "\" is not YYYY, YYYY-MM or YYYY-MM-DD", "write e.g. 2021-12-31");
}

void read_subject(const Cursor& e, Metadata& m, const std::filesystem::path&) {
  e.check_attributes({}, false);
  m.subjects.push_back(e.text_content());
}

void read_cover(const Cursor& e, Metadata& m, const std::filesystem::path& base_dir) {
  e.check_attributes({"src"}, false);
  m.cover_image = e.resolve_resource(base_dir, e.node().attribute("src").value(), "cover image");
}

struct Field {
  std::string_view name;
  bool repeatable;  // creator and subject may be given more than once
  FieldReader read;
};

// In the order the hint for an unknown field lists them.
constexpr Field kFields[] = {
    {"title", false, read_text<&Metadata::title>},
    {"subtitle", false, read_text<&Metadata::subtitle>},
    {"creator", true, read_creator},
    {"publisher", false, read_text<&Metadata::publisher>},
    {"identifier", false, read_identifier},
    {"date", false, read_date},
    {"rights", false, read_text<&Metadata::rights>},
    {"description", false, read_text<&Metadata::description>},
    {"subject", true, read_subject},
    {"cover", false, read_cover},
};

const Field* find_field(std::string_view name) {
  for (const Field& f : kFields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string field_names() {
  std::string out;
  for (const Field& f : kFields) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

void check_required(const Cursor& metadata, const Cursor& root, const Metadata& m) {
  if (m.title.empty()) metadata.error("missing required metadata: <title>", "add <title>书名</title>");
  if (m.identifier.empty())
    metadata.error("missing required metadata: <identifier>",
                   "add <identifier scheme=\"uuid\">urn:uuid:…</identifier> (uuidgen makes one) or an ISBN");
  if (m.date.empty()) metadata.error("missing required metadata: <date>", "add <date>2021-12-31</date>");
  if (m.language.empty())
    root.error("missing required metadata: the publication's language",
               "add xml:lang=\"zh-Hans\" (or zh-Hant) to <publication>");
}

}  // namespace

void read_metadata(const Cursor& metadata, const Cursor& root, const std::filesystem::path& base_dir,
                   Metadata& m) {
  metadata.check_attributes({}, false);
  std::set<std::string, std::less<>> seen;  // fields given once, and unknown names
  for (pugi::xml_node child : metadata.node().children()) {
    Cursor e = metadata.at(child);
    if (is_text(child)) {
      if (!is_space_only(child.value())) e.error("text outside a metadata field");
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    std::string_view n = e.name();
    const Field* field = find_field(n);
    if (!(field && field->repeatable) && !seen.insert(std::string(n)).second) {
      e.error(tag(n) + " given twice in <metadata>", "keep one");
      continue;
    }
    if (field)
      field->read(e, m, base_dir);
    else
      e.error("unknown metadata element <" + std::string(n) + ">", "allowed: " + field_names());
  }
  check_required(metadata, root, m);
}

}  // namespace huozi::model
