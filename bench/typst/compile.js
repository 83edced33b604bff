#!/usr/bin/env node
// bench/typst/compile.js BOOK.typ OUT.pdf   compiles one Typst file to PDF
// bench/typst/compile.js --version           prints the Typst version inside
//
// Typst 0.14 through @myriaddreamin/typst-ts-node-compiler (issue 6). Fonts:
// only the Noto CJK folder (HUOZI_BENCH_FONTS, default Debian's), as huozi
// loads only its configured faces. Prints "pages=N" on stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const fontDir = process.env.HUOZI_BENCH_FONTS || '/usr/share/fonts/opentype/noto';

function compiler(workspace) {
  return NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [fontDir] }] });
}

function fail(result) {
  const err = result.takeDiagnostics() || result.takeError();
  if (err) console.error(JSON.stringify(err.shortDiagnostics, null, 1));
  process.exit(1);
}

const args = process.argv.slice(2);
if (args[0] === '--version') {
  const c = compiler(process.cwd());
  const by = { mainFileContent: '#metadata(str(sys.version)) <v>\n' };
  const r = c.compile(by);
  if (!r.result) fail(r);
  const v = c.query(r.result, { selector: '<v>', field: 'value' });
  console.log(`typst ${v[0]}`);
  process.exit(0);
}
if (args.length !== 2) {
  console.error('usage: compile.js BOOK.typ OUT.pdf | --version');
  process.exit(2);
}
const input = path.resolve(args[0]);
const output = path.resolve(args[1]);
const c = compiler(path.dirname(input));
const r = c.compile({ mainFilePath: input });
if (!r.result) fail(r);
const pdf = c.pdf(r.result);
fs.writeFileSync(output, pdf);
console.log(`pages=${r.result.numOfPages}`);
