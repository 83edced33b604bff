// The archive as a whole: the mimetype entry, container.xml, the manifest
// against the zip's entries, the spine order, media bytes.
#include <gtest/gtest.h>

#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

uint16_t le16(const std::string& bytes, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(bytes[at]) |
                               static_cast<unsigned char>(bytes[at + 1]) << 8);
}

std::string book_with_cover() { return publication(kBookBody, "zh-Hans", "<cover src=\"cover.png\"/>\n"); }

TEST(EpubArchive, MimetypeIsTheFirstEntryStoredWithoutExtraField) {
  auto doc = load(book_with_cover());
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  ASSERT_FALSE(epub.entries().empty());
  const ZipEntry& first = epub.entries().front();
  EXPECT_EQ(first.name, "mimetype");
  EXPECT_EQ(first.method, ZIP_CM_STORE);
  EXPECT_EQ(first.data, "application/epub+zip");
  EXPECT_EQ(first.local_extra_fields, 0);
  EXPECT_EQ(first.central_extra_fields, 0);

  // Readers sniff the raw bytes: the local header, then "mimetype", then the
  // media type itself, at fixed offsets.
  std::string raw = read_bytes(epub.path());
  ASSERT_GE(raw.size(), 58u);
  EXPECT_EQ(raw.substr(0, 4), std::string("PK\x03\x04"));
  EXPECT_EQ(le16(raw, 8), 0) << "compression method";
  EXPECT_EQ(le16(raw, 26), 8) << "file name length";
  EXPECT_EQ(le16(raw, 28), 0) << "extra field length";
  EXPECT_EQ(raw.substr(30, 28), "mimetypeapplication/epub+zip");
}

TEST(EpubArchive, ContainerPointsAtThePackageDocument) {
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  ASSERT_EQ(epub.entries().size() >= 2, true);
  EXPECT_EQ(epub.entries()[1].name, "META-INF/container.xml");
  Xml container = parse_xml(epub.entry("META-INF/container.xml"));
  ASSERT_TRUE(container.problems.empty()) << container.problems;
  EXPECT_STREQ(container.root().attribute("xmlns").value(),
               "urn:oasis:names:tc:opendocument:xmlns:container");
  pugi::xpath_node_set rootfiles = container.all("/container/rootfiles/rootfile");
  ASSERT_EQ(rootfiles.size(), 1u);
  std::string opf = rootfiles[0].node().attribute("full-path").value();
  EXPECT_EQ(std::string(rootfiles[0].node().attribute("media-type").value()),
            "application/oebps-package+xml");
  ASSERT_TRUE(epub.has(opf)) << opf;
  Xml package = parse_xml(epub.entry(opf));
  EXPECT_TRUE(package.problems.empty()) << package.problems;
  EXPECT_STREQ(package.root().name(), "package");
}

TEST(EpubArchive, ManifestAndZipEntriesAgree) {
  auto doc = load(book_with_cover());
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  ASSERT_TRUE(opf.problems.empty()) << opf.problems;

  std::set<std::string> manifest, ids;
  for (const pugi::xpath_node& item : opf.all("/package/manifest/item")) {
    std::string href = "EPUB/" + std::string(item.node().attribute("href").value());
    EXPECT_TRUE(manifest.insert(href).second) << "listed twice: " << href;
    EXPECT_TRUE(ids.insert(item.node().attribute("id").value()).second) << "id twice: " << href;
    EXPECT_TRUE(epub.has(href)) << "in the manifest, not in the zip: " << href;
  }
  std::set<std::string> names;
  for (const ZipEntry& e : epub.entries()) {
    EXPECT_TRUE(names.insert(e.name).second) << "zip entry twice: " << e.name;
    // The package document lists everything but itself.
    if (e.name == "mimetype" || e.name.rfind("META-INF/", 0) == 0 || e.name == "EPUB/package.opf") continue;
    EXPECT_TRUE(manifest.count(e.name)) << "in the zip, not in the manifest: " << e.name;
  }
  // The book has all of these; the check above must have seen them.
  for (const char* name :
       {"EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/style.css", "EPUB/cover.xhtml", "EPUB/titlepage.xhtml",
        "EPUB/chapter-003.xhtml", "EPUB/images/001.png", "EPUB/images/002.png"})
    EXPECT_TRUE(manifest.count(name)) << name;
  // Every spine item is in the manifest.
  for (const pugi::xpath_node& ref : opf.all("/package/spine/itemref"))
    EXPECT_TRUE(ids.count(ref.node().attribute("idref").value())) << ref.node().attribute("idref").value();
}

TEST(EpubArchive, SpineFollowsTheBody) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  std::map<std::string, std::string> href_of;
  for (const pugi::xpath_node& item : opf.all("/package/manifest/item"))
    href_of[item.node().attribute("id").value()] = item.node().attribute("href").value();
  std::vector<std::string> spine;
  for (const pugi::xpath_node& ref : opf.all("/package/spine/itemref"))
    spine.push_back(href_of[ref.node().attribute("idref").value()]);
  EXPECT_EQ(spine, (std::vector<std::string>{"titlepage.xhtml", "nav.xhtml", "text-001.xhtml",
                                             "part-002.xhtml", "chapter-003.xhtml", "chapter-004.xhtml",
                                             "chapter-005.xhtml", "text-006.xhtml"}));

  // Each body file holds the body's content in reading order.
  std::vector<std::string> first_texts;
  for (size_t i = 2; i < spine.size(); ++i) {
    Xml x = parse_xml(epub.entry("EPUB/" + spine[i]));
    pugi::xml_node first = x.one("/html/body//*[self::h1 or self::p]");
    first_texts.push_back(text_of(first));
  }
  EXPECT_EQ(first_texts, (std::vector<std::string>{"开篇的话。", "第一部　上编", "第一章　山居",
                                                   "第二章　水居", "后记", "尾声。"}));
}

TEST(EpubArchive, CoverPageComesFirstInTheSpine) {
  auto doc = load(book_with_cover());
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  std::vector<std::string> idrefs = attribute_values(opf, "/package/spine/itemref", "idref");
  ASSERT_GE(idrefs.size(), 3u);
  EXPECT_EQ(idrefs[0], "cover");
  EXPECT_EQ(idrefs[1], "titlepage");
  EXPECT_EQ(idrefs[2], "nav");
  Xml cover = parse_xml(epub.entry("EPUB/cover.xhtml"));
  ASSERT_TRUE(cover.problems.empty()) << cover.problems;
  pugi::xml_node img = cover.one("//img");
  ASSERT_TRUE(img);
  std::string src = img.attribute("src").value();
  EXPECT_TRUE(epub.has("EPUB/" + src)) << src;
  EXPECT_EQ(epub.entry("EPUB/" + src), read_bytes(data_dir() / "cover.png"));
  EXPECT_STREQ(img.attribute("alt").value(), "书名");
}

TEST(EpubArchive, NoCoverPageWithoutACover) {
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_FALSE(epub.has("EPUB/cover.xhtml"));
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  EXPECT_FALSE(opf.one("//item[@properties='cover-image']"));
  EXPECT_EQ(attribute_values(opf, "/package/spine/itemref", "idref"),
            (std::vector<std::string>{"titlepage", "nav", "doc-1"}));
}

// A book whose source names no cover gets the one the build drew (issue 18,
// item 2): a cover-image item, the EPUB 2 <meta name="cover">, a cover page
// first in the spine and in the landmarks.
TEST(EpubArchive, AGeneratedCoverIsTheCoverImageWhenTheSourceHasNone) {
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  EpubOptions options;
  options.cover_png = read_bytes(data_dir() / "cover.png");
  Epub epub(*doc, options);
  ASSERT_TRUE(epub.ok());
  EXPECT_EQ(epub.entry("EPUB/images/cover.png"), options.cover_png);
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  pugi::xml_node item = opf.one("//item[@properties='cover-image']");
  ASSERT_TRUE(item);
  EXPECT_STREQ(item.attribute("href").value(), "images/cover.png");
  EXPECT_STREQ(item.attribute("media-type").value(), "image/png");
  EXPECT_STREQ(opf.one("//meta[@name='cover']").attribute("content").value(), item.attribute("id").value());
  EXPECT_EQ(attribute_values(opf, "/package/spine/itemref", "idref"),
            (std::vector<std::string>{"cover", "titlepage", "nav", "doc-1"}));
  EXPECT_STREQ(parse_xml(epub.entry("EPUB/cover.xhtml")).one("//img").attribute("src").value(), "images/cover.png");
  EXPECT_TRUE(parse_xml(epub.entry("EPUB/nav.xhtml")).one("//a[@href='cover.xhtml']"));
}

// The source's own cover stays: a drawn one is not added beside it.
TEST(EpubArchive, TheSourcesCoverWinsOverAGeneratedOne) {
  auto doc = load(book_with_cover());
  ASSERT_TRUE(doc);
  EpubOptions options;
  options.cover_png = read_bytes(data_dir() / "photo.png");
  Epub epub(*doc, options);
  ASSERT_TRUE(epub.ok());
  EXPECT_FALSE(epub.has("EPUB/images/cover.png"));
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  ASSERT_EQ(opf.all("//item[@properties='cover-image']").size(), 1u);
  std::string href = opf.one("//item[@properties='cover-image']").attribute("href").value();
  EXPECT_EQ(epub.entry("EPUB/" + href), read_bytes(data_dir() / "cover.png"));
}

TEST(EpubArchive, ImagesAreCopiedByteForByteAndStored) {
  auto doc = load(book_with_cover());
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  // Body images first, in reading order, then the cover.
  std::string photo = read_bytes(data_dir() / "photo.png");
  std::string cover = read_bytes(data_dir() / "cover.png");
  ASSERT_NE(photo, cover);
  EXPECT_EQ(epub.entry("EPUB/images/001.png"), photo);
  EXPECT_EQ(epub.entry("EPUB/images/002.png"), cover);
  for (const ZipEntry& e : epub.entries()) {
    if (e.name.rfind("EPUB/images/", 0) == 0) {
      EXPECT_EQ(e.method, ZIP_CM_STORE) << e.name;
    } else if (e.name != "mimetype") {
      EXPECT_EQ(e.method, ZIP_CM_DEFLATE) << e.name;
    }
  }
}

TEST(EpubArchive, AnImageUsedTwiceIsStoredOnce) {
  auto doc = load(publication(
      "<chapter><title>一</title><figure><image src=\"photo.png\" alt=\"甲\"/></figure></chapter>\n"
      "<chapter><title>二</title><figure><image src=\"photo.png\" alt=\"乙\"/></figure></chapter>",
      "zh-Hans", "<cover src=\"photo.png\"/>\n"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  size_t images = 0;
  for (const ZipEntry& e : epub.entries()) images += e.name.rfind("EPUB/images/", 0) == 0;
  EXPECT_EQ(images, 1u);
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  pugi::xpath_node_set items = opf.all("//item[starts-with(@href, 'images/')]");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_STREQ(items[0].node().attribute("properties").value(), "cover-image");
  for (const char* file : {"EPUB/chapter-001.xhtml", "EPUB/chapter-002.xhtml", "EPUB/cover.xhtml"})
    EXPECT_STREQ(parse_xml(epub.entry(file)).one("//img").attribute("src").value(), "images/001.png") << file;
}

TEST(EpubArchive, EveryXmlEntryIsWellFormed) {
  auto doc = load(book_with_cover());
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  size_t checked = 0;
  for (const ZipEntry& e : epub.entries()) {
    std::string ext = e.name.substr(e.name.find_last_of('.') + 1);
    if (ext != "xhtml" && ext != "opf" && ext != "ncx" && ext != "xml") continue;
    EXPECT_TRUE(well_formed(e.data)) << e.name;
    EXPECT_EQ(e.data.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u) << e.name;
    ++checked;
  }
  EXPECT_EQ(checked, 1u + 1 + 1 + 1 + 1 + 1 + 6);  // container, opf, nav, ncx, titlepage, cover, 6 body files
}

}  // namespace
}  // namespace huozi::epub::testing
