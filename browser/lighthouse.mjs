#!/usr/bin/env node
// Lighthouse (12.2.3, pinned in package.json) on a built site served by our own static
// server: the home page and the goals page by default, Lighthouse's default mobile
// emulation and simulated throttling, in Debian's Chromium. Every category (performance,
// accessibility, best practices, SEO) must score at least --min (95).
//
// Usage: node browser/lighthouse.mjs SITE_DIR [PAGE...] [--min 95] [--out DIR]
// Reports (HTML and JSON) go to DIR (default: target/lighthouse/ of the repo).
// Not run by CI (it takes about half a minute a page); the README records its scores.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME, screenshotPages } from './lib/browser.mjs';
import { serveFolder } from './lib/server.mjs';
import { htmlPages } from './lib/site.mjs';

const require = createRequire(import.meta.url);
const LIGHTHOUSE = join(dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');
const VERSION = require('lighthouse/package.json').version;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run ' +
  '--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage';

const args = process.argv.slice(2);
let min = 95;
let out = fileURLToPath(new URL('../target/lighthouse', import.meta.url));
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--min') min = Number(args[++i]);
  else if (args[i] === '--out') out = resolve(args[++i] || '');
  else positional.push(args[i]);
}
const [site, ...asked] = positional;
if (!site || !existsSync(join(site, 'index.html')) || Number.isNaN(min)) {
  console.error('usage: node browser/lighthouse.mjs SITE_DIR [PAGE...] [--min 95] [--out DIR]  (build the site first)');
  process.exit(2);
}
const root = resolve(site);
const shots = Object.fromEntries(screenshotPages(root, htmlPages(root)));
const pages = asked.length ? asked : [shots.home, shots.goals].filter(Boolean);
mkdirSync(out, { recursive: true });

const server = await serveFolder(root);
let worst = 100;
console.log(`Lighthouse ${VERSION}, ${CHROME}, mobile emulation, simulated throttling; minimum ${min}`);
console.log(['page'.padEnd(28), ...CATEGORIES.map((c) => c.padStart(15))].join(''));
try {
  for (const page of pages) {
    const name = `${basename(root)}-${page.replace(/\.html$/, '').replace(/[^A-Za-z0-9_-]+/g, '_')}`;
    const code = await run([server.url + page.split('/').map(encodeURIComponent).join('/'),
      '--quiet', `--chrome-flags=${FLAGS}`, `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json', '--output=html', `--output-path=${join(out, name)}`]);
    const reportPath = join(out, `${name}.report.json`);
    if (code !== 0 || !existsSync(reportPath)) {
      console.error(`lighthouse failed on ${page} (exit ${code})`);
      process.exitCode = 2;
      continue;
    }
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    const scores = CATEGORIES.map((c) => Math.round(100 * (report.categories[c]?.score ?? 0)));
    worst = Math.min(worst, ...scores);
    console.log([page.padEnd(28), ...scores.map((s) => String(s).padStart(15))].join(''));
    if (scores.some((s) => s < min)) {
      for (const audit of Object.values(report.audits)) {
        if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative') {
          console.log(`    ${audit.id}: ${audit.title} (${Math.round(audit.score * 100)})`);
        }
      }
    }
  }
} finally {
  await server.close();
}
console.log(`reports in ${out}`);
if (!process.exitCode && worst < min) {
  console.log(`FAILED: a score is under ${min}`);
  process.exitCode = 1;
}

function run(argv) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [LIGHTHOUSE, ...argv], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CHROME_PATH: CHROME },
    });
    child.on('close', done);
  });
}
