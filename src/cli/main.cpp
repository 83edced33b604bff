#include <cstdio>
#include "model/loader.h"
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  auto r = huozi::model::load_publication(argv[1]);
  for (auto& d : r.diagnostics.items()) std::fprintf(stderr, "%s\n", huozi::format_diagnostic(d).c_str());
  return r ? 0 : 1;
}
