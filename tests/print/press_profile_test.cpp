// huozi's CMYK output profiles: read back with LittleCMS as a RIP or a PDF
// reader would (header, tags, size, reproducibility), used to separate sRGB
// (ink limits, grey component replacement, paper white), and checked against
// the press model they were sampled from and the published aims behind it.
#include <gtest/gtest.h>
#include <lcms2.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>

#include "print/press_model.h"
#include "print/press_profiles.h"

namespace huozi::print {

// How tests and ctest name a condition (the same in every test file).
inline void PrintTo(PressCondition condition, std::ostream* os) {
  *os << (condition == PressCondition::Newsprint ? "Newsprint" : "CoatedOffset");
}

namespace {

struct ProfileCloser {
  void operator()(void* h) const { cmsCloseProfile(h); }
};
using Profile = std::unique_ptr<void, ProfileCloser>;
struct TransformDeleter {
  void operator()(void* t) const { cmsDeleteTransform(t); }
};
using Transform = std::unique_ptr<void, TransformDeleter>;

Profile open(PressCondition condition) {
  std::string_view icc = press_profile(condition).icc;
  return Profile(cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size())));
}

std::string text_tag(void* profile, cmsTagSignature tag) {
  auto* mlu = static_cast<cmsMLU*>(cmsReadTag(profile, tag));
  char buffer[256] = {};
  if (mlu) cmsMLUgetASCII(mlu, "en", "US", buffer, sizeof buffer);
  return buffer;
}

double total_ink(const cmsUInt16Number cmyk[4]) { return (cmyk[0] + cmyk[1] + cmyk[2] + cmyk[3]) / 655.35; }

// sRGB (8 bit) to the profile's CMYK (16 bit), relative colorimetric with
// black point compensation: how huozi and most RIPs convert RGB for print.
Transform srgb_to(void* profile) {
  Profile srgb(cmsCreate_sRGBProfile());
  return Transform(cmsCreateTransform(srgb.get(), TYPE_RGB_8, profile, TYPE_CMYK_16,
                                      INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION));
}

// The profile's own colours: PCS L*a*b* (D50) to and from its CMYK.
Transform lab_to(void* profile, cmsUInt32Number intent) {
  Profile lab(cmsCreateLab4Profile(nullptr));
  return Transform(cmsCreateTransform(lab.get(), TYPE_Lab_DBL, profile, TYPE_CMYK_16, intent, 0));
}
Transform to_lab(void* profile, cmsUInt32Number intent) {
  Profile lab(cmsCreateLab4Profile(nullptr));
  return Transform(cmsCreateTransform(profile, TYPE_CMYK_16, lab.get(), TYPE_Lab_DBL, intent, 0));
}

Lab lab_of(void* transform, const cmsUInt16Number cmyk[4]) {
  cmsCIELab out;
  cmsDoTransform(transform, cmyk, &out, 1);
  return {out.L, out.a, out.b};
}

class PressProfileTest : public ::testing::TestWithParam<PressCondition> {
 protected:
  const PressProfile& profile() const { return press_profile(GetParam()); }
  int tac() const { return profile().tac_percent; }
};

INSTANTIATE_TEST_SUITE_P(Conditions, PressProfileTest,
                         ::testing::Values(PressCondition::CoatedOffset, PressCondition::Newsprint),
                         [](const auto& info) {
                           return info.param == PressCondition::Newsprint ? "Newsprint" : "CoatedOffset";
                         });

TEST_P(PressProfileTest, IsAnIccV2CmykOutputProfileThatNamesItsCondition) {
  Profile h = open(GetParam());
  ASSERT_TRUE(h);
  EXPECT_EQ(cmsGetDeviceClass(h.get()), cmsSigOutputClass);
  EXPECT_EQ(cmsGetColorSpace(h.get()), cmsSigCmykData);
  EXPECT_EQ(cmsGetPCS(h.get()), cmsSigLabData);
  EXPECT_GE(cmsGetProfileVersion(h.get()), 2.0);
  EXPECT_LT(cmsGetProfileVersion(h.get()), 3.0);
  EXPECT_EQ(cmsGetHeaderRenderingIntent(h.get()), static_cast<cmsUInt32Number>(INTENT_PERCEPTUAL));
  for (cmsTagSignature tag : {cmsSigAToB0Tag, cmsSigAToB1Tag, cmsSigAToB2Tag, cmsSigBToA0Tag, cmsSigBToA1Tag,
                              cmsSigBToA2Tag, cmsSigGamutTag, cmsSigMediaWhitePointTag, cmsSigCopyrightTag})
    EXPECT_TRUE(cmsIsTag(h.get(), tag)) << std::hex << tag;

  std::string description = text_tag(h.get(), cmsSigProfileDescriptionTag);
  EXPECT_NE(description.find(GetParam() == PressCondition::Newsprint ? "newsprint" : "coated offset"),
            std::string::npos)
      << description;
  EXPECT_NE(description.find("TAC " + std::to_string(tac()) + " %"), std::string::npos) << description;
  EXPECT_EQ(description, profile().info);
  EXPECT_EQ(description.find("FOGRA39"), std::string::npos) << "not a registered characterisation";
  EXPECT_STREQ(profile().identifier, "Custom");
  EXPECT_NE(std::string(profile().condition).find("model"), std::string::npos);
  EXPECT_FALSE(text_tag(h.get(), cmsSigCopyrightTag).empty());
  EXPECT_LT(profile().icc.size(), 400u * 1024) << "it goes into every print PDF";
}

TEST_P(PressProfileTest, HeaderIsFixedForReproducibleBuilds) {
  std::string_view icc = profile().icc;
  ASSERT_GT(icc.size(), 128u);
  const unsigned char created[12] = {0x07, 0xEA, 0, 12, 0, 3, 0, 0, 0, 0, 0, 0};  // 2026-12-03 00:00:00
  EXPECT_EQ(icc.substr(24, 12), std::string_view(reinterpret_cast<const char*>(created), 12));
  EXPECT_EQ(icc.substr(84, 16), std::string_view("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16)) << "profile ID";
  // The declared size is the real one.
  auto byte = [&](int i) { return static_cast<unsigned char>(icc[i]); };
  EXPECT_EQ((byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3)), static_cast<int>(icc.size()));
}

TEST_P(PressProfileTest, MediaWhitePointIsThePaper) {
  Profile h = open(GetParam());
  const auto* white = static_cast<const cmsCIEXYZ*>(cmsReadTag(h.get(), cmsSigMediaWhitePointTag));
  ASSERT_NE(white, nullptr);
  PressModel model(printing_condition(GetParam()));
  Lab paper = xyz_to_lab({white->X, white->Y, white->Z});
  EXPECT_LT(delta_e(paper, model.condition().paper), 0.05);

  // In the relative tables the paper is the PCS white.
  Transform forward = to_lab(h.get(), INTENT_RELATIVE_COLORIMETRIC);
  const cmsUInt16Number no_ink[4] = {0, 0, 0, 0};
  Lab lab = lab_of(forward.get(), no_ink);
  EXPECT_NEAR(lab.l, 100, 0.01);
  EXPECT_NEAR(lab.a, 0, 0.01);
  EXPECT_NEAR(lab.b, 0, 0.01);
}

TEST_P(PressProfileTest, SrgbWhiteIsNoInkAndBlackIsRichBlackWithinTheLimit) {
  Profile h = open(GetParam());
  Transform t = srgb_to(h.get());
  ASSERT_TRUE(t);
  const unsigned char white[3] = {255, 255, 255}, black[3] = {0, 0, 0};
  cmsUInt16Number cmyk[4];
  cmsDoTransform(t.get(), white, cmyk, 1);
  EXPECT_EQ(cmyk[0] + cmyk[1] + cmyk[2] + cmyk[3], 0)
      << cmyk[0] << " " << cmyk[1] << " " << cmyk[2] << " " << cmyk[3];
  cmsDoTransform(t.get(), black, cmyk, 1);
  EXPECT_LE(total_ink(cmyk), tac() + 1);
  EXPECT_GE(total_ink(cmyk), tac() - 10) << "the darkest black uses the whole limit";
  EXPECT_GE(cmyk[3] / 655.35, 80);
}

TEST_P(PressProfileTest, SrgbNeverExceedsTheInkLimitAndGreysCarryBlack) {
  Profile h = open(GetParam());
  Transform t = srgb_to(h.get());
  ASSERT_TRUE(t);
  for (int v = 0; v < 256; ++v) {
    const unsigned char grey[3] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v),
                                   static_cast<unsigned char>(v)};
    cmsUInt16Number cmyk[4];
    cmsDoTransform(t.get(), grey, cmyk, 1);
    ASSERT_LE(total_ink(cmyk), tac() + 1) << "grey " << v;
    if (v >= 48 && v <= 144) {
      EXPECT_GT(cmyk[3] / 655.35, 10) << "grey " << v << ": GCR puts mid greys on K";
    }
    if (v >= 208) {
      EXPECT_LT(cmyk[3] / 655.35, 0.5) << "grey " << v << ": light greys in C+M+Y only";
    }
  }
  for (int r = 0; r <= 255; r += 15)
    for (int g = 0; g <= 255; g += 15)
      for (int b = 0; b <= 255; b += 15) {
        const unsigned char rgb[3] = {static_cast<unsigned char>(r), static_cast<unsigned char>(g),
                                      static_cast<unsigned char>(b)};
        cmsUInt16Number cmyk[4];
        cmsDoTransform(t.get(), rgb, cmyk, 1);
        ASSERT_LE(total_ink(cmyk), tac() + 1) << r << " " << g << " " << b;
      }
}

// Every node of the Lab -> CMYK table, read straight from the tag.
TEST_P(PressProfileTest, EverySeparationInTheTableIsWithinTheLimits) {
  Profile h = open(GetParam());
  auto* b2a = static_cast<cmsPipeline*>(cmsReadTag(h.get(), cmsSigBToA0Tag));
  ASSERT_NE(b2a, nullptr);
  cmsStage* clut = nullptr;
  for (cmsStage* stage = cmsPipelineGetPtrToFirstStage(b2a); stage; stage = cmsStageNext(stage))
    if (cmsStageType(stage) == cmsSigCLutElemType) clut = stage;
  ASSERT_NE(clut, nullptr);
  struct Seen {
    double most_ink = 0, most_black = 0;
    int nodes = 0;
  } seen;
  auto inspect = [](const cmsUInt16Number*, cmsUInt16Number out[], void* cargo) -> cmsInt32Number {
    auto* s = static_cast<Seen*>(cargo);
    s->most_ink = std::max(s->most_ink, total_ink(out));
    s->most_black = std::max(s->most_black, out[3] / 655.35);
    ++s->nodes;
    return TRUE;
  };
  ASSERT_TRUE(cmsStageSampleCLut16bit(clut, inspect, &seen, SAMPLER_INSPECT));
  EXPECT_GT(seen.nodes, 17 * 17 * 17);
  EXPECT_LE(seen.most_ink, tac() + 0.001);
  EXPECT_GE(seen.most_ink, tac() - 0.5) << "the darkest colours use the whole limit";
  EXPECT_LE(seen.most_black, 95.001);
}

TEST_P(PressProfileTest, LittleCmsDetectsTheStatedInkLimit) {
  Profile h = open(GetParam());
  EXPECT_NEAR(cmsDetectTAC(h.get()), tac(), 3);
}

// The solids through the profile, absolute colorimetric: the published aims.
TEST_P(PressProfileTest, SolidsPrintTheirPublishedAims) {
  Profile h = open(GetParam());
  Transform forward = to_lab(h.get(), INTENT_ABSOLUTE_COLORIMETRIC);
  const PrintingCondition& c = printing_condition(GetParam());
  for (int mask = 0; mask < 8; ++mask) {
    const cmsUInt16Number cmyk[4] = {static_cast<cmsUInt16Number>(mask & 1 ? 65535 : 0),
                                     static_cast<cmsUInt16Number>(mask & 2 ? 65535 : 0),
                                     static_cast<cmsUInt16Number>(mask & 4 ? 65535 : 0), 0};
    EXPECT_LT(delta_e(lab_of(forward.get(), cmyk), c.solids[mask]), 1) << "ink mask " << mask;
  }
  const cmsUInt16Number k[4] = {0, 0, 0, 65535};
  EXPECT_LT(delta_e(lab_of(forward.get(), k), c.black), 1);
}

// Lab -> CMYK -> Lab through the profile's relative colorimetric tables for
// a colour the model prints with `ink`: the colour error, and the CMYK's total.
struct RoundTrip {
  double error, total;
};
RoundTrip round_trip(void* separate, void* forward, const PressModel& model, const Ink& ink) {
  Lab target = model.relative_lab(ink);
  cmsCIELab in{target.l, target.a, target.b};
  cmsUInt16Number cmyk[4];
  cmsDoTransform(separate, &in, cmyk, 1);
  return {delta_e(lab_of(forward, cmyk), target), total_ink(cmyk)};
}

// Colours well inside the gamut (every ink between its limits) survive the
// round trip closely.
TEST_P(PressProfileTest, PrintableColoursRoundTrip) {
  Profile h = open(GetParam());
  Transform separate = lab_to(h.get(), INTENT_RELATIVE_COLORIMETRIC);
  Transform forward = to_lab(h.get(), INTENT_RELATIVE_COLORIMETRIC);
  PressModel model(printing_condition(GetParam()));
  double worst = 0, total = 0;
  int count = 0;
  for (int c = 1; c <= 9; ++c)
    for (int m = 1; m <= 9; ++m)
      for (int y = 1; y <= 9; ++y)
        for (int k = 0; k <= 3; ++k) {
          Ink ink{c / 10.0, m / 10.0, y / 10.0, k / 5.0};
          if (ink[0] + ink[1] + ink[2] + ink[3] > model.condition().tac - 0.2) continue;
          RoundTrip trip = round_trip(separate.get(), forward.get(), model, ink);
          ASSERT_LE(trip.total, tac() + 0.5);
          worst = std::max(worst, trip.error);
          total += trip.error;
          ++count;
        }
  EXPECT_LT(worst, 2.0);
  EXPECT_LT(total / count, 0.5);
}

// On the gamut's surface (solids, overprints, single-ink tints) the table
// interpolates between printable and clipped nodes, and misses a little more.
TEST_P(PressProfileTest, GamutSurfaceRoundTrips) {
  Profile h = open(GetParam());
  Transform separate = lab_to(h.get(), INTENT_RELATIVE_COLORIMETRIC);
  Transform forward = to_lab(h.get(), INTENT_RELATIVE_COLORIMETRIC);
  PressModel model(printing_condition(GetParam()));
  for (int mask = 1; mask < 16; ++mask)
    for (double tone : {0.25, 0.5, 1.0}) {
      Ink ink;
      for (int i = 0; i < 4; ++i) ink[i] = mask >> i & 1 ? tone * (i == kBlack ? 0.95 : 1.0) : 0;
      if (ink[0] + ink[1] + ink[2] + ink[3] > model.condition().tac) continue;
      RoundTrip trip = round_trip(separate.get(), forward.get(), model, ink);
      EXPECT_LT(trip.error, 3.5) << "ink mask " << mask << " at " << tone;
      EXPECT_LE(trip.total, tac() + 0.5);
    }
}

TEST_P(PressProfileTest, GamutTagMarksPrintableAndUnprintableColours) {
  Profile h = open(GetParam());
  auto* gamut = static_cast<cmsPipeline*>(cmsReadTag(h.get(), cmsSigGamutTag));
  ASSERT_NE(gamut, nullptr);
  ASSERT_EQ(cmsPipelineInputChannels(gamut), 3u);
  ASSERT_EQ(cmsPipelineOutputChannels(gamut), 1u);
  auto check = [&](double l, double a, double b) {
    cmsCIELab lab{l, a, b};
    cmsUInt16Number in[3], out[1];
    cmsFloat2LabEncodedV2(in, &lab);
    cmsPipelineEval16(in, out, gamut);
    return out[0];
  };
  EXPECT_EQ(check(100, 0, 0), 0) << "paper";
  EXPECT_EQ(check(50, 0, 0), 0) << "mid grey";
  EXPECT_GT(check(50, 0, -120), 0) << "a blue no press prints";
  EXPECT_GT(check(90, 90, 0), 0) << "light and colourful";
}

TEST(PressProfiles, NewsprintIsTheDarkerPaperWithTheLowerLimit) {
  PressModel coated(printing_condition(PressCondition::CoatedOffset));
  PressModel news(printing_condition(PressCondition::Newsprint));
  EXPECT_LT(news.paper_xyz().y, coated.paper_xyz().y);
  EXPECT_EQ(press_profile(PressCondition::Newsprint).tac_percent, 240);
  EXPECT_EQ(press_profile(PressCondition::CoatedOffset).tac_percent, 300);
  EXPECT_NE(press_profile(PressCondition::Newsprint).icc, press_profile(PressCondition::CoatedOffset).icc);
  // Absolute black points: a coated 300 % black is far darker than newsprint's.
  EXPECT_LT(coated.absolute_from_relative(coated.black_point().reached).l,
            news.absolute_from_relative(news.black_point().reached).l - 5);
}

// The generator makes the same bytes on every run: the source compiled into
// this test is one run, this is another.
TEST(PressProfiles, GeneratorIsReproducible) {
  std::string out = ::testing::TempDir() + "press_profiles_again.cpp";
  std::string command = std::string("'") + HUOZI_PRESS_PROFILE_GENERATOR + "' '" + out + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  std::string again = slurp(out);
  EXPECT_FALSE(again.empty());
  EXPECT_TRUE(again == slurp(HUOZI_PRESS_PROFILES_SOURCE)) << "the generated source differs between runs";
  std::remove(out.c_str());
}

// The profiles' bytes, pinned: they go into every print file, so a compiler,
// flag or host that computes the model differently (fused multiply-adds, a
// different libm) must not change them silently. A deliberate change to the
// model updates these numbers.
uint64_t fnv1a(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

TEST(PressProfiles, BytesAreTheSameOnEveryHost) {
  EXPECT_EQ(fnv1a(press_profile(PressCondition::CoatedOffset).icc), 0xf58faf276356663bULL);
  EXPECT_EQ(fnv1a(press_profile(PressCondition::Newsprint).icc), 0xb934180b3a46e16bULL);
}

}  // namespace
}  // namespace huozi::print
