// A small book compared entry by entry with the EPUB kept in data/golden/,
// as Pandoc's EPUB tests do: the list of entries, then each XML entry parsed
// and printed the same way on both sides, then every other entry by bytes.
// The stylesheet is design, not structure: only its presence is compared.
//
// After an intended change to the output, review the new files and rewrite
// them with:  HUOZI_UPDATE_GOLDEN=1 epub_tests --gtest_filter='EpubGolden*'
#include <gtest/gtest.h>

#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

constexpr std::string_view kSmallBook =
    "<p indent=\"no\">卷首语。</p>\n"
    "<chapter id=\"shan\" numbering=\"chinese\"><title>山居</title>\n"
    "<p>山居<ruby>秋暝<rt>qiūmíng</rt></ruby>，见<a href=\"#shui\">水居</a>。<note>王维诗。</note></p>\n"
    "<section numbering=\"chinese\"><title>春</title>\n"
    "<verse><line>空山新雨后</line><line>天气晚来秋</line></verse>\n"
    "<figure id=\"f1\"><image src=\"photo.png\" alt=\"蓝色方块\"/><caption>图一</caption></figure>\n"
    "</section>\n"
    "<section><p>无题小节</p>\n"
    "<figure><placeholder ratio=\"3:2\">山景</placeholder></figure>\n"
    "<table><caption>表</caption><tr><th>甲</th><td>乙</td></tr></table></section>\n"
    "</chapter>\n"
    "<chapter id=\"shui\" numbering=\"chinese\"><title>水居</title>\n"
    "<p><em>水</em><strong>居</strong><dot>者</dot><code>x</code><span xml:lang=\"en\">water</span>"
    "<a href=\"https://example.com/\">链</a><note>又一注。</note></p>\n"
    "<ol><li>一</li></ol><byline>编者</byline></chapter>";

constexpr const char* kStylesheet = "EPUB/style.css";

fs::path golden_dir() { return data_dir() / "golden" / "small-book"; }

bool is_xml(const std::string& name) {
  for (const char* ext : {".xhtml", ".opf", ".ncx", ".xml"}) {
    std::string e = ext;
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

// The entry as the comparison sees it: XML parsed and printed indented (so a
// difference shows as a line), anything else as its bytes.
std::string comparable(const std::string& name, const std::string& bytes) {
  if (!is_xml(name)) return bytes;
  Xml x = parse_xml(bytes);
  if (!x.problems.empty()) return "not well-formed: " + x.problems;
  std::ostringstream out;
  x.doc->print(out, "  ", pugi::format_indent | pugi::format_no_declaration);
  return out.str();
}

std::string small_book() {
  return publication(kSmallBook, "zh-Hans",
                     "<creator role=\"aut\">作者</creator>\n<publisher>出版社</publisher>\n"
                     "<cover src=\"cover.png\"/>\n");
}

TEST(EpubGolden, SmallBookMatchesEntryByEntry) {
  auto doc = load(small_book());
  ASSERT_TRUE(doc);
  EpubOptions options;
  options.modified = "2021-12-31T00:00:00Z";
  Epub epub(*doc, options);
  ASSERT_TRUE(epub.ok());

  if (const char* update = std::getenv("HUOZI_UPDATE_GOLDEN"); update && *update) {
    fs::remove_all(golden_dir());
    std::string list;
    for (const ZipEntry& e : epub.entries()) {
      list += e.name + "\n";
      if (e.name == kStylesheet) continue;
      fs::path path = golden_dir() / e.name;
      fs::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << e.data;
    }
    std::ofstream(golden_dir() / "ENTRIES", std::ios::binary) << list;
    GTEST_SKIP() << "golden files rewritten in " << golden_dir();
  }

  std::string expected_list = read_bytes(golden_dir() / "ENTRIES");
  ASSERT_FALSE(expected_list.empty()) << "no golden files; run with HUOZI_UPDATE_GOLDEN=1";
  std::string list;
  for (const std::string& name : epub.names()) list += name + "\n";
  EXPECT_EQ(list, expected_list) << "the entries differ";

  for (const ZipEntry& e : epub.entries()) {
    fs::path path = golden_dir() / e.name;
    if (e.name == kStylesheet || !fs::exists(path)) continue;  // missing ones are reported by the list above
    EXPECT_EQ(comparable(e.name, e.data), comparable(e.name, read_bytes(path))) << e.name;
  }
}

}  // namespace
}  // namespace huozi::epub::testing
