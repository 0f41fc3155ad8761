// The Nu HTML Checker (vnu.jar from the npm package vnu-jar, run with the system's Java)
// over every HTML page, stylesheet and SVG file of a site: errors only, none allowed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { walk } from './site.mjs';

const require = createRequire(import.meta.url);
export const VNU_JAR = require('vnu-jar');

/** Resolves to { files, errors: [{ file, line, column, message }] }; rejects if Java fails. */
export function runVnu(root) {
  const files = walk(root).filter((f) => /\.(html?|css|svg)$/i.test(f));
  const args = ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json',
    '--also-check-css', '--also-check-svg', ...files.map((f) => join(root, f))];
  return new Promise((ok, fail) => {
    const child = spawn(process.env.JAVA || 'java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', fail);
    child.on('close', (code) => {
      let report;
      try {
        report = JSON.parse(out.slice(out.indexOf('{')));
      } catch {
        fail(new Error(`vnu.jar exited ${code} without a report:\n${out.slice(0, 2000)}`));
        return;
      }
      const errors = report.messages
        .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
        .map((m) => ({
          file: m.url ? relative(resolve(root), fileURLToPath(m.url.replace(/^file:(?!\/\/)/, 'file://'))) : '?',
          line: m.lastLine ?? m.firstLine ?? 0,
          column: m.firstColumn ?? m.lastColumn ?? 0,
          message: m.message,
        }));
      ok({ files: files.length, errors, version: report.version });
    });
  });
}
