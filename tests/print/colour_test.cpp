// The colour stage on a PDF made in memory. With a CMYK intent: colours become
// DeviceCMYK through LittleCMS, neutrals K only, 100 % K overprints, RGB
// pictures are converted and (for PDF/X-1a) flattened. With an RGB intent:
// neutral RGB becomes DeviceGray, DeviceRGB images and groups ICC-based sRGB,
// and every resource dictionary gets a DefaultRGB. The PDF/X identification
// is complete.
#include "print/colour.h"

#include <gtest/gtest.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "print/colour_conversion.h"
#include "print/pdfx.h"
#include "print/press_profiles.h"
#include "print/print_pdf.h"

namespace huozi::print {
namespace {

std::string stream_text(QPDFObjectHandle stream) {
  std::shared_ptr<Buffer> data = stream.getStreamData();
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

std::string filtered(const std::string& content, std::shared_ptr<QPDFObjectHandle::TokenFilter> filter) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle form = pdf.newStream(content);
  form.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  form.addTokenFilter(filter);
  return stream_text(form);
}

IccProfile coated() {
  const PressProfile& own = press_profile(PressCondition::CoatedOffset);
  return IccProfile{own.info, std::string(own.icc), {}};
}

std::unique_ptr<CmykConverter> converter() {
  std::string error;
  auto c = CmykConverter::create(read_icc_profile(default_rgb_profile()), coated(), error);
  EXPECT_TRUE(c) << error;
  return c;
}

TEST(CmykPlan, TransparencyGroupsBlendInCmykAndResourcesNameTheOverprintStates) {
  auto c = converter();
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle page =
      QPDFObjectHandle::parse("<< /Type /Page /Group << /S /Transparency /CS /DeviceRGB >> >>");
  QPDFObjectHandle resources = QPDFObjectHandle::parse("<< /XObject << >> >>");
  page.replaceKey("/Resources", resources);
  std::set<QPDFObjGen> seen;
  EXPECT_EQ(prepare_colours(page, ColourPlan{c.get(), false}, seen), "");
  EXPECT_EQ(page.getKey("/Group").getKey("/CS").getName(), "/DeviceCMYK");
  QPDFObjectHandle states = resources.getKey("/ExtGState");
  for (const char* name : kOverprintStates) EXPECT_TRUE(states.hasKey(name)) << name;
  EXPECT_EQ(states.getKey("/HzOverprintFill").getKey("/op").getBoolValue(), true);
  EXPECT_EQ(states.getKey("/HzOverprintFill").getKey("/OP").getBoolValue(), false);
  EXPECT_EQ(states.getKey("/HzOverprintFill").getKey("/OPM").getIntValue(), 1);
}

TEST(Registration, EveryPlateFullAndBlackWithoutSeparations) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle cmyk = registration_colour_space(pdf);
  EXPECT_EQ(cmyk.getArrayItem(0).getName(), "/Separation");
  EXPECT_EQ(cmyk.getArrayItem(1).getName(), "/All");
  EXPECT_EQ(cmyk.getArrayItem(2).getName(), "/DeviceCMYK");
  EXPECT_EQ(cmyk.getArrayItem(3).getKey("/C0").unparse(), "[ 0 0 0 0 ]");
  EXPECT_EQ(cmyk.getArrayItem(3).getKey("/C1").unparse(), "[ 1 1 1 1 ]");
}

TEST(Pdfx, XmpNamesTheVersionTitleAndDates) {
  DocumentInfo info;
  info.title = "唐詩選 & <詩>";
  info.authors = {"蘅塘退士"};
  info.date = "2016-11-28";
  info.document_id = "urn:uuid:0";
  std::string xmp = xmp_packet(info, "test", PdfxVersion::X4);
  EXPECT_NE(xmp.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"), std::string::npos);
  EXPECT_NE(xmp.find("唐詩選 &amp; &lt;詩&gt;"), std::string::npos);
  EXPECT_NE(xmp.find("<xmp:CreateDate>2016-11-28T00:00:00Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(xmp.find("<pdf:Trapped>False</pdf:Trapped>"), std::string::npos);
  EXPECT_NE(xmp.find("<xmpMM:VersionID>1</xmpMM:VersionID>"), std::string::npos);
  EXPECT_EQ(pdf_date("2016-11-28"), "D:20161128000000Z");
  EXPECT_EQ(xmp.find("GTS_PDFXConformance"), std::string::npos);
  std::string x1a = xmp_packet(info, "test", PdfxVersion::X1a);
  EXPECT_NE(x1a.find("<pdfx:GTS_PDFXVersion>PDF/X-1:2001</pdfx:GTS_PDFXVersion>"), std::string::npos);
  EXPECT_EQ(x1a.find("pdfxid:GTS_PDFXVersion>"), std::string::npos);
  EXPECT_NE(x1a.find("<pdfx:GTS_PDFXConformance>PDF/X-1a:2001</pdfx:GTS_PDFXConformance>"), std::string::npos);
}

TEST(CmykConversion, NeutralsGoOnTheBlackPlateAlone) {
  auto c = converter();
  EXPECT_EQ(c->colour(0, 0, 0), (Cmyk{0, 0, 0, 1}));
  EXPECT_EQ(c->colour(1, 1, 1), (Cmyk{0, 0, 0, 0}));
  EXPECT_EQ(c->colour(0.3, 0.3, 0.3), (Cmyk{0, 0, 0, 0.7}));
  EXPECT_TRUE(is_overprinting_black(c->colour(0, 0, 0)));
  EXPECT_FALSE(is_overprinting_black(c->colour(0.3, 0.3, 0.3)));
}

TEST(CmykConversion, ColoursAreTheProfilesCmyk) {
  auto c = converter();
  Cmyk red = c->colour(0.62, 0.16, 0.13);  // the cover's vermilion
  EXPECT_GT(red[1], 0.7);                   // mostly magenta
  EXPECT_GT(red[2], 0.6);                   // and yellow
  EXPECT_LT(red[0], 0.3);
  double total = red[0] + red[1] + red[2] + red[3];
  EXPECT_LE(total, 3.0 + 1e-9);
  // Pure sRGB blue, out of the press's gamut, stays within the ink limit too.
  Cmyk blue = c->colour(0, 0, 1);
  EXPECT_LE(blue[0] + blue[1] + blue[2] + blue[3], 3.0 + 1e-9);
  EXPECT_GT(blue[0], 0.7);
}

TEST(CmykFilter, ColoursBecomeCmykAndBlackOverprints) {
  auto c = converter();
  // Black text: overprint on for fills, then the colour in K alone.
  EXPECT_EQ(filtered("0 0 0 rg\n", make_cmyk_filter(*c)), "/HzOverprintFill gs 0 0 0 1 k\n");
  // A grey rule knocks out (the state is already off: no gs).
  EXPECT_EQ(filtered("0.5 0.5 0.5 RG 1 w", make_cmyk_filter(*c)), "0 0 0 0.5 K 1 w");
  // Black stroke after black fill: both on; then a colour fill turns fill off, stroke stays on.
  std::string out = filtered("0 0 0 rg 0 0 0 RG 0.62 0.16 0.13 rg", make_cmyk_filter(*c));
  std::string both = "/HzOverprintFill gs 0 0 0 1 k /HzOverprintBoth gs 0 0 0 1 K /HzOverprintStroke gs ";
  EXPECT_EQ(out.substr(0, both.size()), both);
  EXPECT_EQ(out.substr(out.size() - 2), " k");
  // q/Q restore the overprint state with the colour: after Q no gs is needed for black again.
  EXPECT_EQ(filtered("q 0 0 0 rg Q 1 1 1 rg", make_cmyk_filter(*c)), "q /HzOverprintFill gs 0 0 0 1 k Q 0 0 0 0 k");
  // DeviceGray and DeviceCMYK colours are handled the same way; other operators pass.
  EXPECT_EQ(filtered("0 g [(a) 0 0 0] TJ 0 0 0 1 K", make_cmyk_filter(*c)),
            "/HzOverprintFill gs 0 0 0 1 k [(a) 0 0 0] TJ /HzOverprintBoth gs 0 0 0 1 K");
  // Past 256 nested q a q saves nothing and its Q restores nothing: black set
  // at depth 1 is in force again when the 299 inner levels are closed.
  std::string deep = "q 0 0 0 rg ";
  for (int i = 0; i < 299; ++i) deep += "q ";
  deep += "1 1 1 rg ";
  for (int i = 0; i < 299; ++i) deep += "Q ";
  deep += "0 0 0 rg";
  std::string out2 = filtered(deep, make_cmyk_filter(*c));
  EXPECT_EQ(out2.substr(out2.size() - 15), "Q Q Q 0 0 0 1 k") << out2.substr(out2.size() - 60);
}

// PDF/X-1a is PDF 1.3: marked content keeps its tag, not PDF 1.5's ActualText.
TEST(CmykFilter, MarkedContentLosesItsPropertiesForPdf13) {
  auto c = converter();
  std::string content = "/Span << /ActualText <FEFF00AD> >> BDC [<0001>] TJ EMC";
  EXPECT_EQ(filtered(content, make_cmyk_filter(*c, true)), "/Span BMC [<0001>] TJ EMC");
  EXPECT_EQ(filtered(content, make_cmyk_filter(*c, false)), content);
}

TEST(CmykPlan, PicturesAreConvertedAndFlattenedForX1a) {
  auto c = converter();
  QPDF pdf;
  pdf.emptyPDF();
  // A 2 × 1 picture: white and pure red, the red half transparent.
  QPDFObjectHandle image = pdf.newStream(std::string("\xff\xff\xff\xff\x00\x00", 6));
  QPDFObjectHandle mask = pdf.newStream(std::string("\xff\x80", 2));
  for (QPDFObjectHandle s : {image, mask}) {
    s.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
    s.getDict().replaceKey("/Width", QPDFObjectHandle::newInteger(2));
    s.getDict().replaceKey("/Height", QPDFObjectHandle::newInteger(1));
    s.getDict().replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
  }
  image.getDict().replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceRGB"));
  mask.getDict().replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceGray"));
  image.getDict().replaceKey("/SMask", mask);
  QPDFObjectHandle form = pdf.newStream(std::string("0 0 0 rg"));
  form.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  form.getDict().replaceKey("/Resources", QPDFObjectHandle::parse("<< /XObject << >> >>"));
  form.getDict().getKey("/Resources").getKey("/XObject").replaceKey("/Im0", image);

  ColourPlan plan{c.get(), true};
  std::set<QPDFObjGen> seen;
  EXPECT_EQ(prepare_colours(form, plan, seen), "");
  EXPECT_EQ(image.getDict().getKey("/ColorSpace").getName(), "/DeviceCMYK");
  EXPECT_FALSE(image.getDict().hasKey("/SMask"));
  std::string samples = stream_text(image);
  ASSERT_EQ(samples.size(), 8u);
  EXPECT_EQ(samples.substr(0, 4), std::string(4, '\0'));  // white: no ink
  // Half-transparent red over white paper: a light red, less magenta than solid red.
  std::string solid(4, '\0');
  unsigned char red[3] = {255, 0, 0};
  c->picture(red, reinterpret_cast<unsigned char*>(solid.data()), 1);
  EXPECT_GT(static_cast<unsigned char>(samples[5]), 0);
  EXPECT_LT(static_cast<unsigned char>(samples[5]), static_cast<unsigned char>(solid[1]));
  // The form's resources name the overprint states its filter uses.
  EXPECT_TRUE(form.getDict().getKey("/Resources").getKey("/ExtGState").hasKey("/HzOverprintFill"));
  EXPECT_EQ(stream_text(form), "/HzOverprintFill gs 0 0 0 1 k");
}

}  // namespace
}  // namespace huozi::print
