// Builds huozi's CMYK output profiles at build time: samples the press model
// (print/press_model.h) into ICC v2.4 output ('prtr') profiles with LittleCMS
// and writes them, as byte arrays, into one C++ source that implements
// print/press_profiles.h.
//
//   huozi_make_press_profiles OUTPUT.cpp
//
// ICC v2 because PDF/X-1a:2001 and PDF/X-3 readers expect ICC.1:2001-04. The
// tables are lut16 with PCS L*a*b* in the v2 16-bit encoding (L* 0..100 ->
// 0..0xFF00, a* b* -128..127.996 -> 0..0xFFFF) and media-relative: the paper
// is L* 100, its absolute colour is the mediaWhitePoint. Every intent links to
// the same two tables; the perceptual intent is the relative colorimetric one,
// with out-of-gamut colours mapped to the nearest printable colour.
#include <lcms2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "print/press_model.h"

namespace huozi::print {
namespace {

// Grid points per axis, weighed against size (the profile goes into every
// print PDF): 11 for CMYK -> Lab keeps it within ΔE 0.8 of the model (9:
// 1.3); 25 for Lab -> CMYK keeps colours inside the gamut within ΔE 1.7
// through the round trip (17: 2.4; 33: 1.4, at 160 KB more). About 225 KB.
constexpr int kDeviceGrid = 11;
constexpr int kLabGrid = 25;
constexpr int kGamutGrid = 17;
// The Lab tables' input curves: L* 100 (0xFF00) on the grid's last node and
// everything above it clamped there, so paper white hits a node exactly and
// separates to no ink at all. With 258 entries the table's steps are 255
// apart and entry 256 sits exactly at 0xFF00.
constexpr int kCurveEntries = 258;
// A separation further than this from its colour is out of gamut (gamt tag).
constexpr double kGamutTolerance = 1.0;
// The header's creation date (bytes 24..35), fixed so that every build makes
// the same bytes: the day the model was written.
constexpr unsigned short kCreated[6] = {2026, 12, 3, 0, 0, 0};
constexpr const char* kCopyright =
    "No copyright, use freely: huozi's model of published printing-condition aims";

struct ProfileCloser {
  void operator()(void* h) const { cmsCloseProfile(h); }
};
using Profile = std::unique_ptr<void, ProfileCloser>;
struct PipelineFree {
  void operator()(cmsPipeline* p) const { cmsPipelineFree(p); }
};
using Pipeline = std::unique_ptr<cmsPipeline, PipelineFree>;

// The relative L*a*b* of a node of a Lab table (after the input curves).
Lab node_lab(const cmsUInt16Number in[3]) {
  cmsCIELab lab;
  cmsLabEncoded2FloatV2(&lab, in);  // a*, b*: the curves leave them alone
  return {in[0] * 100.0 / 65535, lab.a, lab.b};
}

int sample_device(const cmsUInt16Number in[], cmsUInt16Number out[], void* cargo) {
  const auto* model = static_cast<const PressModel*>(cargo);
  Lab lab = model->relative_lab({in[0] / 65535.0, in[1] / 65535.0, in[2] / 65535.0, in[3] / 65535.0});
  cmsCIELab encoded{lab.l, lab.a, lab.b};
  cmsFloat2LabEncodedV2(out, &encoded);
  return TRUE;
}

// Ink to 16 bits, rounded, without letting the rounding lift the sum over the TAC.
void encode_ink(const Ink& ink, double tac, cmsUInt16Number out[4]) {
  long total = 0;
  for (int i = 0; i < 4; ++i) total += out[i] = static_cast<cmsUInt16Number>(std::lround(ink[i] * 65535));
  while (total > std::lround(tac * 65535)) {
    int most = 0;  // the channel rounded up the most
    for (int i = 1; i < 4; ++i)
      if (out[i] - ink[i] * 65535 > out[most] - ink[most] * 65535) most = i;
    --out[most];
    --total;
  }
}

int sample_separation(const cmsUInt16Number in[], cmsUInt16Number out[], void* cargo) {
  const auto* model = static_cast<const PressModel*>(cargo);
  encode_ink(model->separate(node_lab(in)).ink, model->condition().tac, out);
  return TRUE;
}

// 0 in gamut; beyond, the distance to the printable colour (as LittleCMS's
// own gamut tags do, 1 unit per ΔE), so any non-zero value means "out".
int sample_gamut(const cmsUInt16Number in[], cmsUInt16Number out[], void* cargo) {
  const auto* model = static_cast<const PressModel*>(cargo);
  double error = model->separate(node_lab(in)).error;
  out[0] = error <= kGamutTolerance
               ? 0
               : static_cast<cmsUInt16Number>(std::lround(std::min(error * 256, 65535.0)));
  return TRUE;
}

cmsToneCurve* lab_input_curve(bool lightness) {
  std::vector<cmsUInt16Number> table(kCurveEntries);
  for (int j = 0; j < kCurveEntries; ++j) {
    double input = j * 255.0;  // 65535 / (kCurveEntries - 1)
    table[j] = static_cast<cmsUInt16Number>(lightness ? std::lround(std::min(65535.0, input * 65535 / 0xFF00))
                                                      : std::lround(input));
  }
  return cmsBuildTabulatedToneCurve16(nullptr, kCurveEntries, table.data());
}

// Lab (v2) -> `outputs` channels: the input curves, then a grid sampled by `sampler`.
Pipeline lab_table(int grid, int outputs, cmsSAMPLER16 sampler, const PressModel& model) {
  Pipeline pipeline(cmsPipelineAlloc(nullptr, 3, outputs));
  cmsToneCurve* curves[3] = {lab_input_curve(true), lab_input_curve(false), lab_input_curve(false)};
  cmsPipelineInsertStage(pipeline.get(), cmsAT_END, cmsStageAllocToneCurves(nullptr, 3, curves));
  for (cmsToneCurve* curve : curves) cmsFreeToneCurve(curve);
  cmsStage* clut = cmsStageAllocCLut16bit(nullptr, grid, 3, outputs, nullptr);
  cmsStageSampleCLut16bit(clut, sampler, const_cast<PressModel*>(&model), 0);
  cmsPipelineInsertStage(pipeline.get(), cmsAT_END, clut);
  return pipeline;
}

Pipeline device_table(const PressModel& model) {
  Pipeline pipeline(cmsPipelineAlloc(nullptr, 4, 3));
  cmsStage* clut = cmsStageAllocCLut16bit(nullptr, kDeviceGrid, 4, 3, nullptr);
  cmsStageSampleCLut16bit(clut, sample_device, const_cast<PressModel*>(&model), 0);
  cmsPipelineInsertStage(pipeline.get(), cmsAT_END, clut);
  return pipeline;
}

bool write_text(cmsHPROFILE h, cmsTagSignature tag, const char* text) {
  cmsMLU* mlu = cmsMLUalloc(nullptr, 1);
  bool ok = cmsMLUsetASCII(mlu, "en", "US", text) && cmsWriteTag(h, tag, mlu);
  cmsMLUfree(mlu);
  return ok;
}

// The profile's bytes, or empty when LittleCMS refused something.
std::string make_profile(const PressModel& model) {
  Profile h(cmsCreateProfilePlaceholder(nullptr));
  cmsSetProfileVersion(h.get(), 2.4);
  cmsSetDeviceClass(h.get(), cmsSigOutputClass);
  cmsSetColorSpace(h.get(), cmsSigCmykData);
  cmsSetPCS(h.get(), cmsSigLabData);
  cmsSetHeaderRenderingIntent(h.get(), INTENT_PERCEPTUAL);
  Xyz paper = model.paper_xyz();
  cmsCIEXYZ white{paper.x, paper.y, paper.z};
  Pipeline a2b = device_table(model);
  Pipeline b2a = lab_table(kLabGrid, 4, sample_separation, model);
  Pipeline gamut = lab_table(kGamutGrid, 1, sample_gamut, model);
  bool ok = write_text(h.get(), cmsSigProfileDescriptionTag, model.condition().description) &&
            write_text(h.get(), cmsSigCopyrightTag, kCopyright) &&
            cmsWriteTag(h.get(), cmsSigMediaWhitePointTag, &white) &&
            cmsWriteTag(h.get(), cmsSigAToB0Tag, a2b.get()) &&
            cmsWriteTag(h.get(), cmsSigBToA0Tag, b2a.get()) &&
            cmsWriteTag(h.get(), cmsSigGamutTag, gamut.get()) &&
            cmsLinkTag(h.get(), cmsSigAToB1Tag, cmsSigAToB0Tag) &&
            cmsLinkTag(h.get(), cmsSigAToB2Tag, cmsSigAToB0Tag) &&
            cmsLinkTag(h.get(), cmsSigBToA1Tag, cmsSigBToA0Tag) &&
            cmsLinkTag(h.get(), cmsSigBToA2Tag, cmsSigBToA0Tag);
  cmsUInt32Number size = 0;
  if (!ok || !cmsSaveProfileToMem(h.get(), nullptr, &size)) return {};
  std::string bytes(size, '\0');
  if (!cmsSaveProfileToMem(h.get(), bytes.data(), &size)) return {};
  for (int i = 0; i < 6; ++i) {  // dateTimeNumber, big-endian
    bytes[24 + 2 * i] = static_cast<char>(kCreated[i] >> 8);
    bytes[25 + 2 * i] = static_cast<char>(kCreated[i] & 0xFF);
  }
  std::fill(bytes.begin() + 84, bytes.begin() + 100, '\0');  // profile ID: none
  return bytes;
}

// Reads the profile back as a consumer would, and makes a transform with it.
bool usable(const std::string& icc) {
  Profile h(cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size())));
  if (!h || cmsGetDeviceClass(h.get()) != cmsSigOutputClass) return false;
  Profile lab(cmsCreateLab4Profile(nullptr));
  cmsHTRANSFORM to_cmyk =
      cmsCreateTransform(lab.get(), TYPE_Lab_DBL, h.get(), TYPE_CMYK_16, INTENT_PERCEPTUAL, 0);
  if (to_cmyk) cmsDeleteTransform(to_cmyk);
  return to_cmyk != nullptr;
}

std::string c_string(const char* text) {
  std::string out = "\"";
  for (const char* p = text; *p; ++p) {
    if (*p == '"' || *p == '\\') out += '\\';
    out += *p;
  }
  return out + "\"";
}

void append_bytes(std::string& source, const std::string& name, const std::string& icc) {
  source += "alignas(4) const unsigned char " + name + "[" + std::to_string(icc.size()) + "] = {";
  for (size_t i = 0; i < icc.size(); ++i) {
    if (i % 24 == 0) source += "\n ";
    source += std::to_string(static_cast<unsigned char>(icc[i])) + ",";
  }
  source += "\n};\n\n";
}

}  // namespace
}  // namespace huozi::print

int main(int argc, char** argv) {
  using namespace huozi::print;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTPUT.cpp\n", argv[0]);
    return 2;
  }
  cmsSetLogErrorHandler([](cmsContext, cmsUInt32Number, const char* text) {
    std::fprintf(stderr, "huozi_make_press_profiles: LittleCMS: %s\n", text);
  });
  const PressCondition conditions[] = {PressCondition::CoatedOffset, PressCondition::Newsprint};
  const char* names[] = {"kCoatedOffset", "kNewsprint"};
  std::string source =
      "// Generated at build time by huozi_make_press_profiles (src/print/press_profile/\n"
      "// make_press_profiles.cpp) from the press model in src/print/press_model.cpp. Do not edit.\n"
      "#include \"print/press_profiles.h\"\n\n"
      "namespace huozi::print {\nnamespace {\n\n";
  std::string entries;
  for (int i = 0; i < 2; ++i) {
    PressModel model(printing_condition(conditions[i]));
    std::string icc = make_profile(model);
    if (icc.empty() || !usable(icc)) {
      std::fprintf(stderr, "huozi_make_press_profiles: could not build the profile %s\n", names[i]);
      return 1;
    }
    append_bytes(source, names[i], icc);
    const PrintingCondition& c = model.condition();
    entries += "      {{reinterpret_cast<const char*>(" + std::string(names[i]) + "), sizeof " + names[i] +
               "},\n       \"Custom\",\n       " + c_string(c.condition) + ",\n       " +
               c_string(c.description) + ",\n       " + std::to_string(std::lround(c.tac * 100)) + "},\n";
  }
  source +=
      "}  // namespace\n\nconst PressProfile& press_profile(PressCondition condition) {\n"
      "  static const PressProfile profiles[] = {\n" +
      entries +
      "  };\n  return profiles[condition == PressCondition::Newsprint ? 1 : 0];\n}\n\n"
      "}  // namespace huozi::print\n";
  std::string path = argv[1], partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out << source;
    if (!out.flush()) {
      std::fprintf(stderr, "huozi_make_press_profiles: cannot write %s\n", partial.c_str());
      return 1;
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::fprintf(stderr, "huozi_make_press_profiles: cannot write %s\n", path.c_str());
    return 1;
  }
  return 0;
}
