// Colour spaces as a press reads them (by name through a page's /ColorSpace
// resources, or by value), and what a colour in one puts on which plate.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "print/preflight_check.h"

namespace huozi::print::preflight_detail {
namespace {

constexpr size_t kMaxColorants = 32;  // DeviceN names read (PDF's own limit)

std::string components_name(int n) {
  return n == 1 ? "Gray" : n == 3 ? "RGB" : n == 4 ? "CMYK" : std::to_string(n) + "-channel";
}

Family family_of_components(int n) {
  return n == 1 ? Family::Gray : n == 3 ? Family::RGB : n == 4 ? Family::CMYK : Family::Unknown;
}

SpacePtr unknown_space(const std::string& description) {
  auto s = std::make_shared<Space>();
  s->description = description;
  return s;
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

// One colorant's tint, added to the inks: process colorants by name, the
// registration colour (All), None, and spot colours.
void add_colorant(Inks& inks, const std::string& name, double tint) {
  tint = clamp01(tint);
  if (name == "None") {
    inks.none = true;
    return;
  }
  if (name == "All") {
    inks.registration = true;
    if (tint > kNoInk) inks.plates = 4;
    return;
  }
  double* process = name == "Cyan"      ? &inks.c
                    : name == "Magenta" ? &inks.m
                    : name == "Yellow"  ? &inks.y
                    : name == "Black"   ? &inks.k
                                        : nullptr;
  if (process)
    *process = std::max(*process, tint);
  else
    inks.spot += tint;
  if (tint > kNoInk) ++inks.plates;
}

Inks inks_of(const Space& space, const std::vector<double>& v, int depth = 0) {
  Inks inks;
  auto value = [&](size_t i) { return i < v.size() ? v[i] : 0.0; };
  switch (space.family) {
    case Family::Gray:
      inks.k = clamp01(1 - value(0));
      inks.plates = inks.k > kNoInk;
      break;
    case Family::CMYK:
      inks.c = clamp01(value(0)), inks.m = clamp01(value(1)), inks.y = clamp01(value(2));
      inks.k = clamp01(value(3));
      for (double ink : {inks.c, inks.m, inks.y, inks.k}) inks.plates += ink > kNoInk;
      break;
    case Family::RGB:  // the output profile decides the inks: several, unless white
      inks.known = false;
      inks.plates = std::all_of(v.begin(), v.end(), [](double x) { return x >= 1 - kNoInk; }) ? 0 : 3;
      break;
    case Family::Lab:
      inks.known = false;
      inks.plates = value(0) >= 100 - kNoInk && std::abs(value(1)) < 1 && std::abs(value(2)) < 1 ? 0 : 3;
      break;
    case Family::Separation:
    case Family::DeviceN:
      for (size_t i = 0; i < space.colorants.size(); ++i) add_colorant(inks, space.colorants[i], value(i));
      break;
    case Family::Indexed: {
      size_t entry = static_cast<size_t>(std::clamp(std::lround(value(0)), 0L, 255L));
      size_t n = space.base ? static_cast<size_t>(space.base->components) : 0;
      if (!space.base || depth > 0 || (entry + 1) * n > space.palette.size()) {
        inks.known = false, inks.unknown = true;
        break;
      }
      std::vector<double> base(n);
      for (size_t i = 0; i < n; ++i)
        base[i] = static_cast<unsigned char>(space.palette[entry * n + i]) / 255.0;
      return inks_of(*space.base, base, depth + 1);
    }
    case Family::Pattern:
    case Family::Unknown:
      inks.known = false, inks.unknown = true;
      break;
  }
  return inks;
}

}  // namespace

SpacePtr device_space(Family family) {
  static const SpacePtr gray = [] {
    auto s = std::make_shared<Space>();
    s->family = Family::Gray, s->description = "DeviceGray";
    return s;
  }();
  static const SpacePtr rgb = [] {
    auto s = std::make_shared<Space>();
    s->family = Family::RGB, s->components = 3, s->description = "DeviceRGB", s->plain_rgb = true;
    return s;
  }();
  static const SpacePtr cmyk = [] {
    auto s = std::make_shared<Space>();
    s->family = Family::CMYK, s->components = 4, s->description = "DeviceCMYK", s->plain_cmyk = true;
    return s;
  }();
  return family == Family::RGB ? rgb : family == Family::CMYK ? cmyk : gray;
}

Colour initial_colour(SpacePtr space) {
  Colour c;
  c.space = space;
  switch (space->family) {
    case Family::CMYK:
      c.values = {0, 0, 0, 1};
      break;
    case Family::Separation:
    case Family::DeviceN:
      c.values.assign(space->components, 1);
      break;
    case Family::Pattern:
      c.values.clear();
      break;
    default:
      c.values.assign(space->components, 0);
  }
  return c;
}

Inks inks_of(const Colour& colour) { return inks_of(*colour.space, colour.values); }

std::string colour_text(const Colour& colour) {
  char buf[96];
  const std::vector<double>& v = colour.values;
  if (colour.space->family == Family::CMYK && v.size() == 4) {
    std::snprintf(buf, sizeof buf, "C %.0f M %.0f Y %.0f K %.0f %%", v[0] * 100, v[1] * 100, v[2] * 100,
                  v[3] * 100);
    return buf;
  }
  std::string out = colour.space->description;
  if (colour.space->family == Family::Pattern) return out + " " + colour.pattern;
  for (size_t i = 0; i < v.size() && i < 8; ++i) {
    std::snprintf(buf, sizeof buf, " %g", v[i]);
    out += buf;
  }
  return out;
}

SpacePtr Checker::resolve(Handle space, Handle resources, int n, int depth) {
  auto loop = [&] {
    add(Level::Failure, "a colour space is defined in a loop (or nested too deep): not followed", n);
    return unknown_space("colour space defined in a loop");
  };
  if (depth > kMaxSpaceDepth) return loop();
  if (space.isIndirect()) {
    auto cached = spaces_.find(space.getObjGen());
    if (cached != spaces_.end()) return cached->second;
  }
  Handle named = resources.isDictionary() ? at(resources, "/ColorSpace") : Handle::newNull();
  if (space.isName()) {
    std::string name = space.getName();
    if (name == "/DeviceRGB" || name == "/DeviceGray" || name == "/DeviceCMYK") {
      Family family = name == "/DeviceRGB"    ? Family::RGB
                      : name == "/DeviceCMYK" ? Family::CMYK
                                              : Family::Gray;
      std::string fallback = "/Default" + name.substr(7);  // DefaultRGB, DefaultGray, DefaultCMYK
      if (!named.isDictionary() || !named.hasKey(fallback)) return device_space(family);
      auto s = std::make_shared<Space>(*device_space(family));
      s->plain_rgb = s->plain_cmyk = false, s->calibrated = true;
      s->description = name.substr(1) + " as " + fallback.substr(1) + " (" +
                       resolve(at(named, fallback), Handle::newNull(), n, depth + 1)->description + ")";
      return s;
    }
    if (name == "/Pattern") {
      auto s = std::make_shared<Space>();
      s->family = Family::Pattern, s->description = "Pattern";
      return s;
    }
    if (named.isDictionary() && named.hasKey(name)) {
      // A resource lives as long as the file: resolved once, however often
      // it is named (an inline palette is not copied a million times).
      Handle value = at(named, name);
      const void* key = value.getObjectPtr();
      auto cached = named_spaces_.find(key);
      if (cached != named_spaces_.end()) return cached->second ? cached->second : loop();
      named_spaces_[key] = nullptr;  // being resolved: met again, it is a loop
      return named_spaces_[key] = resolve(value, resources, n, depth + 1);
    }
    return unknown_space("unknown colour space " + name);
  }
  if (!space.isArray() || space.getArrayNItems() == 0) return unknown_space("unknown colour space");
  std::string family = name_or(item(space, 0), "?");
  if (space.getArrayNItems() == 1 && item(space, 0).isName())
    return resolve(item(space, 0), resources, n, depth + 1);
  auto s = std::make_shared<Space>();
  s->description = family;
  if (family == "ICCBased") {
    Handle stream = item(space, 1);
    int comps = stream.isStream() && at(stream, "/N").isInteger() ? at(stream, "/N").getIntValueAsInt() : 0;
    s->family = family_of_components(comps), s->components = std::max(1, std::min(comps, 4));
    s->calibrated = true, s->description = "ICCBased " + components_name(comps);
  } else if (family == "CalGray" || family == "CalRGB" || family == "Lab") {
    s->family = family == "CalGray" ? Family::Gray : family == "CalRGB" ? Family::RGB : Family::Lab;
    s->components = family == "CalGray" ? 1 : 3, s->calibrated = true;
  } else if (family == "Separation") {
    s->family = Family::Separation, s->colorants = {name_or(item(space, 1), "?")};
    s->description = "Separation " + s->colorants[0];
  } else if (family == "DeviceN") {
    s->family = Family::DeviceN;
    Handle names = item(space, 1);
    for (int i = 0; names.isArray() && i < names.getArrayNItems() && s->colorants.size() < kMaxColorants; ++i)
      s->colorants.push_back(name_or(item(names, i), "?"));
    s->components = std::max<int>(1, static_cast<int>(s->colorants.size()));
  } else if (family == "Indexed") {
    s->family = Family::Indexed;
    s->base = resolve(item(space, 1), resources, n, depth + 1);
    s->description = "Indexed on " + s->base->description;
    s->calibrated = s->base->calibrated, s->plain_rgb = s->base->plain_rgb,
    s->plain_cmyk = s->base->plain_cmyk;
    Handle lookup = item(space, 3);
    size_t entries = static_cast<size_t>(std::clamp(number_or(item(space, 2), 0), 0.0, 255.0)) + 1;
    size_t size = entries * static_cast<size_t>(s->base->components);  // what the palette can use
    if (lookup.isString()) {
      std::string value = lookup.getStringValue();
      s->palette.assign(value, 0, std::min(value.size(), size));
    } else if (lookup.isStream()) {
      auto [it, fresh] = palettes_.try_emplace(lookup.getObjGen());
      if (fresh) try {
          it->second = read(lookup, kMaxPaletteBytes);
        } catch (const OverBudget&) {
          // An unreadable palette: its colours' inks stay unknown.
        }
      s->palette.assign(it->second, 0, std::min(it->second.size(), size));
    }
  } else if (family == "Pattern") {
    s->family = Family::Pattern, s->description = "Pattern";
    if (!item(space, 1).isNull()) s->base = resolve(item(space, 1), resources, n, depth + 1);
  }
  if (space.isIndirect()) spaces_[space.getObjGen()] = s;
  return s;
}

SpacePtr Checker::use_space(Handle space, Handle resources, int n, const std::string& what, bool lasting) {
  SpacePtr s;
  if (lasting && space.isArray() && !space.isIndirect()) {
    // An image XObject's /ColorSpace [/Indexed … (16 MB)] drawn a thousand
    // times is read once. The resources take part: a Default space in them
    // changes what DeviceRGB means.
    const void* in = resources.isDictionary() ? resources.getObjectPtr() : nullptr;
    auto [it, fresh] = direct_spaces_.try_emplace({space.getObjectPtr(), in});
    if (fresh) it->second = resolve(space, resources, n);
    s = it->second;
  } else {
    s = resolve(space, resources, n);
  }
  use_space(s, n, what);
  return s;
}

void Checker::use_space(const SpacePtr& s, int n, const std::string& what) {
  report.colour_spaces[s->description]++;
  if (s->plain_rgb) plain_rgb_pages.insert(n);
  if (s->plain_cmyk) cmyk_pages.insert(n);
  if (!x1a) return;
  const Space& used = s->family == Family::Indexed && s->base ? *s->base : *s;
  std::string place = what + " in " + s->description;
  if (used.family == Family::RGB)
    add(Level::Failure, "RGB left in a PDF/X-1a file: PDF/X-1a takes CMYK, gray and spot colours only", n,
        place);
  else if (used.calibrated)
    add(Level::Failure,
        "device-independent colour (ICC, Cal or Lab) in a PDF/X-1a file: PDF/X-1a takes CMYK, gray and spot "
        "colours only",
        n, place);
}

}  // namespace huozi::print::preflight_detail
