// What the command line prints that more than one command shares.
#pragma once

#include "util/diagnostic.h"

namespace huozi::cli {

// Diagnostics to stderr, one a line: in source order (file by file, as an
// editor fixes them), or in the order found.
enum class Order { Source, Found };
void print_diagnostics(const DiagnosticList& diagnostics, Order order = Order::Source);

}  // namespace huozi::cli
