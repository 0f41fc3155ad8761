// Internal references of a built site, checked on disk: every link, image, stylesheet,
// script and #fragment in every HTML page, and every url()/@import in every stylesheet,
// must name a file of the site (not a folder: mentorlog's links name files, so the site
// works from disk) and, with a fragment, an element with that id on the target page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntities, startTags, walk } from './site.mjs';

const REF_ATTRS = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  track: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  form: ['action'],
};

const BASE = 'http://site.invalid/';
const isExternal = (ref) => /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//');

/** Checks `root`. Returns { checked, external, problems: [{ file, line, ref, why }] }. */
export function checkLinks(root) {
  const files = walk(root);
  const html = files.filter((f) => /\.html?$/i.test(f));
  const css = files.filter((f) => /\.css$/i.test(f));
  const ids = new Map(); // page path -> Set of ids, filled lazily
  const tagsOf = new Map();
  const tags = (page) => {
    if (!tagsOf.has(page)) tagsOf.set(page, startTags(readFileSync(join(root, page), 'utf8')));
    return tagsOf.get(page);
  };
  const idsOf = (page) => {
    if (!ids.has(page)) {
      const set = new Set();
      for (const t of tags(page)) {
        if (t.attrs.id) set.add(t.attrs.id);
        if (t.name === 'a' && t.attrs.name) set.add(t.attrs.name);
      }
      ids.set(page, set);
    }
    return ids.get(page);
  };

  const result = { checked: 0, external: 0, problems: [] };
  const check = (from, line, ref) => {
    ref = ref.trim();
    if (ref === '') {
      result.problems.push({ file: from, line, ref, why: 'empty reference' });
      return;
    }
    if (isExternal(ref)) {
      result.external++;
      return;
    }
    result.checked++;
    let url;
    try {
      url = new URL(ref, BASE + from.split('/').map(encodeURIComponent).join('/'));
    } catch {
      result.problems.push({ file: from, line, ref, why: 'not a valid URL' });
      return;
    }
    let target;
    try {
      target = decodeURIComponent(url.pathname).slice(1);
    } catch {
      result.problems.push({ file: from, line, ref, why: 'bad percent-encoding' });
      return;
    }
    if (url.host !== 'site.invalid') {
      result.problems.push({ file: from, line, ref, why: 'climbs above the site root' });
      return;
    }
    const onDisk = join(root, target);
    if (target === '' || (existsSync(onDisk) && statSync(onDisk).isDirectory())) {
      result.problems.push({ file: from, line, ref, why: 'names a folder, which does not open from disk' });
      return;
    }
    if (!existsSync(onDisk)) {
      result.problems.push({ file: from, line, ref, why: `no such file: ${target}` });
      return;
    }
    const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
    if (fragment && fragment !== 'top' && /\.html?$/i.test(target) && !idsOf(target).has(fragment)) {
      result.problems.push({ file: from, line, ref, why: `no element with id "${fragment}" in ${target}` });
    }
  };

  for (const page of html) {
    for (const t of tags(page)) {
      for (const attr of REF_ATTRS[t.name] || []) {
        const value = t.attrs[attr];
        if (value === undefined) continue;
        if (attr === 'srcset') {
          for (const part of value.split(',')) {
            const ref = part.trim().split(/\s+/)[0];
            if (ref) check(page, t.line, ref);
          }
        } else if (!(t.name === 'a' && value === '#')) {
          check(page, t.line, value);
        }
      }
    }
    // A page's own inline CSS (404.html carries its stylesheet inline).
    const text = readFileSync(join(root, page), 'utf8');
    for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
      for (const ref of cssRefs(m[1])) check(page, lineAt(text, m.index), decodeEntities(ref));
    }
  }
  for (const sheet of css) {
    const text = readFileSync(join(root, sheet), 'utf8');
    for (const ref of cssRefs(text)) check(sheet, 0, ref);
  }
  return result;
}

function cssRefs(text) {
  const refs = [];
  const plain = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of plain.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)) {
    const ref = m[1] ?? m[2] ?? m[3];
    if (!ref.startsWith('data:') && !ref.startsWith('#')) refs.push(ref);
  }
  for (const m of plain.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) refs.push(m[1] ?? m[2]);
  return refs;
}

function lineAt(text, index) {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
