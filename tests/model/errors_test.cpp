// Every error the loader reports from a source held in memory. (Errors that
// need files — includes, paths, images — are in files_test.cpp; encodings in
// encoding_test.cpp; exact positions in positions_test.cpp.)
#include <gtest/gtest.h>

#include "model_test_util.h"

namespace huozi::model::testing {
namespace {

struct Case {
  const char* body;     // the content of <body>
  const char* message;  // a part of the one error expected
};

// clang-format off
const Case kBodyErrors[] = {
    // Unknown elements, wherever they are.
    {"<div>a</div>",                                   "unknown element <div> in <body>"},
    {"<chapter><title>t</title><h1>a</h1></chapter>",   "unknown element <h1> in <chapter>"},
    {"<section><img/></section>",                     "unknown element <img> in <section>"},
    {"<quote><blockquote/></quote>",                  "unknown element <blockquote> in <quote>"},
    {"<p>a<i>b</i></p>",                              "<i> is not allowed in text (inside <p>)"},
    {"<p><em>a<p>b</p></em></p>",                     "<p> is not allowed in text (inside <em>)"},
    {"<ul><li>a</li><item>b</item></ul>",            "<item> is not allowed in <ul>"},
    {"<verse><line>a</line><p>b</p></verse>",        "<p> is not allowed in <verse>"},
    {"<verse><stanza><stanza/></stanza></verse>",     "<stanza> is not allowed in <stanza>"},
    {"<table><td>a</td></table>",                     "<td> is not allowed in <table>"},
    {"<table><tr><li>a</li></tr></table>",            "<li> is not allowed in <tr>"},
    {"<figure><placeholder/><img src=\"a.png\"/></figure>", "<img> is not allowed in <figure>"},
    {"<p><ruby>汉<em>字</em><rt>zì</rt></ruby></p>",   "<ruby> holds its base text and one <rt>"},
    {"<p><ruby>汉<rt><em>hàn</em></rt></ruby></p>",    "<em> is not allowed in <rt>"},
    // Unknown attributes.
    {"<p class=\"x\">a</p>",                          "unknown attribute \"class\" on <p>"},
    {"<byline indent=\"no\">a</byline>",              "unknown attribute \"indent\" on <byline>"},
    {"<chapter type=\"x\"><title>t</title></chapter>", "unknown attribute \"type\" on <chapter>"},
    {"<p><em style=\"x\">a</em></p>",                 "unknown attribute \"style\" on <em>"},
    {"<p><a href=\"#x\" target=\"_blank\">a</a></p><p id=\"x\"/>", "unknown attribute \"target\" on <a>"},
    {"<p>a<br clear=\"all\"/></p>",                   "unknown attribute \"clear\" on <br>"},
    {"<p lang=\"en\">a</p>",                          "unknown attribute \"lang\" on <p>"},
    {"<figure><placeholder ratio=\"4:3\" width=\"3\"/></figure>", "unknown attribute \"width\" on <placeholder>"},
    {"<verse><stanza n=\"1\"><line>a</line></stanza></verse>", "unknown attribute \"n\" on <stanza>"},
    {"<table><tr><td colspan=\"2\">a</td></tr></table>", "unknown attribute \"colspan\" on <td>"},
    // A writing mode changes on a new page: a part's or a chapter's, not a section's.
    {"<section writing-mode=\"vertical\"><p>a</p></section>", "unknown attribute \"writing-mode\" on <section>"},
    // Bad attribute values.
    {"<p indent=\"maybe\">a</p>",                     "indent must be yes or no"},
    {"<chapter writing-mode=\"tb\"><title>t</title></chapter>", "unknown writing-mode \"tb\""},
    {"<figure><placeholder ratio=\"wide\"/></figure>", "ratio \"wide\" is not W:H"},
    {"<figure><placeholder ratio=\"0:3\"/></figure>",  "ratio \"0:3\" is not W:H"},
    {"<figure><placeholder ratio=\"4:\"/></figure>",   "ratio \"4:\" is not W:H"},
    {"<p><a>a</a></p>",                               "<a> without href"},
    {"<p><a href=\"javascript:alert(1)\">a</a></p>",   "is neither #id nor an http(s) or mailto address"},
    {"<p><a href=\"ftp://example.com\">a</a></p>",     "is neither #id nor an http(s) or mailto address"},
    // Text outside a block.
    {"散文",                                          "text outside a block in <body>"},
    {"<p>a</p>散文<p>b</p>",                          "text outside a block in <body>"},
    {"<part><title>t</title>散文</part>",             "text outside a block in <part>"},
    {"<chapter><title>t</title>散文</chapter>",       "text outside a block in <chapter>"},
    {"<chapter>散文<title>t</title></chapter>",       "text outside a block in <chapter>"},
    {"<section>散文</section>",                       "text outside a block in <section>"},
    {"<quote>散文</quote>",                           "text outside a block in <quote>"},
    {"<verse>散文<line>a</line></verse>",             "text outside a block in <verse>"},
    {"<verse><stanza>散文<line>a</line></stanza></verse>", "text outside a block in <stanza>"},
    {"<ol>散文<li>a</li></ol>",                       "text outside a block in <ol>"},
    {"<ul><li>a</li>散文</ul>",                       "text outside a block in <ul>"},
    {"<figure><placeholder/>散文</figure>",           "text outside a block in <figure>"},
    {"<table>散文<tr><td>a</td></tr></table>",        "text outside a block in <table>"},
    {"<table><tr>散文<td>a</td></tr></table>",        "text outside a block in <tr>"},
    {"<table><tr><td>a</td></tr><![CDATA[散文]]></table>", "text outside a block in <table>"},
    // Containers in the wrong place, titles.
    {"<chapter><p>a</p></chapter>",                   "<chapter> has no <title>"},
    {"<part><chapter><title>t</title></chapter></part>", "<part> has no <title>"},
    {"<chapter><title>t</title><chapter><title>u</title></chapter></chapter>", "<chapter> is not allowed in <chapter>"},
    {"<chapter><title>t</title><part><title>u</title></part></chapter>", "<part> is not allowed in <chapter>"},
    {"<part><title>t</title><p>a</p></part>",          "<p> is not allowed in <part>"},
    {"<part><title>t</title><section/></part>",        "<section> is not allowed in <part>"},
    {"<quote><section/></quote>",                      "<section> is not allowed in <quote>"},
    {"<quote><chapter><title>t</title></chapter></quote>", "<chapter> is not allowed in <quote>"},
    {"<section><chapter><title>t</title></chapter></section>", "<chapter> is not allowed in <section>"},
    {"<title>t</title>",                               "<title> must be the first child"},
    {"<chapter><title>t</title><p>a</p><title>u</title></chapter>", "<title> must be the first child"},
    {"<quote><title>t</title></quote>",                "<title> must be the first child"},
    // Empty or incomplete blocks.
    {"<ul></ul>",                                     "empty list"},
    {"<ol> </ol>",                                    "empty list"},
    {"<verse></verse>",                               "<verse> has no lines"},
    {"<figure><caption>c</caption></figure>",         "<figure> needs exactly one <image> or <placeholder>, found 0"},
    {"<figure id=\"f\"></figure>",                    "<figure> needs exactly one <image> or <placeholder>, found 0"},
    {"<figure><placeholder/><placeholder/></figure>", "<figure> needs exactly one <image> or <placeholder>, found 2"},
    {"<figure><image alt=\"x\"/></figure>",           "<image> without src"},
    {"<p><ruby>汉</ruby></p>",                         "<ruby> without <rt>"},
    {"<p><ruby>汉<rt>hàn</rt>字</ruby></p>",           "<rt> must come last in <ruby>"},
    {"<p><ruby> <rt>hàn</rt></ruby></p>",             "<ruby> has no base text"},
    {"<p><tcy>12345</tcy></p>",                        "<tcy> holds one to four digits 0–9 (it has \"12345\")"},
    {"<p><tcy>AB</tcy></p>",                           "<tcy> holds one to four digits 0–9 (it has \"AB\")"},
    {"<p><tcy></tcy></p>",                             "<tcy> holds one to four digits 0–9 (it has \"\")"},
    {"<p><tcy><em>12</em></tcy></p>",                  "<em> is not allowed in <tcy>"},
    {"<p>a<br>b</br></p>",                            "<br/> must be empty"},
    {"<include/>",                                    "<include> without src"},
    // Cross references.
    {"<p><a href=\"#nowhere\">a</a></p>",             "link to \"#nowhere\", but no element has id=\"nowhere\""},
    {"<p><a href=\"#\">a</a></p>",                    "link to \"#\", but no element has id=\"\""},
    {"<p id=\"x\">a</p><p id=\"x\">b</p>",            "duplicate id \"x\""},
    {"<chapter id=\"x\"><title id=\"x\">t</title></chapter>", "duplicate id \"x\""},
    {"<p id=\"n\"><note id=\"n\">a</note></p>",       "duplicate id \"n\""},
};
// clang-format on

void PrintTo(const Case& c, std::ostream* os) { *os << printable(c.body); }

class BodyErrorTest : public ::testing::TestWithParam<Case> {};
TEST_P(BodyErrorTest, IsReportedOnce) {
  LoadResult r = load_body(GetParam().body);
  EXPECT_TRUE(has_error(r, GetParam().message)) << GetParam().body;
  EXPECT_EQ(error_count(r), 1u) << GetParam().body << "\n" << describe(r);
}
INSTANTIATE_TEST_SUITE_P(Errors, BodyErrorTest, ::testing::ValuesIn(kBodyErrors));

// The same constructs written correctly load without any diagnostic.
// clang-format off
const char* const kBodyFine[] = {
    "<p id=\"x\">a</p><p><a href=\"#x\">to x</a></p>",
    "<p><a href=\"#later\">forward</a></p><p id=\"later\">b</p>",
    "<figure><placeholder/></figure>",
    "<figure><placeholder ratio=\"1:1\"/><caption>c</caption><credit>d</credit></figure>",
    "<p><ruby>汉<rt>hàn</rt> </ruby></p>",
    "<p>公元<tcy>2021</tcy>年</p>",
    "<p>a<br/>b<br></br></p>",
    "<chapter><title>t</title></chapter>",
    "<chapter writing-mode=\"vertical\"><title>t</title></chapter>",
    "<part writing-mode=\"horizontal\"><title>t</title><chapter writing-mode=\"vertical\"><title>u</title></chapter></part>",
    "<chapter>\n  <!-- 注释 -->\n  <title>t</title>\n</chapter>",
    "<section><title>t</title></section>",
    "<verse><stanza/><line>a</line></verse>",
};
// clang-format on

class BodyFineTest : public ::testing::TestWithParam<const char*> {};
TEST_P(BodyFineTest, Loads) { EXPECT_TRUE(loads_cleanly(load_body(GetParam()))) << GetParam(); }
INSTANTIATE_TEST_SUITE_P(Errors, BodyFineTest, ::testing::ValuesIn(kBodyFine));

TEST(Errors, DuplicateIdHintSaysWhereTheFirstOneIs) {
  LoadResult r = load_body("<p id=\"x\">a</p>\n<chapter><title>t</title>\n  <p id=\"x\">b</p></chapter>");
  ASSERT_TRUE(has_error(r, "duplicate id \"x\""));
  const Diagnostic& d = *find_diagnostic(r, "duplicate id");
  EXPECT_EQ(d.file, "test.xml");
  EXPECT_EQ(d.line, kBodyLine + 2);
  EXPECT_EQ(d.column, 3);
  EXPECT_EQ(d.hint, "first used at test.xml:" + std::to_string(kBodyLine) + ":1");
}

struct SourceCase {
  const char* source;   // the whole file
  const char* message;  // a part of an error expected
};

// clang-format off
const SourceCase kSourceErrors[] = {
    // Malformed XML, in pugixml's words.
    {"<publication><body></publication>",           "malformed XML: Start-end tags mismatch"},
    {"<publication><body>",                         "malformed XML: Start-end tags mismatch"},
    {"<publication a=1/>",                          "malformed XML: Error parsing element attribute"},
    {"<publication a=\"1/>",                        "malformed XML: Error parsing element attribute"},
    {"<publication><!-- x </publication>",          "malformed XML: Error parsing comment"},
    {"<publication><![CDATA[x</publication>",       "malformed XML: Error parsing CDATA section"},
    {"<publication>< p/></publication>",            "malformed XML: Could not determine tag type"},
    {"<publication><p</publication>",               "malformed XML: Error parsing start element tag"},
    {"<publication></publication x>",               "malformed XML: Error parsing end element tag"},
    {"<?xml version=\"1.0\"<publication/>",         "malformed XML: Error parsing document declaration/processing instruction"},
    {"<!DOCTYPE publication [<publication/>",       "malformed XML: Error parsing document type declaration"},
    {"",                                            "the file is empty"},
    {"  \n  ",                                      "malformed XML: No document element found"},
    {"<!-- only a comment -->",                     "malformed XML: No document element found"},
    {"这不是 XML，只是一段文字。",                   "malformed XML"},
    // The root: one element, nothing but comments and white space around it.
    {"<publication/>\n<publication/>",             "a second root element <publication>"},
    {"<publication/>\n散文",                        "text after the root element <publication>"},
    {"散文\n<publication/>",                        "text before the root element <publication>"},
    {"<book/>",                                     "the root element is <book>, not <publication>"},
    {"<fragment><p>a</p></fragment>",               "the root element is <fragment>, not <publication>"},
    // Entity declarations (the billion laughs) are refused before parsing.
    {"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
     " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
     " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
     "<publication>&lol3;</publication>",           "entity declarations are not supported"},
    {"<!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><publication>&xxe;</publication>",
                                                    "entity declarations are not supported"},
    // Missing parts.
    {"<publication xml:lang=\"zh-Hans\"><body/></publication>", "missing <metadata>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata></publication>",  "missing <body>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "missing required metadata: <title>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title> </title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "missing required metadata: <title>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title>"
     "<date>2021</date></metadata><body/></publication>", "missing required metadata: <identifier>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title><identifier>u</identifier>"
     "</metadata><body/></publication>",            "missing required metadata: <date>"},
    {"<publication><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "missing required metadata: the publication's language"},
    {"<publication xml:lang=\"\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "missing required metadata: the publication's language"},
    // Wrong things in the right places.
    {"<publication xml:lang=\"zh-Hans\" type=\"magazine\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "unknown publication type \"magazine\""},
    {"<publication xml:lang=\"zh-Hans\" version=\"2\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "unknown attribute \"version\" on <publication>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date><isbn>1</isbn></metadata><body/></publication>", "unknown metadata element <isbn>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date><title>u</title></metadata><body/></publication>", "<title> given twice in <metadata>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t<em>u</em></title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "<em> is not allowed in <title>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date><creator role=\"aut\" sort=\"x\">a</creator></metadata><body/></publication>",
                                                    "unknown attribute \"sort\" on <creator>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata>散文<title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "text outside a metadata field"},
    {"<publication xml:lang=\"zh-Hans\">散文<metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/></publication>", "text outside a block"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><body/><body/></publication>", "unexpected <body> in <publication>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><chapter/><body/></publication>", "unexpected <chapter> in <publication>"},
    {"<publication xml:lang=\"zh-Hans\"><metadata><title>t</title><identifier>u</identifier>"
     "<date>2021</date></metadata><body class=\"x\"/></publication>", "unknown attribute \"class\" on <body>"},
};
// clang-format on

void PrintTo(const SourceCase& c, std::ostream* os) { *os << printable(c.source); }

class SourceErrorTest : public ::testing::TestWithParam<SourceCase> {};
TEST_P(SourceErrorTest, IsReported) {
  EXPECT_TRUE(has_error(load(GetParam().source), GetParam().message)) << GetParam().source;
}
INSTANTIATE_TEST_SUITE_P(Errors, SourceErrorTest, ::testing::ValuesIn(kSourceErrors));

TEST(Errors, TextIsNotXml) {
  LoadResult r = load("hello, world");
  ASSERT_TRUE(has_error(r, "malformed XML"));
  EXPECT_EQ(r.diagnostics.items()[0].hint, "this does not look like an XML file");
}

TEST(Errors, PngBytesAreRefused) {
  LoadResult r = load(png_bytes());
  EXPECT_FALSE(r.document);
  ASSERT_EQ(r.diagnostics.items().size(), 1u) << describe(r);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.line, 1);
  EXPECT_EQ(d.column, 1);
}

TEST(Errors, MissingMetadataFieldsAreAllReported) {
  LoadResult r = load("<publication><metadata/><body/></publication>");
  EXPECT_TRUE(has_error(r, "missing required metadata: <title>"));
  EXPECT_TRUE(has_error(r, "missing required metadata: <identifier>"));
  EXPECT_TRUE(has_error(r, "missing required metadata: <date>"));
  EXPECT_TRUE(has_error(r, "missing required metadata: the publication's language"));
  EXPECT_EQ(error_count(r), 4u) << describe(r);
}

TEST(Errors, AllMistakesAreReportedInOneRun) {
  LoadResult r = load(
      "<publication xml:lang=\"zh-Hans\">\n"
      "<metadata><title>书</title><identifier>urn:uuid:0b5c2f7e-2a53-4d7e-9a55-4f3c8f0e6c21</identifier></metadata>\n"  // 1: no date
      "<body>\n"
      "<p id=\"a\">甲</p>\n"
      "<p id=\"a\">乙</p>\n"            // 2: duplicate id
      "<p class=\"x\">丙</p>\n"         // 3: unknown attribute
      "<div>丁</div>\n"                 // 4: unknown element
      "<p><a href=\"#b\">戊</a></p>\n"  // 5: link to nothing
      "</body>\n"
      "</publication>\n");
  EXPECT_FALSE(r.document);
  EXPECT_EQ(error_count(r), 5u) << describe(r);
  EXPECT_TRUE(has_error(r, "missing required metadata: <date>"));
  EXPECT_TRUE(has_error(r, "duplicate id \"a\""));
  EXPECT_TRUE(has_error(r, "unknown attribute \"class\" on <p>"));
  EXPECT_TRUE(has_error(r, "unknown element <div> in <body>"));
  EXPECT_TRUE(has_error(r, "link to \"#b\""));
}

// Ids become XHTML ids and PDF destinations; languages become xml:lang and
// font choices; identifiers become the EPUB's unique id.
TEST(Errors, IdsLanguagesAndIdentifiersMustBeWellFormed) {
  EXPECT_TRUE(has_error(load_body("<p id=\"1 2\">甲</p>"), "id \"1 2\" is not a name"));
  EXPECT_TRUE(has_error(load_body("<p id=\"a:b\">甲</p>"), "id \"a:b\" is not a name"));
  EXPECT_EQ(error_count(load_body("<p id=\"第一段\">甲</p><p id=\"_x-1.2\">乙</p>")), 0u);
  EXPECT_TRUE(has_error(load_body("<p xml:lang=\"??\">甲</p>"), "xml:lang \"??\" is not a language tag"));
  EXPECT_EQ(error_count(load_body("<p xml:lang=\"zh-Hant-TW\">甲</p><p xml:lang=\"en\">b</p>")), 0u);
  LoadResult bad_uuid = load(
      "<publication xml:lang=\"zh-Hans\"><metadata><title>书</title><identifier>not-a-uuid</identifier>"
      "<date>2021</date></metadata><body><p>甲</p></body></publication>");
  EXPECT_TRUE(has_error(bad_uuid, "identifier \"not-a-uuid\" is not a UUID")) << describe(bad_uuid);
  auto with_identifier = [](const std::string& id) {
    return load("<publication xml:lang=\"zh-Hans\"><metadata><title>书</title><identifier>" + id +
                "</identifier><date>2021</date></metadata><body><p>甲</p></body></publication>");
  };
  EXPECT_EQ(error_count(with_identifier("urn:uuid:5E0B1F2C-4a8e-4d6b-9c1e-0f2a3b4c5d6e")), 0u);
  EXPECT_EQ(error_count(with_identifier("5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e")), 0u);
  for (const char* bad : {"urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6", "urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6eb",
                          "urn:uuid:5e0b1f2c4a8e-4d6b-9c1e-0f2a3b4c5d6e-", "urn:uuid:5e0b1f2g-4a8e-4d6b-9c1e-0f2a3b4c5d6e",
                          "urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e0-f2a3b4c5d6e"})
    EXPECT_EQ(error_count(with_identifier(bad)), 1u) << bad;
}

TEST(Errors, ManyOfTheSameAreAllReported) {
  std::string body;
  for (int i = 0; i < 50; ++i) body += "<p><bad/></p>\n";
  LoadResult r = load_body(body);
  EXPECT_EQ(error_count(r), 50u) << describe(r);
}

// Nesting is bounded so that a hostile source cannot exhaust the stack.
struct DeepCase {
  const char* open;
  const char* close;
  const char* inside;  // element holding the nesting
};

const DeepCase kDeep[] = {
    {"<em>", "</em>", "<p>"},
    {"<note>", "</note>", "<p>"},
    {"<quote>", "</quote>", ""},
    {"<section>", "</section>", ""},
    {"<span xml:lang=\"en\">", "</span>", "<p>"},
};

void PrintTo(const DeepCase& c, std::ostream* os) { *os << printable(c.open); }

class DeepNestingTest : public ::testing::TestWithParam<DeepCase> {};
TEST_P(DeepNestingTest, IsRefusedWithoutCrashing) {
  const int kLevels = 100000;
  const DeepCase& c = GetParam();
  std::string body = c.inside;
  body.reserve(kLevels * 40);
  for (int i = 0; i < kLevels; ++i) body += c.open;
  body += "深";
  for (int i = 0; i < kLevels; ++i) body += c.close;
  if (*c.inside) body += "</p>";
  LoadResult r = load_body(body);
  EXPECT_TRUE(has_error(r, "elements nested more than 256 deep"));
  EXPECT_EQ(error_count(r), 1u) << describe(r).substr(0, 2000);
}
INSTANTIATE_TEST_SUITE_P(Errors, DeepNestingTest, ::testing::ValuesIn(kDeep));

TEST(Errors, ModerateNestingIsFine) {
  std::string body = "<p>";
  for (int i = 0; i < 100; ++i) body += "<em>";
  body += "深";
  for (int i = 0; i < 100; ++i) body += "</em>";
  EXPECT_TRUE(loads_cleanly(load_body(body + "</p>")));
}

TEST(Errors, UndeclaredEntitiesAreRefusedAtTheirPlace) {
  // Without a DOCTYPE nothing can define them: never expanded, never passed through.
  LoadResult r = load_body("<p>汉字&nbsp;字</p>");
  ASSERT_TRUE(has_error(r, "unknown entity &nbsp;"));
  const Diagnostic& d = *find_diagnostic(r, "unknown entity");
  EXPECT_EQ(d.line, kBodyLine);
  EXPECT_EQ(d.column, 6);
}

}  // namespace
}  // namespace huozi::model::testing
