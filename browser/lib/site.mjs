// Walking a built site and reading its HTML without a parser library: mentorlog writes
// regular HTML (quoted attributes, no `>` inside tags outside attribute values), and the
// Nu HTML Checker proves every page well-formed in the same run.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `root`, as sorted '/'-separated paths relative to it. Hidden files skipped. */
export function walk(root) {
  const out = [];
  const go = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) go(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  go(root);
  return out.sort();
}

/** The HTML pages of a site: index.html first, then the rest in sorted order. */
export function htmlPages(root) {
  const pages = walk(root).filter((p) => /\.html?$/i.test(p));
  return [...pages.filter((p) => p === 'index.html'), ...pages.filter((p) => p !== 'index.html')];
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references mentorlog's output uses in attribute values and text. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** The start tags of an HTML document: [{ name, attrs: {name: value}, line }]. Comments,
 *  and the contents of script and style elements, are skipped. */
export function startTags(html) {
  const tags = [];
  const re = /<!--[\s\S]*?-->|<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>|<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m;
  let line = 1;
  let at = 0;
  while ((m = re.exec(html))) {
    for (; at < m.index; at++) if (html.charCodeAt(at) === 10) line++;
    if (m[0].startsWith('<!--')) continue;
    const name = (m[1] || m[3]).toLowerCase();
    tags.push({ name, attrs: parseAttrs(m[1] ? m[2] : m[4]), line });
  }
  return tags;
}

function parseAttrs(text) {
  const attrs = {};
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m;
  while ((m = re.exec(text))) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    attrs[m[1].toLowerCase()] = decodeEntities(value);
  }
  return attrs;
}
