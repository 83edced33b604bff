#!/usr/bin/env node
// The EPUB as a reader gets it (issue 18): every content document of an
// unzipped EPUB laid out by headless Chromium (Debian's chromium, driven by
// puppeteer-core) at 320, 390 and 820 CSS px, and then again inside epub.js,
// a reading-system library, in paginated mode. With the layout Chromium
// computed (the rectangles of every character), it checks:
//   - no line starts with a closing mark (，。、；：？！）》」』 …), except
//     after a forced break;
//   - no note mark (a.noteref) starts a line away from the character before
//     it (a run of marks may wrap between its marks);
//   - nothing wider than the screen (scrollWidth <= clientWidth), or in
//     epub.js nothing wider than its column;
//   - part pages styled: section.part > h1 at twice its section's size, a
//     third down the screen, its number on a line of its own;
//   - epub.js shows every spine document, with as many characters and note
//     marks as Chromium alone laid out.
// Usage: reading_system.js TOOLSDIR BOOKDIR… [--no-epubjs] [--widths 320,390]
// (BOOKDIR: an unzipped EPUB; its folder's name names it in the output.)
// Exit 0 when every check passes, 1 on any violation (each one listed), 2 on
// a harness failure (no Chromium, a page that does not load).
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { createRequire } = require('module');

const args = process.argv.slice(2);
const positional = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] || '').startsWith('--widths'));
const [toolsDir, ...bookDirs] = positional;
if (!toolsDir || !bookDirs.length) {
  console.error('usage: reading_system.js TOOLSDIR BOOKDIR… [--no-epubjs] [--widths 320,390,820]');
  process.exit(2);
}
const useEpubjs = !args.includes('--no-epubjs');
const widthsArg = args.indexOf('--widths');
const WIDTHS = widthsArg >= 0 ? args[widthsArg + 1].split(',').map(Number) : [320, 390, 820];
// Phone and tablet screens: iPhone SE (320), iPhone 12–15 (390), iPad Air (820).
const HEIGHTS = { 320: 568, 390: 844, 820: 1180 };
const toolsRequire = createRequire(path.join(path.resolve(toolsDir), 'package.json'));
const puppeteer = toolsRequire('puppeteer-core');
const chromium = process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';

// ---- the book: container.xml -> OPF -> spine --------------------------------
function readBook(dir) {
  const container = fs.readFileSync(path.join(dir, 'META-INF/container.xml'), 'utf8');
  const opfPath = /full-path="([^"]+)"/.exec(container)[1];
  const opf = fs.readFileSync(path.join(dir, opfPath), 'utf8');
  const items = {};
  for (const m of opf.matchAll(/<item\b[^>]*>/g)) {
    const attr = (name) => (new RegExp(`\\b${name}="([^"]*)"`).exec(m[0]) || [])[1];
    items[attr('id')] = { href: attr('href'), type: attr('media-type') };
  }
  const base = path.posix.dirname(opfPath);
  const spine = [...opf.matchAll(/<itemref\b[^>]*\bidref="([^"]+)"/g)]
    .map((m) => items[m[1]])
    .filter((it) => it && it.type === 'application/xhtml+xml')
    .map((it) => path.posix.join(base, it.href));
  return spine;
}

// ---- a static server: the book, epub.js and its host page -------------------
const TYPES = { '.xhtml': 'application/xhtml+xml', '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript',
  '.opf': 'application/oebps-package+xml', '.ncx': 'application/x-dtbncx+xml', '.xml': 'application/xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.otf': 'font/otf', '.ttf': 'font/ttf',
  '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };
const HOST = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>epub.js</title>
<script src="/lib/jszip.min.js"></script><script src="/lib/epub.min.js"></script>
<style>html, body { margin: 0; padding: 0; overflow: hidden; } #viewer { width: 100vw; height: 100vh; }</style>
</head><body><div id="viewer"></div></body></html>`;

function serve(rootOf) {
  const lib = {
    '/lib/epub.min.js': toolsRequire.resolve('epubjs/dist/epub.min.js'),
    '/lib/jszip.min.js': toolsRequire.resolve('jszip/dist/jszip.min.js'),
  };
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = null;
    if (url === '/host.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(HOST);
      return;
    }
    if (lib[url]) file = lib[url];
    else if (/^\/book\/\d+\//.test(url)) {
      // /book/N/…: the Nth book, each under a URL of its own (no cache mixes two books' style.css).
      const [, n, rest] = /^\/book\/(\d+)\/(.*)$/.exec(url);
      const root = rootOf(Number(n));
      file = root ? path.join(root, path.normalize(rest)) : null;
      if (file && !file.startsWith(root + path.sep)) file = null;
    }
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- the checks, run in the page on a laid-out document ---------------------
// A plain function: puppeteer sends its source to the page.
function inspect(where, pageWidth) {
  const doc = where === 'iframe' ? document.querySelector('#viewer iframe').contentDocument : document;
  const win = doc.defaultView;
  // Closing marks (clreq: 行首禁则), simplified and traditional forms, the small
  // and vertical forms, and the Latin ones.
  const CLOSING = new Set([...'，。、；：？！）》」』】〉〕〗〙〛｝］＞’”〞〟…‥・﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞﹂﹄︐︑︒︓︔︕︖︰︶︸︺︼︾﹀' +
    '｡､｣．，,.;:?!)]}']);
  const INVISIBLE = /^[\s\u200b-\u200d\u2060\ufeff\u00ad]$/u;
  const INLINE = /^(inline|ruby|contents)/;
  const violations = [];
  const styleOf = new Map();
  const cs = (el) => {
    if (!styleOf.has(el)) styleOf.set(el, win.getComputedStyle(el));
    return styleOf.get(el);
  };
  const blockOf = (el) => {
    while (el && el !== doc.body && INLINE.test(cs(el).display)) el = el.parentElement;
    return el;
  };
  const label = (el) => {
    const id = el.closest('[id]');
    return `${el.tagName.toLowerCase()}${id ? ' in #' + id.id : ''}`;
  };
  const context = (node, offset) => {
    const text = node.data;
    return (text.slice(Math.max(0, offset - 8), offset) + '|' + text.slice(offset, offset + 8)).replace(/\s+/g, ' ');
  };
  const range = doc.createRange();
  let prev = null; // { rect, block, inNote }
  let chars = 0, lines = 0, notes = 0;
  // A vertical book's lines are columns: top to bottom, right to left.
  const vertical = cs(doc.documentElement).writingMode.startsWith('vertical');
  const sameLine = (a, b) => {
    if (vertical) {
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      return overlap > 0.5 && b.top >= a.top - 0.5;
    }
    const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return overlap > 0.5 && b.left >= a.left - 0.5;
  };
  const walker = doc.createTreeWalker(doc.body, win.NodeFilter.SHOW_ELEMENT | win.NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const tag = node.localName;
        if (tag === 'rt' || tag === 'rp' || tag === 'script' || tag === 'style') return win.NodeFilter.FILTER_REJECT;
        if (cs(node).display === 'none') return win.NodeFilter.FILTER_REJECT;
      }
      return win.NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      if (node.localName === 'br') prev = null; // a forced break: the next line may start with anything
      continue;
    }
    const parent = node.parentElement;
    const block = blockOf(parent);
    const note = parent.closest('a.noteref');
    const text = node.data;
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i);
      const len = cp > 0xffff ? 2 : 1;
      const ch = String.fromCodePoint(cp);
      const at = i;
      i += len;
      if (INVISIBLE.test(ch)) continue;
      range.setStart(node, at);
      range.setEnd(node, at + len);
      const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
      if (!rect) continue;
      chars++;
      const firstOfNote = note && !(prev && prev.note === note);
      if (prev && prev.block === block && !sameLine(prev.rect, rect)) {
        lines++;
        if (CLOSING.has(ch)) {
          violations.push({ check: 'closing mark starts a line', where: label(parent), text: context(node, at) });
        }
        if (firstOfNote && !prev.note) {
          violations.push({ check: 'note mark starts a line', where: label(note), text: context(node, at) });
        }
      }
      if (firstOfNote) notes++;
      prev = { rect, block, note };
    }
  }

  // Nothing wider than the screen (or, paginated, than a column); a vertical
  // book flows sideways by design, and nothing in it may be taller than the screen.
  const root = doc.documentElement;
  if (vertical && where !== 'iframe') {
    if (root.scrollHeight > root.clientHeight + 1)
      violations.push({ check: 'vertical overflow', where: 'html',
        text: `scrollHeight ${root.scrollHeight} > clientHeight ${root.clientHeight}` });
    return { chars, lines, notes, parts: 0, overflow: { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }, violations };
  }
  const overflow = { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  if (where === 'iframe') {
    // A block that runs over several columns has a rectangle in each.
    for (const el of doc.body.querySelectorAll('*')) {
      const r = [...el.getClientRects()].reduce((a, b) => (b.width > a.width ? b : a), { width: 0 });
      if (r.width > pageWidth + 1) {
        violations.push({ check: 'wider than a page', where: label(el), text: `${Math.round(r.width)} px > ${pageWidth} px` });
        break;
      }
    }
  } else if (root.scrollWidth > root.clientWidth) {
    let widest = null;
    for (const el of doc.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > root.clientWidth + 0.5 && (!widest || r.right > widest.r.right)) widest = { el, r };
    }
    violations.push({ check: 'horizontal overflow', where: widest ? label(widest.el) : 'html',
      text: `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}` });
  }

  // Part pages: styled as the stylesheet says (2em, 30vh down, the number on its own line).
  let parts = 0;
  for (const h1 of doc.querySelectorAll('section.part > h1')) {
    parts++;
    const section = h1.parentElement;
    const ratio = parseFloat(cs(h1).fontSize) / parseFloat(cs(section).fontSize);
    const top = parseFloat(cs(h1).marginTop) / win.innerHeight;
    const number = h1.querySelector('.number');
    const problems = [];
    if (Math.abs(ratio - 2) > 0.05) problems.push(`font-size ${ratio.toFixed(2)} em, not 2 em`);
    if (Math.abs(top - 0.3) > 0.02) problems.push(`margin-top ${(top * 100).toFixed(0)} % of the screen, not 30 %`);
    if (number && cs(number).display !== 'block') problems.push(`number display ${cs(number).display}, not block`);
    if (problems.length) violations.push({ check: 'part page not styled', where: label(h1), text: problems.join('; ') });
  }
  return { chars, lines, notes, parts, overflow, violations };
}

// ---- epub.js: open the book, show one section, paginated --------------------
async function openInEpubjs(page, base, width, height) {
  await page.goto(`${origin}/host.html`, { waitUntil: 'load' });
  return page.evaluate(async (base, w, h) => {
    window.book = ePub(base, { openAs: 'directory' });
    window.rendition = book.renderTo('viewer', { width: w, height: h, flow: 'paginated', spread: 'none', allowScriptedContent: false });
    await book.ready;
    return book.spine.spineItems.filter((s) => s.linear !== false).map((s) => s.href);
  }, base, width, height);
}

async function showInEpubjs(page, href) {
  return page.evaluate(async (href) => {
    await rendition.display(href);
    const frame = document.querySelector('#viewer iframe');
    await frame.contentDocument.fonts.ready;
    const layout = rendition.manager.layout;
    const body = frame.contentDocument.body;
    return { pageWidth: layout.columnWidth, pages: Math.max(1, Math.round(body.scrollWidth / layout.delta)) };
  }, href);
}

let origin = null;

// One book: every spine document in Chromium at each width, then in epub.js.
async function checkBook(page, root, name, base) {
  const spine = readBook(root);
  const expectedParts = spine.reduce((n, f) =>
    n + (fs.readFileSync(path.join(root, f), 'utf8').match(/<section\b[^>]*\bclass="part"/g) || []).length, 0);
  let failures = 0;
  const fail = (message) => {
    failures++;
    console.log(`FAIL ${message}`);
  };
  const report = (mode, width, file, result) => {
    for (const v of result.violations) fail(`${mode} ${width}px ${name}/${file}: ${v.check}: ${v.where}: ${v.text}`);
  };
  let seen = null; // characters and note marks Chromium laid out: epub.js must show the same
  const started = Date.now();
  console.log(`== ${name}`);
  for (const width of WIDTHS) {
    const height = HEIGHTS[width] || 800;
    await page.setViewport({ width, height });
    const totals = { chars: 0, lines: 0, notes: 0, parts: 0, violations: 0 };
    for (const file of spine) {
      const response = await page.goto(`${origin}${base}${file}`, { waitUntil: 'load' });
      if (!response || !response.ok()) throw new Error(`${name}/${file} did not load`);
      await page.evaluate(() => document.fonts.ready);
      const result = await page.evaluate(inspect, 'page', width);
      report('chromium', width, file, result);
      for (const k of ['chars', 'lines', 'notes', 'parts']) totals[k] += result[k];
      totals.violations += result.violations.length;
    }
    console.log(`chromium ${width}x${height} (${((Date.now() - started) / 1000).toFixed(1)} s): ${spine.length} documents, ${totals.chars} characters on ${totals.lines} wrapped lines, ` +
      `${totals.notes} note marks, ${totals.parts} part pages: ${totals.violations} violations`);
    if (totals.parts !== expectedParts) fail(`chromium ${width}px ${name}: ${totals.parts} part pages checked, the XHTML has ${expectedParts}`);
    if (totals.chars === 0) throw new Error(`${name}: no text laid out at ${width}px`);
    seen = seen || { chars: totals.chars, notes: totals.notes };
  }
  if (!useEpubjs) return failures;
  for (const width of WIDTHS) {
    const height = HEIGHTS[width] || 800;
    await page.setViewport({ width, height });
    const hrefs = await openInEpubjs(page, base, width, height);
    if (hrefs.length !== spine.length) throw new Error(`${name}: epub.js sees ${hrefs.length} spine documents, the OPF ${spine.length}`);
    const totals = { chars: 0, lines: 0, notes: 0, parts: 0, pages: 0, violations: 0 };
    for (const href of hrefs) {
      const shown = await showInEpubjs(page, href);
      const result = await page.evaluate(inspect, 'iframe', shown.pageWidth);
      report('epub.js', width, href, result);
      for (const k of ['chars', 'lines', 'notes', 'parts']) totals[k] += result[k];
      totals.pages += shown.pages;
      totals.violations += result.violations.length;
    }
    console.log(`epub.js paginated ${width}x${height} (${((Date.now() - started) / 1000).toFixed(1)} s): ${hrefs.length} documents on ${totals.pages} pages, ` +
      `${totals.chars} characters on ${totals.lines} wrapped lines, ${totals.notes} note marks, ` +
      `${totals.parts} part pages: ${totals.violations} violations`);
    if (totals.parts !== expectedParts) fail(`epub.js ${width}px ${name}: ${totals.parts} part pages checked, the XHTML has ${expectedParts}`);
    if (totals.chars !== seen.chars || totals.notes !== seen.notes) {
      fail(`epub.js ${width}px ${name}: shows ${totals.chars} characters and ${totals.notes} note marks, ` +
        `Chromium alone ${seen.chars} and ${seen.notes}`);
    }
  }
  return failures;
}

async function main() {
  const roots = bookDirs.map((dir) => path.resolve(dir));
  const server = await serve((n) => roots[n]);
  origin = `http://127.0.0.1:${server.address().port}`;
  // One Chromium for every book: its start is most of a small book's time.
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars', '--font-render-hinting=none'],
  });
  let failures = 0;
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    for (const [n, root] of roots.entries()) failures += await checkBook(page, root, path.basename(root), `/book/${n}/`);
  } finally {
    await browser.close();
    server.close();
  }
  if (failures) {
    console.log(`FAIL: ${failures} problem(s)`);
    process.exit(1);
  }
  console.log(`ok: ${bookDirs.length} book(s)`);
}

main().catch((e) => {
  console.error(`harness failure: ${e.stack || e}`);
  process.exit(2);
});
