#!/usr/bin/env node
// The site, tested in a real browser. For each built site given on the command line:
//
//   static   every page: CSS under 30 KB, JavaScript only on search pages, nothing from other hosts
//   links    every internal link, image, stylesheet, script and #fragment resolves (on disk)
//   html     the Nu HTML Checker (vnu.jar), errors only: none allowed
//   browser  headless Chromium on a static server of our own on 127.0.0.1, every page:
//            no console errors or failed requests; axe-core (WCAG 2.1 A/AA + best practices)
//            in light and dark; a skip link first, a visible focus ring, every link and
//            control reached with Tab; no sideways scrolling at 390 px; search finds a
//            session and opens it (over HTTP and from file://); the home page from file://
//            with every link on it followed; screenshots at 1280/390 px, light/dark, print
//
// Usage: node browser/run.mjs SITE_DIR... [--shots DIR] [--skip vnu,browser,...]
// serve against other websites is browser/cross-origin.mjs (run by .ci/run after this).
// Screenshots go to DIR/<site folder name>/ (default: target/screenshots/ of the repo).
// The sites are built beforehand (.ci/run does it); this builds nothing.
// Exit: 0 all green, 1 problems found, 2 bad usage or a tool that did not run.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AXE_TAGS, AXE_VERSION, checkSite, launch } from './lib/browser.mjs';
import { checkLinks } from './lib/links.mjs';
import { serveFolder } from './lib/server.mjs';
import { htmlPages, startTags, walk } from './lib/site.mjs';
import { runVnu } from './lib/vnu.mjs';

const CSS_BUDGET = 30 * 1024;
const SHOW = 40; // problems listed per check; the rest are counted

const args = process.argv.slice(2);
const sites = [];
let shotsRoot = fileURLToPath(new URL('../target/screenshots', import.meta.url));
const skip = new Set();
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--shots') shotsRoot = resolve(args[++i] || '');
  else if (args[i] === '--skip') (args[++i] || '').split(',').forEach((s) => skip.add(s.trim()));
  else if (args[i].startsWith('-')) usage(`unknown option ${args[i]}`);
  else sites.push(args[i]);
}
if (sites.length === 0) usage('no site folder given');

function usage(why) {
  console.error(`run.mjs: ${why}\nusage: node browser/run.mjs SITE_DIR... [--shots DIR] [--skip static,links,vnu,browser]`);
  process.exit(2);
}

const started = Date.now();
let problems = 0;
let toolErrors = 0;
let browser = null;

for (const dir of sites) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`run.mjs: ${dir} has no index.html: build the site first`);
    toolErrors++;
    continue;
  }
  const pages = htmlPages(root);
  console.log(`\n== ${dir}: ${pages.length} pages`);
  const t0 = Date.now();

  // The Nu HTML Checker runs in Java beside the browser checks.
  const vnu = skip.has('vnu') ? null : runVnu(root).catch((e) => ({ failed: e }));

  if (!skip.has('static')) report('static', staticChecks(root, pages), 'CSS budget, scripts only on search, nothing from other hosts');
  if (!skip.has('links')) {
    const t = Date.now();
    const links = checkLinks(root);
    report('links', links.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.ref} — ${p.why}`),
      `${links.checked} internal references (${links.external} external ones not followed) [${secs(t)}]`);
  }

  if (!skip.has('browser')) {
    const t = Date.now();
    const found = [];
    const server = await serveFolder(root);
    try {
      browser ??= await launch();
      const stats = await checkSite(browser, {
        root, base: server.url, pages, shotsDir: join(shotsRoot, basename(root)),
      }, (page, message) => found.push(`${page}: ${message}`), (line) => console.log(line));
      report('browser', found, `Chromium ${browser.version()}, axe-core ${AXE_VERSION} (${AXE_TAGS.join(', ')}), ${stats.pages} pages [${secs(t)}]`);
    } catch (e) {
      console.log(`[ERR ] browser: ${e.stack || e}`);
      toolErrors++;
    } finally {
      await server.close();
    }
  }

  if (vnu) {
    const t = Date.now();
    const result = await vnu;
    if (result.failed) {
      console.log(`[ERR ] html: ${result.failed.message}`);
      toolErrors++;
    } else {
      report('html', result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`),
        `Nu HTML Checker ${result.version}, ${result.files} files (HTML, CSS, SVG), errors only [waited ${secs(t)}]`);
    }
  }
  console.log(`== ${dir}: done in ${secs(t0)}`);
}

if (browser) await browser.close();
console.log(`\n${problems ? `FAILED: ${problems} problem(s)` : toolErrors ? 'FAILED: a check did not run' : 'all checks passed'} in ${secs(started)}`);
process.exit(toolErrors ? 2 : problems ? 1 : 0);

function report(name, found, what) {
  problems += found.length;
  console.log(`[${found.length ? 'FAIL' : 'ok  '}] ${name}: ${what}${found.length ? `: ${found.length} problem(s)` : ''}`);
  for (const line of found.slice(0, SHOW)) console.log(`    ${line}`);
  if (found.length > SHOW) console.log(`    … and ${found.length - SHOW} more`);
}

/** What a page loads, read from its HTML: the CSS budget, where JavaScript may be, and no
 *  resources from other hosts (fonts, scripts, styles, images). */
function staticChecks(root, pages) {
  const found = [];
  const files = new Set(walk(root));
  for (const page of pages) {
    const html = readFileSync(join(root, page), 'utf8');
    const tags = startTags(html);
    const isSearch = /(^|\/)search\.html$/.test(page);
    let css = 0;
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) css += Buffer.byteLength(m[1]);
    for (const t of tags) {
      const { href, src } = t.attrs;
      if (t.name === 'link' && /\bstylesheet\b/i.test(t.attrs.rel || '') && href && !/^[a-z]+:|^\/\//i.test(href)) {
        const file = new URL(href, `http://x/${page}`).pathname.slice(1);
        if (files.has(decodeURIComponent(file))) css += statSync(join(root, decodeURIComponent(file))).size;
      }
      if (t.name === 'script' && !isSearch) found.push(`${page}:${t.line}: a <script> outside the search page`);
      for (const [attr, value] of Object.entries(t.attrs)) {
        if (/^on[a-z]+$/.test(attr)) found.push(`${page}:${t.line}: inline event handler ${attr}`);
        if ((attr === 'href' || attr === 'src') && /^\s*javascript:/i.test(value)) found.push(`${page}:${t.line}: javascript: URL`);
      }
      const resource = t.name === 'a' ? null : src || (t.name === 'link' ? href : null);
      if (resource && /^(https?:)?\/\//i.test(resource)) found.push(`${page}:${t.line}: <${t.name}> loads ${resource} from another host`);
    }
    if (css > CSS_BUDGET) found.push(`${page}: ${(css / 1024).toFixed(1)} KB of CSS, over the 30 KB budget`);
  }
  return found;
}

function secs(t) {
  return `${((Date.now() - t) / 1000).toFixed(1)} s`;
}
