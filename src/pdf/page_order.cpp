#include "pdf/page_order.h"

#include <cstdio>
#include <exception>
#include <fstream>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "util/roman.h"

namespace huozi::pdf {
namespace {

using Handle = QPDFObjectHandle;

// The byte offset after `startxref` at the end of the file (§7.5.5).
long long last_xref_offset(const std::filesystem::path& pdf, std::string& error) {
  std::ifstream in(pdf, std::ios::binary | std::ios::ate);
  long long size = in.tellg();
  long long from = std::max(0LL, size - 1024);
  std::string tail(static_cast<size_t>(size - from), '\0');
  in.seekg(from);
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  size_t at = tail.rfind("startxref");
  if (!in || at == std::string::npos) {
    error = "no startxref at the end of the file";
    return -1;
  }
  long long offset = std::atoll(tail.c_str() + at + 9);
  // An update of a classic cross-reference table is a classic section (§7.5.6);
  // Cairo writes tables, and anything else is refused rather than guessed at.
  in.clear();
  in.seekg(offset);
  char head[4] = {};
  in.read(head, 4);
  if (!in || std::string(head, 4) != "xref") {
    error = "the cross-reference section is not a table";
    return -1;
  }
  return offset;
}

// A page label dictionary's style and value for one label: decimal ("12"),
// lower-case roman ("iv"), or a plain prefix.
struct LabelStyle {
  char style = 0;  // 'D', 'r', or 0 for a prefix (or no label)
  int value = 0;
};

LabelStyle style_of(const std::string& label) {
  if (!label.empty() && label.size() < 9 && label[0] != '0' &&
      label.find_first_not_of("0123456789") == std::string::npos)
    return {'D', std::stoi(label)};
  if (int v = roman::value(label); v > 0) return {'r', v};
  return {};
}

// The /PageLabels number tree (§12.4.2): a new range wherever the labels stop
// counting on from the page before.
Handle page_labels(const std::vector<std::string>& labels) {
  Handle nums = Handle::newArray();
  LabelStyle previous;
  for (size_t k = 0; k < labels.size(); ++k) {
    LabelStyle s = style_of(labels[k]);
    bool continues = k > 0 && s.style != 0 && s.style == previous.style && s.value == previous.value + 1;
    bool same_blank = k > 0 && labels[k].empty() && labels[k - 1].empty();
    previous = s;
    if (continues || same_blank) continue;
    Handle range = Handle::newDictionary();
    if (s.style != 0) {
      range.replaceKey("/S", Handle::newName(s.style == 'D' ? "/D" : "/r"));
      range.replaceKey("/St", Handle::newInteger(s.value));
    } else if (!labels[k].empty()) {
      range.replaceKey("/P", Handle::newUnicodeString(labels[k]));
    }
    nums.appendItem(Handle::newInteger(static_cast<long long>(k)));
    nums.appendItem(range);
  }
  Handle tree = Handle::newDictionary();
  tree.replaceKey("/Nums", nums);
  return tree;
}

struct Replacement {
  QPDFObjGen id;
  std::string text;
};

}  // namespace

bool put_pages_in_place(const std::filesystem::path& pdf, const std::vector<int>& place,
                        const std::vector<std::string>& labels, std::string& error) {
  long long previous_xref = last_xref_offset(pdf, error);
  if (previous_xref < 0) return false;
  std::vector<Replacement> objects;
  std::string trailer;
  try {
    QPDF file;
    file.processFile(pdf.c_str());
    Handle root = file.getRoot();
    Handle tree = root.getKey("/Pages");
    Handle kids = tree.getKey("/Kids");
    // Flat: as many kids as the tree counts pages (a kid that were a subtree
    // would hold several). The pages themselves are never read.
    Handle count = tree.getKey("/Count");
    if (!root.isIndirect() || !tree.isIndirect() || !kids.isArray() || !count.isInteger() ||
        count.getIntValue() != static_cast<long long>(place.size()) ||
        kids.getArrayNItems() != static_cast<int>(place.size())) {
      error = "the page tree is not one flat list of the pages drawn";
      return false;
    }
    std::vector<Handle> in_place(place.size());
    for (size_t i = 0; i < place.size(); ++i) {
      Handle page = kids.getArrayItem(static_cast<int>(i));
      size_t to = static_cast<size_t>(place[i]);
      if (!page.isIndirect() || to >= in_place.size() || in_place[to].isInitialized()) {
        error = "the page tree is not one flat list of the pages drawn, or the order is not a permutation";
        return false;
      }
      in_place[to] = page;
    }
    Handle new_tree = tree.shallowCopy();
    new_tree.replaceKey("/Kids", Handle::newArray(in_place));
    objects.push_back({tree.getObjGen(), new_tree.unparse()});
    Handle new_root = root.shallowCopy();
    new_root.replaceKey("/PageLabels", page_labels(labels));
    objects.push_back({root.getObjGen(), new_root.unparse()});
    Handle new_trailer = file.getTrailer().shallowCopy();
    new_trailer.removeKey("/XRefStm");
    new_trailer.replaceKey("/Prev", Handle::newInteger(previous_xref));
    trailer = new_trailer.unparse();
  } catch (const std::exception& e) {
    error = std::string("cannot read the PDF back: ") + e.what();
    return false;
  }
  if (objects[0].id.getObj() > objects[1].id.getObj()) std::swap(objects[0], objects[1]);

  std::ofstream out(pdf, std::ios::binary | std::ios::app);
  out.seekp(0, std::ios::end);
  long long at = out.tellp();
  std::string update = "\n";
  std::vector<long long> offsets;
  for (const Replacement& r : objects) {
    offsets.push_back(at + static_cast<long long>(update.size()));
    update += std::to_string(r.id.getObj()) + " " + std::to_string(r.id.getGen()) + " obj\n" + r.text +
              "\nendobj\n";
  }
  long long xref = at + static_cast<long long>(update.size());
  update += "xref\n";
  for (size_t i = 0; i < objects.size(); ++i) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010lld %05d n \n", offsets[i], objects[i].id.getGen());
    update += std::to_string(objects[i].id.getObj()) + " 1\n" + entry;
  }
  update += "trailer\n" + trailer + "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  out.write(update.data(), static_cast<std::streamsize>(update.size()));
  out.close();
  if (!out) {
    error = "cannot append to the PDF (disk full?)";
    return false;
  }
  return true;
}

}  // namespace huozi::pdf
