#include "print/pdfx.h"

#include <qpdf/QPDFObjectHandle.hh>

namespace huozi::print {
namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

std::string xmp_date(const std::string& iso_date) { return iso_date + "T00:00:00Z"; }

const char* version_name(PdfxVersion v) { return v == PdfxVersion::X1a ? "PDF/X-1:2001" : "PDF/X-4"; }

}  // namespace

IntentResult output_intent_for_profile(const IccProfile& profile) {
  IntentResult result;
  const std::string& path = profile.path;
  const std::string& bytes = profile.bytes;
  if (!profile) {
    result.error = profile.error;
    return result;
  }
  if (bytes.size() < 128 || bytes.compare(36, 4, "acsp") != 0) {
    result.error = path + " is not an ICC profile";
    return result;
  }
  std::string device_class = bytes.substr(12, 4), space = bytes.substr(16, 4);
  if (device_class != "prtr") {
    result.error = path + " is a '" + device_class +
                   "' profile; the OutputIntent needs an output ('prtr') profile of the printing condition";
    return result;
  }
  OutputIntent& intent = result.intent;
  intent.profile = profile;
  // huozi separates to CMYK: a press's profile (a Gray or RGB "printer" is no press).
  intent.components = space == "CMYK" ? 4 : 0;
  if (intent.components == 0) {
    result.error = path + " is a '" + space + "' profile, not CMYK; huozi separates for a press's CMYK output profile";
    return result;
  }
  std::string name = path.substr(path.find_last_of('/') + 1);
  intent.condition_identifier = "Custom";
  intent.condition = name;
  intent.info = name + " (the print shop's output profile)";
  return result;
}

std::string pdf_date(const std::string& iso_date) {
  std::string digits;
  for (char c : iso_date)
    if (c >= '0' && c <= '9') digits += c;
  digits.resize(8, '0');
  return "D:" + digits + "000000Z";
}

std::string xmp_packet(const DocumentInfo& info, const std::string& producer, PdfxVersion version) {
  // PDF/X-4 names itself in the pdfxid schema; PDF/X-1a:2001 predates it and
  // repeats its Info keys in Adobe's pdfx schema.
  std::string version_id =
      version == PdfxVersion::X1a
          ? "   <pdfx:GTS_PDFXVersion>PDF/X-1:2001</pdfx:GTS_PDFXVersion>\n"
            "   <pdfx:GTS_PDFXConformance>PDF/X-1a:2001</pdfx:GTS_PDFXConformance>\n"
          : "   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n";
  std::string creators;
  for (const std::string& a : info.authors) creators += "     <rdf:li>" + xml_escape(a) + "</rdf:li>\n";
  std::string date = xmp_date(info.date);
  std::string out =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
      "    xmlns:pdfx=\"http://ns.adobe.com/pdfx/1.3/\"\n"
      "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
      "   <dc:format>application/pdf</dc:format>\n"
      "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
      xml_escape(info.title) + "</rdf:li></rdf:Alt></dc:title>\n";
  if (!creators.empty())
    out += "   <dc:creator>\n    <rdf:Seq>\n" + creators + "    </rdf:Seq>\n   </dc:creator>\n";
  out += "   <xmp:CreateDate>" + date +
         "</xmp:CreateDate>\n"
         "   <xmp:ModifyDate>" +
         date +
         "</xmp:ModifyDate>\n"
         "   <xmp:MetadataDate>" +
         date +
         "</xmp:MetadataDate>\n"
         "   <xmp:CreatorTool>" +
         xml_escape(info.creator) +
         "</xmp:CreatorTool>\n"
         "   <pdf:Producer>" +
         xml_escape(producer) +
         "</pdf:Producer>\n"
         "   <pdf:Trapped>False</pdf:Trapped>\n"
         "   <xmpMM:DocumentID>" +
         xml_escape(info.document_id) +
         "</xmpMM:DocumentID>\n"
         "   <xmpMM:InstanceID>" +
         xml_escape(info.document_id) +
         "#print</xmpMM:InstanceID>\n"
         "   <xmpMM:VersionID>1</xmpMM:VersionID>\n"
         "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n" +
         version_id +
         "  </rdf:Description>\n"
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n";
  // Padding lets an editor rewrite the packet in place, as XMP recommends.
  for (int i = 0; i < 20; ++i) out += std::string(99, ' ') + "\n";
  return out + "<?xpacket end=\"w\"?>";
}

void mark_as_pdfx(QPDF& pdf, const DocumentInfo& info, const OutputIntent& intent, PdfxVersion version) {
  std::string producer = "huozi print profile (QPDF " + QPDF::QPDFVersion() + ")";
  std::string date = pdf_date(info.date);
  std::string authors;
  for (const std::string& a : info.authors) authors += (authors.empty() ? "" : "、") + a;

  QPDFObjectHandle doc_info = QPDFObjectHandle::newDictionary();
  doc_info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(info.title));
  if (!authors.empty()) doc_info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(authors));
  doc_info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(info.creator));
  doc_info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(producer));
  doc_info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
  doc_info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
  doc_info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
  doc_info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString(version_name(version)));
  if (version == PdfxVersion::X1a)
    doc_info.replaceKey("/GTS_PDFXConformance", QPDFObjectHandle::newString("PDF/X-1a:2001"));
  pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(doc_info));

  QPDFObjectHandle root = pdf.getRoot();
  QPDFObjectHandle metadata = pdf.newStream(xmp_packet(info, producer, version));
  metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  root.replaceKey("/Metadata", metadata);

  QPDFObjectHandle profile = pdf.newStream(intent.profile.bytes);
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(intent.components));
  QPDFObjectHandle oi = QPDFObjectHandle::newDictionary();
  oi.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  oi.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
  oi.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString(intent.condition_identifier));
  if (!intent.condition.empty())
    oi.replaceKey("/OutputCondition", QPDFObjectHandle::newUnicodeString(intent.condition));
  if (!intent.info.empty()) oi.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(intent.info));
  oi.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
  oi.replaceKey("/DestOutputProfile", profile);
  root.replaceKey("/OutputIntents",
                  QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{pdf.makeIndirectObject(oi)}));
}

}  // namespace huozi::print
