// The colour stage on a PDF made in memory: neutral RGB becomes DeviceGray,
// DeviceRGB images and groups become ICC-based sRGB, and every resource
// dictionary gets a DefaultRGB; the PDF/X identification is complete.
#include "print/colour.h"

#include <gtest/gtest.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "print/pdfx.h"
#include "print/print_pdf.h"

namespace huozi::print {
namespace {

std::string filtered(const std::string& content) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle form = pdf.newStream(content);
  form.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  form.addTokenFilter(make_neutral_to_gray_filter());
  std::shared_ptr<Buffer> data = form.getStreamData();
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

TEST(NeutralToGray, BlackAndGreysBecomeGray) {
  EXPECT_EQ(filtered("0 0 0 rg\n"), "0 g\n");
  EXPECT_EQ(filtered("0.3 0.3 0.3 RG 1 w"), "0.3 G 1 w");
  EXPECT_EQ(filtered("q 1 1 1 rg 0 0 10 10 re f Q"), "q 1 g 0 0 10 10 re f Q");
}

TEST(NeutralToGray, ColoursAndOtherOperatorsStay) {
  EXPECT_EQ(filtered("0.62 0.16 0.13 rg"), "0.62 0.16 0.13 rg");
  EXPECT_EQ(filtered("1 0 0 1 0 0 cm"), "1 0 0 1 0 0 cm");
  EXPECT_EQ(filtered("[(a) 0 0 0] TJ 0 0 0 rg"), "[(a) 0 0 0] TJ 0 g");
  EXPECT_EQ(filtered("/a0 gs 0 0 0 k"), "/a0 gs 0 0 0 k");
}

TEST(DeviceIndependentRgb, ImagesGroupsAndResources) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle image = pdf.newStream(std::string(3, '\0'));
  image.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
  image.getDict().replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceRGB"));
  QPDFObjectHandle page =
      QPDFObjectHandle::parse("<< /Type /Page /Group << /S /Transparency /CS /DeviceRGB >> >>");
  QPDFObjectHandle resources = QPDFObjectHandle::parse("<< /XObject << >> >>");
  resources.getKey("/XObject").replaceKey("/Im0", image);
  page.replaceKey("/Resources", resources);
  QPDFObjectHandle srgb = icc_colour_space(pdf, read_icc_profile(default_rgb_profile()), 3);
  std::set<QPDFObjGen> seen;
  make_rgb_device_independent(page, srgb, seen);
  EXPECT_TRUE(image.getDict().getKey("/ColorSpace").isArray());
  EXPECT_TRUE(page.getKey("/Group").getKey("/CS").isArray());
  EXPECT_TRUE(resources.getKey("/ColorSpace").getKey("/DefaultRGB").isArray());
  EXPECT_EQ(srgb.getArrayItem(0).getName(), "/ICCBased");
  EXPECT_EQ(srgb.getArrayItem(1).getDict().getKey("/N").getIntValue(), 3);
}

TEST(Registration, AlternateIsBlackInTheIntentsTerms) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle srgb = icc_colour_space(pdf, read_icc_profile(default_rgb_profile()), 3);
  QPDFObjectHandle rgb = registration_colour_space(pdf, 3, srgb);
  EXPECT_EQ(rgb.getArrayItem(0).getName(), "/Separation");
  EXPECT_EQ(rgb.getArrayItem(1).getName(), "/All");
  EXPECT_TRUE(rgb.getArrayItem(2).isArray());  // the ICC-based sRGB
  EXPECT_EQ(rgb.getArrayItem(3).getKey("/C1").unparse(), "[ 0 0 0 ]");
  QPDFObjectHandle cmyk = registration_colour_space(pdf, 4, srgb);
  EXPECT_EQ(cmyk.getArrayItem(2).getName(), "/DeviceCMYK");
  EXPECT_EQ(cmyk.getArrayItem(3).getKey("/C1").unparse(), "[ 1 1 1 1 ]");
  EXPECT_EQ(registration_colour_space(pdf, 1, srgb).getArrayItem(2).getName(), "/DeviceGray");
}

TEST(Pdfx, XmpNamesTheVersionTitleAndDates) {
  DocumentInfo info;
  info.title = "唐詩選 & <詩>";
  info.authors = {"蘅塘退士"};
  info.date = "2016-11-28";
  info.document_id = "urn:uuid:0";
  std::string xmp = xmp_packet(info, "test");
  EXPECT_NE(xmp.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"), std::string::npos);
  EXPECT_NE(xmp.find("唐詩選 &amp; &lt;詩&gt;"), std::string::npos);
  EXPECT_NE(xmp.find("<xmp:CreateDate>2016-11-28T00:00:00Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(xmp.find("<pdf:Trapped>False</pdf:Trapped>"), std::string::npos);
  EXPECT_NE(xmp.find("<xmpMM:VersionID>1</xmpMM:VersionID>"), std::string::npos);
  EXPECT_EQ(pdf_date("2016-11-28"), "D:20161128000000Z");
}

}  // namespace
}  // namespace huozi::print
