#!/usr/bin/env node
// `mentorlog serve` against other websites, in real Chromium (issue 14, item 3).
//
// serve on 127.0.0.1 shows private notes and drafts: only the pair's own tab may read them.
// This starts `mentorlog serve JOURNAL` on a free port of 127.0.0.1, and a page of another
// local origin (another port of 127.0.0.1: `same-site` to the browser, not `cross-site`)
// that tries what any website the pair visits could: include the search index with
// <script src>, fetch pages and the search index (no-cors and cors), load pages in an
// iframe, and open the live-reload events stream. The page records what it could read;
// none of it may hold the journal's private or draft text. As a control, the served
// site's own page reads the same files and must find that text (so the canaries are real).
//
// Usage: node browser/cross-origin.mjs MENTORLOG_BINARY JOURNAL_DIR
// The journal must have private and draft text holding the CANARIES below (the example
// journal does). Exit: 0 nothing leaked, 1 something leaked, 2 bad usage or a tool failed.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { launch } from './lib/browser.mjs';

const CANARIES = ['Canary: the reorg rumour about Priya', 'Canary: salary band figures', 'Canary: draft thoughts'];

const [binary, journal] = process.argv.slice(2);
if (!binary || !journal) {
  console.error('usage: node browser/cross-origin.mjs MENTORLOG_BINARY JOURNAL_DIR');
  process.exit(2);
}

let serve = null;
let other = null;
let browser = null;
let problems = 0;
const fail = (what) => { problems++; console.log(`    ${what}`); };

try {
  serve = spawn(binary, ['serve', journal, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const target = await servedUrl(serve);
  const origin = target.replace(/\/$/, '');
  other = await attackerSite(origin);
  browser = await launch();
  const ctx = await browser.newContext();

  // Control: the site's own page reads its search index and the private page.
  const own = await ctx.newPage();
  await own.goto(`${origin}/`);
  const ownRead = await own.evaluate(async () => {
    const index = await (await fetch('/search-index.js')).text();
    const page = await (await fetch('/sessions/2026-05-28-frank-talk.html')).text();
    return index + page;
  });
  const control = CANARIES.filter((c) => ownRead.includes(c));
  if (control.length !== CANARIES.length) {
    console.log(`[ERR ] cross-origin: the served site itself lacks ${CANARIES.filter((c) => !control.includes(c)).join(', ')}: not a journal with the canaries`);
    process.exitCode = 2;
  } else {
    // The other origin's page.
    const page = await ctx.newPage();
    const responses = [];
    page.on('response', (r) => { if (r.url().startsWith(origin)) responses.push(`${r.status()} ${r.url().slice(origin.length)}`); });
    await page.goto(other.url);
    await page.waitForFunction(() => window.attack && window.attack.done, null, { timeout: 60000 });
    const read = await page.evaluate(() => window.attack);
    const text = JSON.stringify(read);
    for (const canary of CANARIES) {
      if (text.includes(canary)) fail(`the page of ${other.url} read \`${canary}\`: ${text.slice(0, 400)}`);
    }
    for (const [what, value] of Object.entries(read)) {
      console.log(`    ${what}: ${String(typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 120)}`);
    }
    if (!read.done) fail(`the page did not finish its attempts: ${text.slice(0, 400)}`);
    if (read.eventsOpened) fail('the events stream opened for another origin');
    if (read.scriptLoaded) fail('the search index ran as a script on another origin');
    if (read.globals && read.globals.length) fail(`the search index set globals on another origin: ${read.globals}`);
    const answered = responses.filter((r) => r.startsWith('200'));
    if (answered.length) fail(`serve answered another origin's requests: ${answered.join(', ')}`);
    console.log(problems
      ? `[FAIL] cross-origin: a page on ${other.url} read from serve at ${target}: ${problems} problem(s)`
      : `[ok  ] cross-origin: a page on ${other.url} read nothing of serve at ${target} (script, fetch no-cors/cors, iframe, events stream; ${responses.length} responses seen, none answered)`);
  }
} catch (e) {
  console.log(`[ERR ] cross-origin: ${e.stack || e}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
  if (other) await other.close();
  if (serve) serve.kill();
}
if (problems) process.exitCode = 1;

/** Resolves to the URL `mentorlog serve` prints once it answers. */
function servedUrl(child) {
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/ at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) ok(m[1]);
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => fail(new Error(`mentorlog serve ended (${code}) before serving:\n${out}${err}`)));
    child.on('error', fail);
  });
}

/** A site on another port of 127.0.0.1 whose one page tries to read what `origin` serves. */
function attackerSite(origin) {
  const html = `<!doctype html><html lang="en"><title>another site</title><body>
<iframe id="frame" src="${origin}/sessions/2026-05-28-frank-talk.html" title="x" onload="this.dataset.loaded=1"></iframe>
<script>
window.attack = { done: false };
const before = new Set(Object.keys(window));
// Every attempt below ends by itself (load, error, or rejection): no timers.
function script(src) {
  return new Promise((ok) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => ok(true);
    s.onerror = () => ok(false);
    document.head.append(s);
  });
}
async function tryFetch(url, mode) {
  try {
    const r = await fetch(url, { mode, credentials: 'include' });
    return r.type + ' ' + r.status + ' ' + (await r.text());
  } catch (e) {
    return 'rejected: ' + e.message;
  }
}
function events(url) {
  return new Promise((ok) => {
    const es = new EventSource(url);
    const got = [];
    es.onopen = () => { window.attack.eventsOpened = true; };
    es.onmessage = (e) => { got.push(e.data); es.close(); ok(got); };
    es.onerror = () => { es.close(); ok(got.concat(['error, readyState ' + es.readyState])); };
  });
}
function frame() {
  return new Promise((ok) => {
    const f = document.getElementById('frame');
    const read = () => { try { return f.contentDocument ? f.contentDocument.documentElement.outerHTML : 'no document'; } catch (e) { return 'blocked: ' + e.message; } };
    if (f.dataset.loaded) ok(read()); else f.addEventListener('load', () => ok(read()));
  });
}
(async () => {
  const a = window.attack;
  a.scriptLoaded = await script('${origin}/search-index.js');
  a.globals = Object.keys(window).filter((k) => !before.has(k) && k !== 'attack');
  a.globalValues = a.globals.map((k) => { try { return JSON.stringify(window[k]); } catch (e) { return String(e); } });
  a.searchIndexNoCors = await tryFetch('${origin}/search-index.js', 'no-cors');
  a.searchIndexCors = await tryFetch('${origin}/search-index.js', 'cors');
  a.privatePageNoCors = await tryFetch('${origin}/sessions/2026-05-28-frank-talk.html', 'no-cors');
  a.privatePageCors = await tryFetch('${origin}/sessions/2026-05-28-frank-talk.html', 'cors');
  a.journalJsonCors = await tryFetch('${origin}/journal.json', 'cors');
  a.draftPageCors = await tryFetch('${origin}/sessions/2026-11-19-notes-on-feedback.html', 'cors');
  a.events = await events('${origin}/__mentorlog/events');
  a.frame = await frame();
  a.done = true;
})();
</script></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' ? html : 'not found');
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({
      url: `http://127.0.0.1:${server.address().port}/`,
      close: () => new Promise((done) => { server.close(() => done()); server.closeAllConnections(); }),
    }));
  });
}
