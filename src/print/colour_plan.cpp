// The walk over a print file's objects that applies a ColourPlan (colour.h).
#include <qpdf/Buffer.hh>

#include <exception>
#include <string>
#include <vector>

#include "print/colour.h"
#include "print/colour_conversion.h"

namespace huozi::print {
namespace {

using Handle = QPDFObjectHandle;

bool is_name(Handle o, const char* name) { return o.isName() && o.getName() == name; }

Handle resource_dictionary(Handle resources, const char* key) {
  Handle dict = resources.getKey(key);
  if (!dict.isDictionary()) {
    dict = Handle::newDictionary();
    resources.replaceKey(key, dict);
  }
  return dict;
}

// The overprint states the CMYK filter names.
void add_overprint_states(Handle resources) {
  Handle states = resource_dictionary(resources, "/ExtGState");
  for (const auto& [name, state] : overprint_states().ditems()) states.replaceKey(name, state);
}

std::string bytes_of(Handle stream) {
  std::shared_ptr<Buffer> data = stream.getStreamData(qpdf_dl_all);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// Composites samples of `channels` components onto white paper by an 8-bit
// soft mask of the same size: what the page shows, without transparency.
void flatten_onto_paper(std::string& samples, const std::string& mask, int channels) {
  for (size_t i = 0; i < mask.size(); ++i) {
    unsigned alpha = static_cast<unsigned char>(mask[i]);
    for (int c = 0; c < channels; ++c) {
      unsigned char& s = reinterpret_cast<unsigned char&>(samples[i * channels + c]);
      s = static_cast<unsigned char>((s * alpha + 255 * (255 - alpha) + 127) / 255);
    }
  }
}

// A DeviceRGB or DeviceGray picture of 8 bits per sample: converted to the
// output condition's CMYK (RGB), its soft mask flattened when the plan says.
// Other pictures stay as they are (preflight reports what is left).
std::string convert_picture(Handle image, const ColourPlan& plan) {
  Handle dict = image.getDict();
  Handle space = dict.getKey("/ColorSpace");
  bool rgb = is_name(space, "/DeviceRGB"), gray = is_name(space, "/DeviceGray");
  Handle mask = dict.getKey("/SMask");
  bool flatten = plan.x1a && mask.isStream();
  if (!(rgb || (gray && flatten)) || !dict.getKey("/BitsPerComponent").isInteger() ||
      dict.getKey("/BitsPerComponent").getIntValue() != 8 || dict.hasKey("/Decode"))
    return "";
  try {
    long long width = dict.getKey("/Width").getIntValueAsInt(), height = dict.getKey("/Height").getIntValueAsInt();
    size_t pixels = static_cast<size_t>(width) * static_cast<size_t>(height);
    int channels = rgb ? 3 : 1;
    std::string samples = bytes_of(image);
    if (width <= 0 || height <= 0 || samples.size() < pixels * channels)
      return "a picture's samples are shorter than its size";
    samples.resize(pixels * channels);
    if (flatten) {
      std::string alpha = bytes_of(mask);
      if (alpha.size() < pixels) return "a picture's soft mask is not the picture's size";
      alpha.resize(pixels);
      flatten_onto_paper(samples, alpha, channels);
      dict.removeKey("/SMask");
    }
    if (rgb) {
      std::string cmyk(pixels * 4, '\0');
      plan.cmyk->picture(reinterpret_cast<const unsigned char*>(samples.data()),
                         reinterpret_cast<unsigned char*>(cmyk.data()), pixels);
      samples.swap(cmyk);
      dict.replaceKey("/ColorSpace", Handle::newName("/DeviceCMYK"));
    }
    // No filter given: QPDFWriter compresses it with Flate.
    image.replaceStreamData(samples, Handle::newNull(), Handle::newNull());
  } catch (const std::exception& e) {
    return std::string("cannot convert a picture to CMYK: ") + e.what();
  }
  return "";
}

}  // namespace

std::string prepare_colours(Handle object, const ColourPlan& plan, std::set<QPDFObjGen>& seen) {
  if (object.isIndirect() && !seen.insert(object.getObjGen()).second) return "";
  if (object.isArray()) {
    for (Handle item : object.aitems()) {
      std::string error = prepare_colours(item, plan, seen);
      if (!error.empty()) return error;
    }
    return "";
  }
  if (!object.isDictionary() && !object.isStream()) return "";
  Handle dict = object.isStream() ? object.getDict() : object;
  bool image = is_name(dict.getKey("/Subtype"), "/Image");
  if (image && object.isStream()) {
    std::string error = convert_picture(object, plan);
    if (!error.empty()) return error;
  }
  if (is_name(dict.getKey("/S"), "/Transparency") && is_name(dict.getKey("/CS"), "/DeviceRGB"))
    dict.replaceKey("/CS", Handle::newName("/DeviceCMYK"));
  bool content = object.isStream() && (is_name(dict.getKey("/Subtype"), "/Form") || dict.getKey("/PatternType").isInteger());
  if (content && !dict.getKey("/Resources").isDictionary()) dict.replaceKey("/Resources", Handle::newDictionary());
  if (dict.getKey("/Resources").isDictionary()) add_overprint_states(dict.getKey("/Resources"));
  if (content) object.addTokenFilter(make_cmyk_filter(*plan.cmyk, plan.x1a));
  for (const auto& [key, value] : dict.ditems()) {
    if (key == "/Parent" || key == "/ColorSpace" || key == "/CS") continue;
    std::string error = prepare_colours(value, plan, seen);
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace huozi::print
