#!/usr/bin/env node
// Regenerates the screenshots the README shows (docs/*.png) from a built example journal:
//   SOURCE_DATE_EPOCH=1795649400 cargo run -q -- build example-journal -o target/browser-site
//   node browser/docs-screenshots.mjs target/browser-site
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { serveFolder } from './lib/server.mjs';

const site = process.argv[2];
if (!site) {
  console.error('usage: node browser/docs-screenshots.mjs SITE_DIR');
  process.exit(2);
}
const docs = fileURLToPath(new URL('../docs', import.meta.url));
const SHOTS = [
  // [file, page, viewport, colour scheme, device scale]
  ['goals.png', 'goals.html', { width: 1280, height: 1600 }, 'light', 1],
  ['home.png', 'index.html', { width: 1280, height: 1200 }, 'light', 1],
  ['timeline-dark.png', 'timeline.html', { width: 1280, height: 1000 }, 'dark', 1],
  ['goals-phone.png', 'goals.html', { width: 390, height: 844 }, 'dark', 2],
];

const server = await serveFolder(resolve(site));
const browser = await launch();
try {
  for (const [file, page, viewport, colorScheme, deviceScaleFactor] of SHOTS) {
    const phone = viewport.width < 500;
    const ctx = await browser.newContext({ viewport, colorScheme, deviceScaleFactor, isMobile: phone, hasTouch: phone });
    const p = await ctx.newPage();
    await p.goto(server.url + page, { waitUntil: 'load' });
    await p.screenshot({ path: join(docs, file) });
    await ctx.close();
    console.log(`docs/${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
