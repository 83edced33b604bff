#include "epub/stylesheet.h"

namespace huozi::epub {

namespace {

// Reading systems differ; every rule here degrades to plain, readable text.
// zh-Hant gets the TC faces (centred punctuation) through :lang().
const char* const kBookRules = R"CSS(@charset "UTF-8";
/* huozi: Chinese body text (clreq): justified, 2-em first-line indent, strict line breaking. */
html {
  line-height: 1.75;
}
body {
  margin: 0 0.5em;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", serif;
  text-align: justify;
  line-break: strict;
  -webkit-line-break: strict;
  -epub-line-break: strict;
  word-break: normal;
  overflow-wrap: break-word;
  hanging-punctuation: none;
  /* clreq 3: a quarter-em space between Han and Latin letters or digits, where the reading system can. */
  text-autospace: normal;
}
:lang(zh-Hant) body, body:lang(zh-Hant) {
  font-family: "Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", "PMingLiU", "MingLiU", serif;
}
p {
  margin: 0;
  text-indent: 2em;
  text-wrap: pretty;  /* clreq 5: the reading system avoids a last line of one character where it can */
}
p.noindent, p.byline, p.line, li p, figcaption p, .titlepage p, .footnotes p {
  text-indent: 0;
}
h1, h2, h3, h4, h5, h6 {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Heiti SC", "Microsoft YaHei", sans-serif;
  font-weight: bold;
  line-height: 1.4;
  text-align: center;
  text-indent: 0;
  page-break-after: avoid;
  break-after: avoid;
  hyphens: none;
}
:lang(zh-Hant) h1, :lang(zh-Hant) h2, :lang(zh-Hant) h3, :lang(zh-Hant) h4 {
  font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif;
}
h1, h2, h3, h4, h5, h6 { text-wrap: balance; }  /* no heading ends on one lonely character */
h1 { font-size: 1.6em; margin: 1.5em 0 1em; }
h2 { font-size: 1.25em; margin: 1.5em 0 0.75em; text-align: left; }
h3, h4, h5, h6 { font-size: 1.05em; margin: 1.2em 0 0.5em; text-align: left; }
section.chapter, section.part {
  page-break-before: always;
  break-before: page;
}
.number { margin-right: 0; }
/* A part's own page, as in the PDF: its number over its title, a third down. */
section.part > h1 { font-size: 2em; margin: 6em 0 1em; margin-top: 30vh; }
section.part > h1 > .number { display: block; font-size: 0.7em; margin-bottom: 1em; }
strong {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Heiti SC", sans-serif;
  font-weight: bold;
}
:lang(zh-Hant) strong {
  font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", sans-serif;
}
/* Han fonts have no italics: emphasis is set in a kai (楷体) face, never slanted. */
em {
  font-style: normal;
  font-family: "Kaiti SC", "STKaiti", "KaiTi", "Noto Serif CJK SC", serif;
}
:lang(zh-Hant) em {
  font-family: "Kaiti TC", "BiauKai", "DFKai-SB", "Noto Serif CJK TC", serif;
}
:lang(en) em, em:lang(en) { font-style: italic; font-family: serif; }
/* 着重号: a dot under each character. */
em.dots {
  font-family: inherit;
  -webkit-text-emphasis: filled dot;
  text-emphasis: filled dot;
  -webkit-text-emphasis-position: under right;
  text-emphasis-position: under right;
}
code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 0.9em; }
/* Ruby readable on a phone (bopomofo at half size is not); its own line
   height kept tight so that it adds as little as it can to its line. */
ruby rt { font-size: 0.6em; line-height: 1; }
a { color: inherit; }
a.external { text-decoration: underline; }
p.byline {
  text-align: right;
  margin: 0.5em 0;
}
/* The poet of a poem: with the poem, indented as its lines are. */
p.byline.poet {
  text-align: left;
  margin: 0.3em 0 0.3em 4em;
}
blockquote {
  margin: 1em 2em;
}
.verse {
  margin: 1em 0 1em 2em;
  text-align: left;
}
.stanza { margin-bottom: 0.75em; }
p.line {
  padding-left: 2em;
  text-indent: -2em; /* a wrapped verse line hangs */
  text-align: left;
}
ol, ul { margin: 0.5em 0; padding-left: 2em; }
figure {
  margin: 1.25em 0;
  page-break-inside: avoid;
  break-inside: avoid;
}
figure img { display: block; max-width: 100%; margin: 0 auto; }
/* 竖排 (writing-mode="vertical" on the publication, a part or a chapter): lines top to bottom, columns right to left,
   each number of two digits upright in one cell (縦中横); emphasis dots and ruby fall on the
   right of the characters by themselves, and the zh-Hant marks take their vertical forms from
   the font ('vert'), never from presentation-form characters. */
html.vertical {
  writing-mode: vertical-rl;
  -webkit-writing-mode: vertical-rl;
  -epub-writing-mode: vertical-rl;
}
html.vertical body { margin: 0.5em 0; }
.tcy { text-combine-upright: all; -webkit-text-combine: horizontal; -epub-text-combine: horizontal; }
html.vertical figure img { max-width: none; max-height: 100%; }
html.vertical section.part > h1 { margin: 0 30vw 0 1em; }
/* The cover fills the screen's height or width, whichever it meets first, never cropped. */
section.cover { margin: 0; padding: 0; text-align: center; }
section.cover img { display: block; max-width: 100%; max-height: 100vh; height: auto; margin: 0 auto; }
figcaption {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  font-size: 0.85em;
  line-height: 1.6;
  margin-top: 0.4em;
  text-indent: 0;
}
:lang(zh-Hant) figcaption { font-family: "Noto Sans CJK TC", "Source Han Sans TC", sans-serif; }
figcaption .credit { display: block; text-align: right; }
/* FPO (for position only): a picture that does not exist yet, clearly marked.
   No fixed colours: a translucent grey over whatever the page is, and the
   text's own colour, so a night theme (or prefers-color-scheme: dark) shows
   a dim box, not a glaring light one. */
div.fpo {
  position: relative;
  height: 0;
  border: 2px dashed rgba(128, 128, 128, 0.8);
  background: rgba(128, 128, 128, 0.12);
  color: inherit;
  text-indent: 0;
}
div.fpo .fpo-note, div.fpo .fpo-desc { opacity: 0.8; }
div.fpo .fpo-inner {
  position: absolute;
  top: 0; left: 0; right: 0; bottom: 0;
  padding: 0.5em;
  text-align: center;
  display: flex;
  flex-direction: column;
  justify-content: center;
}
.fpo-mark { display: block; font-family: sans-serif; font-weight: bold; font-size: 1.6em; letter-spacing: 0.2em; }
.fpo-note { display: block; font-size: 0.85em; }
.fpo-desc { display: block; font-size: 0.8em; margin-top: 0.3em; }
table { border-collapse: collapse; margin: 1em auto; }
caption { font-size: 0.9em; margin-bottom: 0.3em; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; }
th { font-weight: bold; }
/* Note marks: raised and small, with padding that makes the place a finger
   can tap larger than the mark (inline padding leaves the line's height). */
a.noteref {
  font-size: 0.75em;
  vertical-align: super;
  line-height: 0;
  text-decoration: none;
  padding: 0.5em 0.15em;
}
section.footnotes {
  margin-top: 2em;
  border-top: 1px solid #999;
  font-size: 0.85em;
}
section.footnotes aside { margin: 0.3em 0; }
.titlepage { text-align: center; margin-top: 20%; }
.titlepage p { text-align: center; }
.book-title { font-size: 2em; }
.book-subtitle { font-size: 1.2em; margin-bottom: 2em; }
.book-creator { margin: 0.3em 0; }
.book-publisher { margin-top: 3em; }
.book-rights, .book-description { font-size: 0.8em; margin-top: 1.5em; text-align: left; }
nav ol { list-style: none; padding-left: 1.5em; }
nav > ol { padding-left: 0; }
nav li { margin: 0.3em 0; padding-left: 1em; text-indent: -1em; }
nav a { text-decoration: none; }
)CSS";

// A newspaper edition's pages, phone first: the page's name and date as a
// strip, the banner centred, each story's kicker, title and subtitle as one
// head, the photo group as a grid of two pictures across a phone's width.
// Colours come from the text (currentColor), so a dark theme keeps them legible.
const char* const kNewspaperRules =
    R"CSS(/* Newspaper pages: the page strip, the banner, stories and the photo gallery. */
header.page-head {
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  align-items: baseline;
  column-gap: 1em;
  margin: 0.5em 0 1.5em;
  padding-bottom: 0.3em;
  border-bottom: 1px solid currentColor;
}
header.page-head h1 { font-size: 1em; margin: 0; text-align: left; }
p.dateline { text-indent: 0; font-size: 0.8em; margin: 0; }
p.dateline .paper { font-weight: bold; }
header.banner, header.story-head { page-break-after: avoid; break-after: avoid; }
header.banner { margin: 1em 0 1.5em; text-align: center; }
header.banner h2 { font-size: 1.6em; margin: 0.1em 0; text-align: center; }
p.kicker, p.subtitle {
  text-indent: 0;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Heiti SC", sans-serif;
  line-height: 1.5;
}
:lang(zh-Hant) p.kicker, :lang(zh-Hant) p.subtitle {
  font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", sans-serif;
}
p.kicker { font-size: 0.9em; }
p.subtitle { font-size: 0.95em; }
header.banner p.kicker, header.banner p.subtitle { text-align: center; }
article.story { margin: 2em 0; }
header.story-head { margin-bottom: 0.6em; text-align: left; }
header.story-head h2, header.story-head h3, header.story-head h4 { font-size: 1.2em; margin: 0.1em 0; text-align: left; }
article.lead > header.story-head h2, article.lead > header.story-head h3 { font-size: 1.4em; }
article.brief > header.story-head h2, article.brief > header.story-head h3 { font-size: 1.05em; }
/* The byline in a kai face, as papers set it. */
article.story p.byline {
  text-align: left;
  font-size: 0.85em;
  font-family: "Kaiti SC", "STKaiti", "KaiTi", "Noto Serif CJK SC", serif;
  margin: 0 0 0.5em;
}
:lang(zh-Hant) article.story p.byline { font-family: "Kaiti TC", "BiauKai", "DFKai-SB", "Noto Serif CJK TC", serif; }
section.gallery { margin: 2em 0; }
section.gallery > h2, section.gallery > h3 { font-size: 1em; margin: 0 0 0.5em; }
/* The gallery may break between pictures in a paginated reader; a picture keeps its caption. */
figure.photos {
  margin: 0;
  page-break-inside: auto;
  break-inside: auto;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
  gap: 1em 0.75em;
  align-items: start;
}
figure.photos > figure { margin: 0; }
/* A placeholder in the grid is a small box: its words smaller, so they stay inside it. */
figure.photos div.fpo .fpo-inner { padding: 0.3em; line-height: 1.35; }
figure.photos .fpo-mark { font-size: 1.2em; }
figure.photos .fpo-note, figure.photos .fpo-desc { font-size: 0.75em; }
figure.photos > figcaption.credit { grid-column: 1 / -1; margin: 0; text-align: right; }
)CSS";

}  // namespace

std::string stylesheet_css(bool newspaper) {
  std::string css = kBookRules;
  if (newspaper) css += kNewspaperRules;
  return css;
}

}  // namespace huozi::epub
