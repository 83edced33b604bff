// The package files: the OPF's metadata, manifest and accessibility
// statements, nav.xhtml, toc.ncx, the title page, and what changes for a
// Traditional Chinese publication.
#include <gtest/gtest.h>

#include "model/metadata.h"

#include "epub/book_plan.h"
#include "epub/package_files.h"
#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

constexpr std::string_view kFullMetadata =
    "<subtitle>副题</subtitle>\n"
    "<creator role=\"aut\" file-as=\"Li, Bai\">李白</creator>\n"
    "<creator>杜甫</creator>\n"
    "<creator role=\"edt\">编者</creator>\n"
    "<creator role=\"trl\">译者</creator>\n"
    "<publisher>出版社</publisher>\n"
    "<rights>版权所有 &amp; 保留</rights>\n"
    "<description>一本书。</description>\n"
    "<subject>诗歌</subject>\n"
    "<subject>唐代</subject>\n";

// The OPF of a publication, parsed.
Xml opf_of(const model::Document& doc, const EpubOptions& options = {}) {
  Epub epub(doc, options);
  Xml x = parse_xml(epub.entry("EPUB/package.opf"));
  EXPECT_TRUE(x.problems.empty()) << x.problems;
  return x;
}

// The values of the <meta property="…"> elements of the OPF with that property.
std::vector<std::string> meta(const Xml& opf, const std::string& property) {
  std::string xpath = "/package/metadata/meta[@property='" + property + "' and not(@refines)]";
  return texts(opf, xpath.c_str());
}

// "label -> href" for each <li> of a nested <ol>, children indented.
void trace_ol(const pugi::xml_node& ol, int depth, std::string& out) {
  for (pugi::xml_node li : ol.children("li")) {
    pugi::xml_node a = li.child("a");
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + text_of(a) + " -> " +
           a.attribute("href").value() + "\n";
    if (pugi::xml_node sub = li.child("ol")) trace_ol(sub, depth + 1, out);
  }
}

void trace_toc(const std::vector<TocEntry>& entries, int depth, std::string& out) {
  for (const TocEntry& e : entries) {
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + e.label + " -> " + e.href + "\n";
    trace_toc(e.children, depth + 1, out);
  }
}

void trace_nav_points(const pugi::xml_node& parent, int depth, std::string& out) {
  for (pugi::xml_node p : parent.children("navPoint")) {
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + text_of(p.child("navLabel").child("text")) +
           " -> " + p.child("content").attribute("src").value() + "\n";
    trace_nav_points(p, depth + 1, out);
  }
}

constexpr std::string_view kTocBody =
    "<chapter numbering=\"chinese\"><title>山居</title>\n"
    "<section numbering=\"chinese\"><title>春</title><p>一</p>"
    "<section><title>细</title><p>细</p></section></section>\n"
    "<section><p>无题</p><section><title>夏</title><p>二</p></section></section>\n"
    "</chapter>\n"
    "<p>散文</p>\n"
    "<chapter id=\"c2\" numbering=\"chinese\"><title>水居</title><p>三</p></chapter>";

// ---- OPF ----------------------------------------------------------------------------

TEST(EpubPackage, UuidIdentifierIsTheUniqueIdentifier) {
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  Xml opf = opf_of(*doc);
  pugi::xml_node package = opf.root();
  EXPECT_STREQ(package.attribute("version").value(), "3.0");
  std::string unique = package.attribute("unique-identifier").value();
  std::string xpath = "/package/metadata/dc:identifier[@id='" + unique + "']";
  pugi::xml_node id = opf.one(xpath.c_str());
  ASSERT_TRUE(id) << "unique-identifier=\"" << unique << "\" names no dc:identifier";
  EXPECT_EQ(text_of(id), "urn:uuid:" + std::string(kUuid));
  EXPECT_EQ(opf.all("/package/metadata/dc:identifier").size(), 1u);
}

TEST(EpubPackage, IdentifierUrns) {
  model::Metadata m;
  m.identifier = std::string(kUuid);
  m.identifier_scheme = "uuid";
  EXPECT_EQ(identifier_urn(m), "urn:uuid:" + std::string(kUuid));
  m.identifier = "urn:uuid:" + std::string(kUuid);
  EXPECT_EQ(identifier_urn(m), "urn:uuid:" + std::string(kUuid));
  m.identifier = "978-7-02-000220-7";
  m.identifier_scheme = "isbn";
  EXPECT_EQ(identifier_urn(m), "urn:isbn:9787020002207");
  m.identifier = "7 02 000220 X";
  EXPECT_EQ(identifier_urn(m), "urn:isbn:702000220X");
}

TEST(EpubPackage, IsbnIdentifier) {
  std::string xml = publication("<p>正文</p>");
  std::string uuid_line = "<identifier scheme=\"uuid\">urn:uuid:" + std::string(kUuid) + "</identifier>";
  xml.replace(xml.find(uuid_line), uuid_line.size(),
              "<identifier scheme=\"isbn\">978-7-02-000220-7</identifier>");
  auto doc = load(xml);
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:identifier[@id='pub-id']"),
            (std::vector<std::string>{"urn:isbn:9787020002207"}));
  Xml ncx = parse_xml(epub.entry("EPUB/toc.ncx"));
  EXPECT_STREQ(ncx.one("/ncx/head/meta[@name='dtb:uid']").attribute("content").value(),
               "urn:isbn:9787020002207");
}

TEST(EpubPackage, TitlesAndLanguage) {
  auto doc = load(publication("<p>正文</p>", "zh-Hans", kFullMetadata));
  ASSERT_TRUE(doc);
  Xml opf = opf_of(*doc);
  EXPECT_STREQ(opf.root().attribute("xml:lang").value(), "zh-Hans");
  EXPECT_EQ(texts(opf, "/package/metadata/dc:title"), (std::vector<std::string>{"书名", "副题", "书名：副题"}));
  pugi::xpath_node_set titles = opf.all("/package/metadata/dc:title");
  ASSERT_EQ(titles.size(), 3u);
  std::vector<std::string> types;
  for (const pugi::xpath_node& t : titles) {
    std::string xpath = "/package/metadata/meta[@property='title-type' and @refines='#" +
                        std::string(t.node().attribute("id").value()) + "']";
    types.push_back(text_of(opf.one(xpath.c_str())));
  }
  EXPECT_EQ(types, (std::vector<std::string>{"main", "subtitle", "expanded"}));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:title[@id='expanded']"), (std::vector<std::string>{"书名：副题"}));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:language"), (std::vector<std::string>{"zh-Hans"}));

  auto plain = load(publication("<p>正文</p>"));
  ASSERT_TRUE(plain);
  Xml plain_opf = opf_of(*plain);
  EXPECT_EQ(plain_opf.all("/package/metadata/dc:title").size(), 1u);
  EXPECT_EQ(plain_opf.all("/package/metadata/meta[@property='title-type']").size(), 1u);
}

TEST(EpubPackage, CreatorsAndContributorsWithMarcRoles) {
  auto doc = load(publication("<p>正文</p>", "zh-Hans", kFullMetadata));
  ASSERT_TRUE(doc);
  Xml opf = opf_of(*doc);
  // name / element / role / file-as, in source order.
  std::vector<std::string> people;
  for (const pugi::xpath_node& n : opf.all("/package/metadata/*[self::dc:creator or self::dc:contributor]")) {
    std::string id = n.node().attribute("id").value();
    std::string role_xpath = "/package/metadata/meta[@refines='#" + id + "' and @property='role']";
    std::string file_as_xpath = "/package/metadata/meta[@refines='#" + id + "' and @property='file-as']";
    pugi::xml_node role = opf.one(role_xpath.c_str());
    EXPECT_STREQ(role.attribute("scheme").value(), "marc:relators") << id;
    pugi::xml_node file_as = opf.one(file_as_xpath.c_str());
    std::string person = text_of(n.node());
    person += ' ';
    person += n.node().name();
    person += ' ';
    person += text_of(role);
    if (file_as) {
      person += ' ';
      person += text_of(file_as);
    }
    people.push_back(person);
  }
  EXPECT_EQ(people, (std::vector<std::string>{"李白 dc:creator aut Li, Bai", "杜甫 dc:creator aut",
                                              "编者 dc:contributor edt", "译者 dc:contributor trl"}));
}

// An anthology without an author: its editor and compiler are the dc:creators
// (calibre, Kindle conversions and catalogues read no other), the translator
// stays a contributor; the PDF's Author says the same names.
TEST(EpubPackage, EditorsAreCreatorsWhenThereIsNoAuthor) {
  auto doc = load(publication("<p>正文</p>", "zh-Hans",
                              "<creator role=\"edt\">蘅塘退士</creator>\n<creator role=\"com\">编者</creator>\n"
                              "<creator role=\"trl\">译者</creator>\n"));
  ASSERT_TRUE(doc);
  Xml opf = opf_of(*doc);
  EXPECT_EQ(texts(opf, "/package/metadata/dc:creator"), (std::vector<std::string>{"蘅塘退士", "编者"}));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:contributor"), (std::vector<std::string>{"译者"}));
  EXPECT_EQ(texts(opf, "/package/metadata/meta[@refines='#creator-1' and @property='role']"),
            (std::vector<std::string>{"edt"}));
  EXPECT_EQ(model::author_names(doc->metadata), (std::vector<std::string>{"蘅塘退士", "编者"}));
}

TEST(EpubPackage, PublisherDateRightsDescriptionSubjects) {
  auto doc = load(publication("<p>正文</p>", "zh-Hans", kFullMetadata, "2021-06"));
  ASSERT_TRUE(doc);
  Xml opf = opf_of(*doc);
  EXPECT_EQ(texts(opf, "/package/metadata/dc:publisher"), (std::vector<std::string>{"出版社"}));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:date"), (std::vector<std::string>{"2021-06"}));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:rights"), (std::vector<std::string>{"版权所有 & 保留"}));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:description"), (std::vector<std::string>{"一本书。"}));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:subject"), (std::vector<std::string>{"诗歌", "唐代"}));

  auto plain = load(publication("<p>正文</p>"));
  ASSERT_TRUE(plain);
  Xml plain_opf = opf_of(*plain);
  for (const char* absent :
       {"dc:publisher", "dc:rights", "dc:description", "dc:subject", "dc:creator", "dc:contributor"}) {
    std::string xpath = std::string("/package/metadata/") + absent;
    EXPECT_EQ(plain_opf.all(xpath.c_str()).size(), 0u) << absent;
  }
}

TEST(EpubPackage, ModifiedComesFromTheDate) {
  ScopedEnv no_epoch("SOURCE_DATE_EPOCH", nullptr);
  struct Case {
    const char* date;
    const char* modified;
  };
  for (const Case& k : {Case{"2021", "2021-01-01T00:00:00Z"}, Case{"2021-06", "2021-06-01T00:00:00Z"},
                        Case{"2021-12-31", "2021-12-31T00:00:00Z"}}) {
    SCOPED_TRACE(k.date);
    auto doc = load(publication("<p>正文</p>", "zh-Hans", {}, k.date));
    ASSERT_TRUE(doc);
    EXPECT_EQ(modified_timestamp(*doc, {}), k.modified);
    EXPECT_EQ(meta(opf_of(*doc), "dcterms:modified"), (std::vector<std::string>{k.modified}));
  }
}

TEST(EpubPackage, ModifiedComesFromSourceDateEpochWhenSet) {
  auto doc = load(publication("<p>正文</p>", "zh-Hans", {}, "2021"));
  ASSERT_TRUE(doc);
  {
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "1700000000");
    EXPECT_EQ(modified_timestamp(*doc, {}), "2023-11-14T22:13:20Z");
    EXPECT_EQ(meta(opf_of(*doc), "dcterms:modified"), (std::vector<std::string>{"2023-11-14T22:13:20Z"}));
    // An explicit option wins over the environment.
    EpubOptions options;
    options.modified = "2030-01-02T03:04:05Z";
    EXPECT_EQ(meta(opf_of(*doc, options), "dcterms:modified"),
              (std::vector<std::string>{"2030-01-02T03:04:05Z"}));
  }
  {
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "0");
    EXPECT_EQ(modified_timestamp(*doc, {}), "1970-01-01T00:00:00Z");
  }
  {
    // Not a number: ignored, the date is used.
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "yesterday");
    EXPECT_EQ(modified_timestamp(*doc, {}), "2021-01-01T00:00:00Z");
  }
}

TEST(EpubPackage, AccessibilityMetadataForATextOnlyBook) {
  auto doc =
      load(publication("<chapter><title>章</title><p>正文</p>"
                       "<figure><placeholder ratio=\"4:3\">待补</placeholder></figure></chapter>"));
  ASSERT_TRUE(doc);
  Xml opf = opf_of(*doc);
  EXPECT_EQ(meta(opf, "schema:accessMode"), (std::vector<std::string>{"textual"}));
  EXPECT_EQ(meta(opf, "schema:accessModeSufficient"), (std::vector<std::string>{"textual"}));
  EXPECT_EQ(meta(opf, "schema:accessibilityFeature"),
            (std::vector<std::string>{"structuralNavigation", "tableOfContents", "readingOrder",
                                      "displayTransformability"}));
  EXPECT_EQ(meta(opf, "schema:accessibilityHazard"), (std::vector<std::string>{"none"}));
  std::vector<std::string> summary = meta(opf, "schema:accessibilitySummary");
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_NE(summary[0].find("FPO"), std::string::npos) << summary[0];
}

TEST(EpubPackage, AccessibilityFeaturesFollowTheContent) {
  auto images = load(publication("<figure><image src=\"photo.png\" alt=\"图\"/></figure>"));
  auto ruby = load(publication("<p><ruby>汉<rt>hàn</rt></ruby></p>"));
  auto table = load(publication("<table><tr><th>头</th></tr></table>"));
  ASSERT_TRUE(images && ruby && table);
  auto has = [](const Xml& opf, const std::string& feature) {
    std::vector<std::string> all = meta(opf, "schema:accessibilityFeature");
    return std::count(all.begin(), all.end(), feature);
  };
  Xml with_images = opf_of(*images), with_ruby = opf_of(*ruby), with_table = opf_of(*table);
  EXPECT_EQ(has(with_images, "alternativeText"), 1);
  EXPECT_EQ(has(with_images, "rubyAnnotations"), 0);
  EXPECT_EQ(meta(with_images, "schema:accessMode"), (std::vector<std::string>{"textual", "visual"}));
  EXPECT_EQ(has(with_ruby, "alternativeText"), 0);
  EXPECT_EQ(has(with_ruby, "rubyAnnotations"), 1);
  EXPECT_EQ(meta(with_ruby, "schema:accessMode"), (std::vector<std::string>{"textual"}));
  EXPECT_EQ(has(with_table, "tableHeaders"), 1);
  EXPECT_EQ(has(with_table, "alternativeText"), 0);
  EXPECT_EQ(has(with_table, "rubyAnnotations"), 0);
  for (const Xml* opf : {&with_images, &with_ruby, &with_table}) {
    EXPECT_EQ(has(*opf, "structuralNavigation"), 1);
    EXPECT_EQ(meta(*opf, "schema:accessibilityHazard").size(), 1u);
    EXPECT_EQ(meta(*opf, "schema:accessibilitySummary").size(), 1u);
  }
}

// The warnings of loading a publication (which must load).
std::vector<std::string> load_warnings(std::string_view xml) {
  model::LoadResult r = model::load_publication_from_string(xml, "test.xml", data_dir());
  EXPECT_TRUE(r.document) << describe(r.diagnostics);
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.severity == Severity::Warning) out.push_back(format_diagnostic(d));
  return out;
}

// An image with neither alt text nor a caption has no text alternative (its
// alt is ""): loading warns, and the OPF does not claim that every image has one.
TEST(EpubPackage, AnImageWithoutAltOrCaptionIsWarnedOfAndNotClaimedDescribed) {
  const std::string bare = publication("<figure><image src=\"photo.png\"/></figure>");
  std::vector<std::string> warnings = load_warnings(bare);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("test.xml:8:9: warning:"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("alt"), std::string::npos) << warnings[0];
  EXPECT_TRUE(load_warnings(publication("<figure><image src=\"photo.png\" alt=\"图\"/></figure>")).empty());
  EXPECT_TRUE(
      load_warnings(publication("<figure><image src=\"photo.png\"/><caption>图注</caption></figure>")).empty());

  auto has = [](const Xml& opf, const std::string& feature) {
    std::vector<std::string> all = meta(opf, "schema:accessibilityFeature");
    return std::count(all.begin(), all.end(), feature);
  };
  auto undescribed = load(publication("<figure><image src=\"photo.png\" alt=\"图\"/></figure>"
                                      "<figure><image src=\"photo.png\"/></figure>"));
  auto alt = load(publication("<figure><image src=\"photo.png\" alt=\"图\"/></figure>"));
  auto caption = load(publication("<figure><image src=\"photo.png\"/><caption>图注</caption></figure>"));
  ASSERT_TRUE(undescribed && alt && caption);
  Xml opf = opf_of(*undescribed);
  EXPECT_EQ(has(opf, "alternativeText"), 0);
  EXPECT_EQ(meta(opf, "schema:accessModeSufficient"), (std::vector<std::string>{"textual,visual"}));
  std::vector<std::string> summary = meta(opf, "schema:accessibilitySummary");
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0].find("Every image"), std::string::npos) << summary[0];
  EXPECT_NE(summary[0].find("Some images have no text alternative"), std::string::npos) << summary[0];
  for (const auto* described : {&alt, &caption}) {
    Xml x = opf_of(**described);
    EXPECT_EQ(has(x, "alternativeText"), 1);
    EXPECT_EQ(meta(x, "schema:accessModeSufficient"), (std::vector<std::string>{"textual", "textual,visual"}));
    std::vector<std::string> s = meta(x, "schema:accessibilitySummary");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_NE(s[0].find("Every image has a text alternative"), std::string::npos) << s[0];
    EXPECT_EQ(s[0].find("FPO"), std::string::npos) << "no placeholders here: " << s[0];
  }
}

TEST(EpubPackage, CoverImageIsMarkedInTheManifest) {
  auto doc = load(publication("<p>正文</p>", "zh-Hans", "<cover src=\"cover.png\"/>\n"));
  ASSERT_TRUE(doc);
  Xml opf = opf_of(*doc);
  pugi::xpath_node_set covers = opf.all("/package/manifest/item[@properties='cover-image']");
  ASSERT_EQ(covers.size(), 1u);
  pugi::xml_node cover = covers[0].node();
  EXPECT_STREQ(cover.attribute("href").value(), "images/001.png");
  EXPECT_STREQ(cover.attribute("media-type").value(), "image/png");
  // EPUB 2 readers look for <meta name="cover"> naming the item.
  EXPECT_STREQ(opf.one("/package/metadata/meta[@name='cover']").attribute("content").value(),
               cover.attribute("id").value());
  EXPECT_STREQ(opf.one("/package/manifest/item[@href='cover.xhtml']").attribute("media-type").value(),
               "application/xhtml+xml");
}

TEST(EpubPackage, ManifestMediaTypesAndProperties) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  Xml opf = opf_of(*doc);
  std::map<std::string, std::string> type_of;
  for (const pugi::xpath_node& item : opf.all("/package/manifest/item"))
    type_of[item.node().attribute("href").value()] = item.node().attribute("media-type").value();
  EXPECT_EQ(type_of["nav.xhtml"], "application/xhtml+xml");
  EXPECT_EQ(type_of["toc.ncx"], "application/x-dtbncx+xml");
  EXPECT_EQ(type_of["style.css"], "text/css");
  EXPECT_EQ(type_of["titlepage.xhtml"], "application/xhtml+xml");
  EXPECT_EQ(type_of["part-002.xhtml"], "application/xhtml+xml");
  EXPECT_EQ(type_of["images/001.png"], "image/png");
  EXPECT_EQ(attribute_values(opf, "/package/manifest/item[@properties='nav']", "href"),
            (std::vector<std::string>{"nav.xhtml"}));
  pugi::xml_node spine = opf.one("/package/spine");
  std::string toc = spine.attribute("toc").value();
  std::string xpath = "/package/manifest/item[@id='" + toc + "']";
  EXPECT_STREQ(opf.one(xpath.c_str()).attribute("href").value(), "toc.ncx");
}

// ---- nav.xhtml ----------------------------------------------------------------------

TEST(EpubNav, TocIsANestedListOfTheTableOfContents) {
  auto doc = load(publication(kTocBody));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml nav = parse_xml(epub.entry("EPUB/nav.xhtml"));
  ASSERT_TRUE(nav.problems.empty()) << nav.problems;
  pugi::xml_node toc = nav.one("/html/body/nav[@epub:type='toc']");
  ASSERT_TRUE(toc);
  EXPECT_STREQ(toc.attribute("id").value(), "toc");
  EXPECT_EQ(text_of(toc.child("h1")), "目录");
  EXPECT_EQ(toc.select_nodes("ol").size(), 1u);
  std::string listed;
  trace_ol(toc.child("ol"), 0, listed);
  EXPECT_EQ(listed,
            "第一章　山居 -> chapter-001.xhtml#toc-1\n"
            "  一、春 -> chapter-001.xhtml#toc-2\n"
            "    细 -> chapter-001.xhtml#toc-3\n"
            "  夏 -> chapter-001.xhtml#toc-5\n"
            "第二章　水居 -> chapter-003.xhtml#c2\n");
  std::string planned;
  trace_toc(plan_book(*doc).toc, 0, planned);
  EXPECT_EQ(listed, planned);
  EXPECT_TRUE(every_link_lands(epub));
}

TEST(EpubNav, Landmarks) {
  auto doc = load(publication("<p>前言</p><chapter><title>章</title><p>正文</p></chapter>", "zh-Hans",
                              "<cover src=\"cover.png\"/>\n"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml nav = parse_xml(epub.entry("EPUB/nav.xhtml"));
  pugi::xml_node landmarks = nav.one("/html/body/nav[@epub:type='landmarks']");
  ASSERT_TRUE(landmarks);
  std::vector<std::string> entries;
  for (const pugi::xpath_node& a : landmarks.select_nodes("ol/li/a"))
    entries.push_back(std::string(a.node().attribute("epub:type").value()) + " " +
                      a.node().attribute("href").value());
  EXPECT_EQ(entries, (std::vector<std::string>{"cover cover.xhtml", "titlepage titlepage.xhtml",
                                               "toc nav.xhtml#toc", "bodymatter text-001.xhtml"}));
  EXPECT_TRUE(every_link_lands(epub));

  auto no_cover = load(publication("<chapter><title>章</title><p>正文</p></chapter>"));
  ASSERT_TRUE(no_cover);
  Epub plain(*no_cover);
  Xml plain_nav = parse_xml(plain.entry("EPUB/nav.xhtml"));
  EXPECT_EQ(attribute_values(plain_nav, "//nav[@epub:type='landmarks']/ol/li/a", "epub:type"),
            (std::vector<std::string>{"titlepage", "toc", "bodymatter"}));
}

TEST(EpubNav, ABookWithoutHeadingsStillHasATocEntry) {
  auto doc = load(publication("<p>只有一段。</p>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml nav = parse_xml(epub.entry("EPUB/nav.xhtml"));
  std::string listed;
  trace_ol(nav.one("//nav[@epub:type='toc']/ol"), 0, listed);
  EXPECT_EQ(listed, "书名 -> text-001.xhtml\n");
  Xml ncx = parse_xml(epub.entry("EPUB/toc.ncx"));
  std::string points;
  trace_nav_points(ncx.one("/ncx/navMap"), 0, points);
  EXPECT_EQ(points, "书名 -> text-001.xhtml\n");
}

// ---- toc.ncx ------------------------------------------------------------------------

TEST(EpubNcx, MatchesTheTocWithSequentialPlayOrder) {
  auto doc = load(publication(kTocBody, "zh-Hans", kFullMetadata));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml ncx = parse_xml(epub.entry("EPUB/toc.ncx"));
  ASSERT_TRUE(ncx.problems.empty()) << ncx.problems;
  EXPECT_STREQ(ncx.root().attribute("xmlns").value(), "http://www.daisy.org/z3986/2005/ncx/");
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  std::string identifier = text_of(opf.one("/package/metadata/dc:identifier"));
  EXPECT_EQ(std::string(ncx.one("/ncx/head/meta[@name='dtb:uid']").attribute("content").value()), identifier);
  EXPECT_STREQ(ncx.one("/ncx/head/meta[@name='dtb:depth']").attribute("content").value(), "3");
  EXPECT_EQ(text_of(ncx.one("/ncx/docTitle/text")), "书名");

  std::string points;
  trace_nav_points(ncx.one("/ncx/navMap"), 0, points);
  std::string planned;
  trace_toc(plan_book(*doc).toc, 0, planned);
  EXPECT_EQ(points, planned);

  std::vector<std::string> orders = attribute_values(ncx, "//navPoint", "playOrder");
  std::set<std::string> ids;
  ASSERT_EQ(orders.size(), 5u);
  for (size_t i = 0; i < orders.size(); ++i) EXPECT_EQ(orders[i], std::to_string(i + 1)) << i;
  for (const std::string& id : attribute_values(ncx, "//navPoint", "id"))
    EXPECT_TRUE(ids.insert(id).second) << id;
}

// ---- title page ---------------------------------------------------------------------

TEST(EpubTitlePage, ShowsTheMetadata) {
  auto doc = load(publication("<p>正文</p>", "zh-Hans", kFullMetadata));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml page = parse_xml(epub.entry("EPUB/titlepage.xhtml"));
  ASSERT_TRUE(page.problems.empty()) << page.problems;
  EXPECT_STREQ(page.one("/html/body/section").attribute("epub:type").value(), "titlepage");
  EXPECT_EQ(text_of(page.one("//h1")), "书名");
  EXPECT_EQ(texts(page, "//p[@class='book-subtitle']"), (std::vector<std::string>{"副题"}));
  EXPECT_EQ(texts(page, "//p[@class='book-creator']"),
            (std::vector<std::string>{"李白 著", "杜甫 著", "编者 编", "译者 译"}));
  EXPECT_EQ(texts(page, "//p[@class='book-publisher']"), (std::vector<std::string>{"出版社"}));
  EXPECT_EQ(texts(page, "//p[@class='book-rights']"), (std::vector<std::string>{"版权所有 & 保留"}));
}

// ---- Traditional Chinese ----------------------------------------------------------------

TEST(EpubTraditional, NavHeadingAndLanguage) {
  auto hant =
      load(publication("<chapter><title>山居</title><p>繁體</p></chapter>", "zh-Hant", kFullMetadata));
  auto hans = load(publication("<chapter><title>山居</title><p>简体</p></chapter>", "zh-Hans"));
  ASSERT_TRUE(hant && hans);
  Epub hant_epub(*hant), hans_epub(*hans);
  ASSERT_TRUE(hant_epub.ok() && hans_epub.ok());

  Xml nav = parse_xml(hant_epub.entry("EPUB/nav.xhtml"));
  EXPECT_EQ(text_of(nav.one("//nav[@epub:type='toc']/h1")), "目錄");
  EXPECT_EQ(text_of(nav.one("/html/head/title")), "目錄");
  EXPECT_EQ(text_of(nav.one("//nav[@epub:type='landmarks']//a[@epub:type='toc']")), "目錄");
  Xml hans_nav = parse_xml(hans_epub.entry("EPUB/nav.xhtml"));
  EXPECT_EQ(text_of(hans_nav.one("//nav[@epub:type='toc']/h1")), "目录");
  EXPECT_EQ(text_of(hans_nav.one("/html/head/title")), "目录");

  for (const char* file : {"EPUB/nav.xhtml", "EPUB/titlepage.xhtml", "EPUB/chapter-001.xhtml"}) {
    Xml x = parse_xml(hant_epub.entry(file));
    EXPECT_STREQ(x.root().attribute("xml:lang").value(), "zh-Hant") << file;
    EXPECT_STREQ(x.root().attribute("lang").value(), "zh-Hant") << file;
  }
  Xml opf = parse_xml(hant_epub.entry("EPUB/package.opf"));
  EXPECT_EQ(texts(opf, "/package/metadata/dc:language"), (std::vector<std::string>{"zh-Hant"}));
  EXPECT_STREQ(parse_xml(hant_epub.entry("EPUB/toc.ncx")).root().attribute("xml:lang").value(), "zh-Hant");
  // Role words on the title page follow the script.
  Xml page = parse_xml(hant_epub.entry("EPUB/titlepage.xhtml"));
  EXPECT_EQ(texts(page, "//p[@class='book-creator']"),
            (std::vector<std::string>{"李白 著", "杜甫 著", "编者 編", "译者 譯"}));
}

// Every role word in both scripts: 著, 编/編, 译/譯, 绘/繪, 摄影/攝影.
TEST(EpubTraditional, RoleWordsOnTheTitlePage) {
  const char* creators =
      "<creator role=\"aut\">甲</creator>\n<creator role=\"edt\">乙</creator>\n"
      "<creator role=\"trl\">丙</creator>\n<creator role=\"ill\">丁</creator>\n"
      "<creator role=\"pht\">戊</creator>\n";
  auto hant = load(publication("<p>正文</p>", "zh-Hant", creators));
  auto hans = load(publication("<p>正文</p>", "zh-Hans", creators));
  ASSERT_TRUE(hant && hans);
  Epub hant_epub(*hant), hans_epub(*hans);
  ASSERT_TRUE(hant_epub.ok() && hans_epub.ok());
  EXPECT_EQ(texts(parse_xml(hant_epub.entry("EPUB/titlepage.xhtml")), "//p[@class='book-creator']"),
            (std::vector<std::string>{"甲 著", "乙 編", "丙 譯", "丁 繪", "戊 攝影"}));
  EXPECT_EQ(texts(parse_xml(hans_epub.entry("EPUB/titlepage.xhtml")), "//p[@class='book-creator']"),
            (std::vector<std::string>{"甲 著", "乙 编", "丙 译", "丁 绘", "戊 摄影"}));
}

TEST(EpubTraditional, WhichTagsAreTraditional) {
  for (const char* lang : {"zh-Hant", "zh-Hant-TW", "zh-TW", "zh-HK", "zh-MO"})
    EXPECT_TRUE(is_traditional(lang)) << lang;
  for (const char* lang : {"zh-Hans", "zh-CN", "zh", "en", ""}) EXPECT_FALSE(is_traditional(lang)) << lang;
}

}  // namespace
}  // namespace huozi::epub::testing
