// The checks that need a real browser: Debian's Chromium, driven by playwright-core.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_VERSION = require('axe-core/package.json').version;

/** WCAG 2.0/2.1 A and AA, plus axe's best practices (heading order, landmarks, ...). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export const CHROME = process.env.CHROME || '/usr/bin/chromium';
// As root on this kind of machine Chromium needs --no-sandbox; the rest keep it offline
// and quiet (no component updates, no sync, no background requests to Google).
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

export function launch() {
  return chromium.launch({ executablePath: CHROME, headless: true, args: CHROME_ARGS, timeout: 60000 });
}

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

/** Encodes a site path for a URL, one segment at a time. */
const urlPath = (p) => p.split('/').map(encodeURIComponent).join('/');

/**
 * Runs every browser check on one site. `site` is { root, base (the server's URL), pages,
 * label, shotsDir }. `fail(page, message)` records a problem. Returns a few counts.
 */
export async function checkSite(browser, site, fail, log) {
  const stats = { pages: 0, axeRuns: 0, tabs: 0, shots: 0, fileLinks: 0 };
  const allowed = (url) => url.startsWith(site.base) || url.startsWith('file:') || url.startsWith('data:') ||
    url.startsWith('about:');

  async function context(options) {
    const ctx = await browser.newContext(options);
    // Keep the run offline, and catch any request to another host (fonts, scripts, images).
    await ctx.route((url) => !allowed(url.href), (route) => route.abort('blockedbyclient'));
    return ctx;
  }

  /** Listens for console errors, uncaught exceptions and failed requests on `page`. */
  function watch(page, where) {
    const name = () => where();
    page.on('console', (m) => {
      if (m.type() === 'error') fail(name(), `console error: ${m.text().slice(0, 300)}`);
    });
    page.on('pageerror', (e) => fail(name(), `uncaught exception: ${String(e?.message || e).slice(0, 300)}`));
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText || 'failed';
      // Leaving a page aborts what it still loads (the favicon, often): not a failure of the
      // site. A missing file is an HTTP 404, or ERR_FILE_NOT_FOUND from disk.
      if (why === 'net::ERR_ABORTED') return;
      fail(name(), `request failed (${why}): ${r.url()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) fail(name(), `HTTP ${r.status()}: ${r.url()}`);
    });
  }

  // 1. Every page on a desktop: load, axe (light and dark), keyboard.
  // 2. Every page on a phone: no horizontal scrolling.
  // Two pages at a time: the machine has two cores and most of the time is the browser's.
  const desktop = await context(DESKTOP);
  const phone = await context(PHONE);
  const queue = [...site.pages];
  async function worker() {
    const dp = await desktop.newPage();
    const pp = await phone.newPage();
    let current = '';
    watch(dp, () => current);
    watch(pp, () => `${current} (390 px)`);
    while (queue.length) {
      const page = queue.shift();
      current = page;
      const url = site.base + urlPath(page);
      try {
        await desktopChecks(dp, page, url);
        await phoneChecks(pp, page, url);
      } catch (e) {
        fail(page, `browser check crashed: ${e.message.split('\n')[0]}`);
      }
      stats.pages++;
    }
    await dp.close();
    await pp.close();
  }

  async function desktopChecks(p, page, url) {
    const response = await p.goto(url, { waitUntil: 'load' });
    const is404 = /(^|\/)404\.html$/.test(page);
    if (!response || response.status() !== 200) fail(page, `HTTP ${response?.status()} for the page itself`);
    if (!(await p.title()).trim()) fail(page, 'empty <title>');
    for (const scheme of ['light', 'dark']) {
      await p.emulateMedia({ colorScheme: scheme });
      await axe(p, page, scheme);
    }
    await p.emulateMedia({ colorScheme: 'light' });
    await keyboard(p, page, url, is404);
  }

  async function axe(p, page, scheme) {
    await p.addScriptTag({ path: AXE_PATH });
    const violations = await p.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')), count: v.nodes.length }));
    }, AXE_TAGS);
    stats.axeRuns++;
    for (const v of violations) {
      fail(page, `axe (${scheme}): ${v.impact} ${v.id}: ${v.help} — ${v.count} element(s), e.g. ${v.nodes.join(' | ')}`);
    }
  }

  async function keyboard(p, page, url, is404) {
    // The skip link comes first, and following it moves the keyboard into the main content.
    await p.keyboard.press('Tab');
    const first = await p.evaluate(() => {
      const el = document.activeElement;
      const href = el?.getAttribute('href') || '';
      const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      const r = el.getBoundingClientRect();
      const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      return {
        tag: el.tagName, text: el.textContent.trim(), href, hasTarget: !!target,
        inView: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
        targetHasFocusable: !!target?.querySelector(focusable),
      };
    });
    if (first.tag !== 'A' || !first.href.startsWith('#') || !/skip/i.test(first.text)) {
      fail(page, `keyboard: the first Tab stop is not a skip link (got <${first.tag.toLowerCase()}> "${first.text.slice(0, 40)}")`);
    } else {
      if (!first.hasTarget) fail(page, `keyboard: the skip link's target ${first.href} does not exist`);
      if (!first.inView) fail(page, 'keyboard: the focused skip link is not shown on screen');
      if (first.hasTarget && first.targetHasFocusable) {
        await p.keyboard.press('Enter');
        await p.keyboard.press('Tab');
        const inside = await p.evaluate((id) => !!document.getElementById(id)?.contains(document.activeElement),
          decodeURIComponent(first.href.slice(1)));
        if (!inside) fail(page, 'keyboard: after following the skip link, Tab does not land in the main content');
      }
    }

    // Tab through the whole page from the top: every visible link and control must be
    // reached, and each must look different when focused (outline or box-shadow).
    await p.goto(url, { waitUntil: 'load' });
    const candidates = await p.evaluate(() => {
      const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable="true"]';
      const shown = (el) => {
        if (el.disabled || el.closest('[inert]')) return false;
        const details = el.parentElement?.closest('details:not([open])');
        if (details && !(el.tagName === 'SUMMARY' && el.parentElement === details)) return false;
        const cs = getComputedStyle(el);
        return el.getClientRects().length > 0 && cs.visibility !== 'hidden';
      };
      const look = (el) => { const cs = getComputedStyle(el); return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow].join(' '); };
      window.__kb = [...document.querySelectorAll(sel)].filter(shown);
      return window.__kb.map((el) => ({ desc: `<${el.tagName.toLowerCase()}> "${(el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`, rest: look(el) }));
    });
    const reached = new Set();
    const badRing = [];
    for (let i = 0; i < candidates.length + 10; i++) {
      await p.keyboard.press('Tab');
      stats.tabs++;
      const now = await p.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          index: window.__kb.indexOf(el),
          tag: el.tagName.toLowerCase(),
          outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
          look: [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow].join(' '),
          shadow: cs.boxShadow !== 'none',
          inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        };
      });
      if (!now || (now.index !== -1 && reached.has(now.index))) break; // left the page, or wrapped round
      if (now.index === -1) {
        fail(page, `keyboard: Tab stops on a <${now.tag}> that is neither a link nor a control`);
        continue;
      }
      reached.add(now.index);
      const c = candidates[now.index];
      if (!(now.outline || now.shadow) || now.look === c.rest) badRing.push(c.desc);
      if (!now.inView) fail(page, `keyboard: focused ${c.desc} is not on screen`);
    }
    const missed = candidates.filter((_, i) => !reached.has(i)).map((c) => c.desc);
    if (missed.length) fail(page, `keyboard: ${missed.length} link(s)/control(s) never reached with Tab, e.g. ${missed.slice(0, 3).join(', ')}`);
    if (badRing.length) fail(page, `keyboard: no visible focus indicator on ${badRing.length} element(s), e.g. ${badRing.slice(0, 3).join(', ')}`);
    if (!is404 && candidates.length === 0) fail(page, 'keyboard: nothing to focus');
  }

  async function phoneChecks(p, page, url) {
    await p.goto(url, { waitUntil: 'load' });
    const wide = await p.evaluate(() => {
      const doc = document.documentElement;
      if (doc.scrollWidth <= doc.clientWidth) return null;
      // Name the widest offenders, to say what to fix.
      const over = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
        .slice(0, 3)
        .map((el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}>`);
      return { scroll: doc.scrollWidth, width: doc.clientWidth, over };
    });
    if (wide) fail(page, `scrolls sideways at 390 px: ${wide.scroll} px wide content in ${wide.width} px (${wide.over.join(', ')})`);
  }

  const started = Date.now();
  await Promise.all([worker(), worker()]);
  log(`  pages: ${stats.pages} on desktop and phone, axe ${stats.axeRuns} runs, ${stats.tabs} Tab presses (${secs(started)})`);

  // 3. Search, over HTTP and from disk.
  let t = Date.now();
  for (const searchPage of site.pages.filter((p) => /(^|\/)search\.html$/.test(p))) {
    await searchTest(searchPage, site.base + urlPath(searchPage), site.base);
    await searchTest(searchPage, pathToFileURL(join(site.root, searchPage)).href, pathToFileURL(site.root).href + '/');
  }
  log(`  search (${secs(t)})`);

  async function searchTest(searchPage, searchUrl, base) {
    const where = `${searchPage} (${searchUrl.startsWith('file:') ? 'file://' : 'http'})`;
    const probe = searchProbe(site.root, searchPage);
    if (!probe) {
      fail(where, 'search: no session page to search for');
      return;
    }
    const ctx = await context(DESKTOP);
    const p = await ctx.newPage();
    watch(p, () => where);
    try {
      await p.goto(searchUrl, { waitUntil: 'load' });
      await p.locator('#q').pressSequentially(probe.word, { delay: 10 });
      const expected = new URL(urlPath(probe.session), base).href;
      const link = p.locator('#search-results a[href]');
      await p.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0, null, { timeout: 5000 })
        .catch(() => {});
      const hrefs = await link.evaluateAll((as) => as.map((a) => a.href));
      const at = hrefs.indexOf(expected);
      if (at === -1) {
        fail(where, `search: "${probe.word}" does not list ${probe.session} (got ${hrefs.length} result(s): ${hrefs.slice(0, 3).join(', ')})`);
        return;
      }
      await Promise.all([p.waitForURL(expected), link.nth(at).click()]);
      const h1 = (await p.locator('h1').first().textContent())?.replace(/\s+/g, ' ').trim();
      if (!h1 || !h1.startsWith(probe.title)) fail(where, `search: following the result for "${probe.word}" shows "${h1}", not "${probe.title}"`);
    } catch (e) {
      fail(where, `search: ${e.message.split('\n')[0]}`);
    } finally {
      await ctx.close();
    }
  }

  // 4. The home page from disk: every link on it opens a real page.
  t = Date.now();
  if (site.pages.includes('index.html')) await fileTest();
  log(`  file:// home page, ${stats.fileLinks} links followed (${secs(t)})`);

  async function fileTest() {
    const home = pathToFileURL(join(site.root, 'index.html')).href;
    const ctx = await context(DESKTOP);
    const p = await ctx.newPage();
    let where = 'index.html (file://)';
    watch(p, () => where);
    await p.goto(home, { waitUntil: 'load' });
    const links = await p.$$eval('a[href]', (as) => [...new Set(as.map((a) => a.href))]);
    for (const link of links) {
      const target = new URL(link);
      const fragment = decodeURIComponent(target.hash.slice(1));
      target.hash = '';
      if (target.href === home && fragment) continue; // a same-page anchor (the skip link)
      if (target.protocol !== 'file:') continue; // other hosts: not ours to check
      stats.fileLinks++;
      where = `index.html (file://) → ${link.slice(pathToFileURL(site.root).href.length + 1)}`;
      const onDisk = fileURLToPath(target.href);
      if (!existsSync(onDisk) || !statSync(onDisk).isFile()) {
        fail(where, existsSync(onDisk) ? 'names a folder: from disk the browser shows a file list' : 'no such file');
        continue;
      }
      if (!/\.html?$/i.test(onDisk)) continue;
      await p.goto(link, { waitUntil: 'load' });
      if (!p.url().startsWith('file:')) fail(where, `landed on ${p.url()}`);
      if (!(await p.title()).trim()) fail(where, 'the page has an empty <title>');
      if (fragment && !(await p.evaluate((id) => !!document.getElementById(id), fragment))) {
        fail(where, `no element with id "${fragment}"`);
      }
    }
    await ctx.close();
  }

  // 5. Screenshots: home, timeline, goals, one session, commitments; 1280 and 390 px; light
  // and dark; and the goals page as printed.
  t = Date.now();
  await screenshots(site.shotsDir);
  log(`  ${stats.shots} screenshots in ${site.shotsDir} (${secs(t)})`);

  async function screenshots(dir) {
    mkdirSync(dir, { recursive: true });
    const shots = screenshotPages(site.root, site.pages);
    for (const [width, options] of [[1280, DESKTOP], [390, PHONE]]) {
      for (const scheme of ['light', 'dark']) {
        const ctx = await context({ ...options, colorScheme: scheme });
        const p = await ctx.newPage();
        for (const [name, page] of shots) {
          await p.goto(site.base + urlPath(page), { waitUntil: 'load' });
          await p.screenshot({ path: join(dir, `${name}-${width}-${scheme}.png`), fullPage: true });
          stats.shots++;
        }
        await ctx.close();
      }
    }
    const goals = shots.find(([name]) => name === 'goals');
    if (goals) {
      const ctx = await context({ viewport: { width: 794, height: 1123 } });
      const p = await ctx.newPage();
      await p.emulateMedia({ media: 'print', colorScheme: 'dark' }); // a dark-mode reader prints on white paper
      await p.goto(site.base + urlPath(goals[1]), { waitUntil: 'load' });
      await p.screenshot({ path: join(dir, 'goals-print.png'), fullPage: true });
      await p.pdf({ path: join(dir, 'goals-print.pdf'), format: 'A4', printBackground: false });
      stats.shots += 2;
      await ctx.close();
    }
  }

  await desktop.close();
  await phone.close();
  return stats;
}

/** The pages to photograph, as [name, page]: the shallowest of each kind (in a program, the
 *  program home and the first journal's pages) and the longest session page. */
export function screenshotPages(root, pages) {
  const pick = (name) => pages.filter((p) => p === name || p.endsWith(`/${name}`))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
  const sessions = pages.filter((p) => /(^|\/)sessions\/.+\.html$/.test(p));
  const session = sessions.sort((a, b) => statSync(join(root, b)).size - statSync(join(root, a)).size)[0];
  return [['home', 'index.html'], ['timeline', pick('timeline.html')], ['goals', pick('goals.html')],
    ['session', session], ['commitments', pick('commitments.html')]].filter(([, p]) => p && pages.includes(p));
}

/** A word to search for and the session page it must find: a long word from the note of
 *  the first session under the search page's folder (from its title when the search page
 *  has no sessions/ of its own, as a program's search covers titles). */
export function searchProbe(root, searchPage) {
  const dir = searchPage.includes('/') ? searchPage.slice(0, searchPage.lastIndexOf('/') + 1) : '';
  const own = readdirRecursive(root, `${dir}sessions`);
  const sessions = own.length ? own : readdirRecursive(root, dir).filter((p) => /(^|\/)sessions\//.test(p));
  for (const session of sessions) {
    const html = readFileSync(join(root, session), 'utf8');
    const title = (html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] || '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
    const note = own.length ? (html.match(/<div class="note">([\s\S]*?)<\/div>\s*(<section|<nav)/)?.[1] || '') : title;
    const words = note.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 7).sort((a, b) => b.length - a.length);
    if (words.length && title) return { session, word: words[0].toLowerCase(), title: title.replace(/ (upcoming|draft|private)$/, '') };
  }
  return null;
}

function readdirRecursive(root, dir) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  const out = [];
  const go = (rel) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) go(r);
      else if (/\.html$/.test(e.name)) out.push(r);
    }
  };
  go(dir.replace(/\/$/, ''));
  return out.sort();
}

const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
