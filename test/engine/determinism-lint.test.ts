/**
 * Belt and braces to the ESLint rules (DESIGN §1.1): scans the engine's source text, comments removed, for anything
 * that breaks determinism or purity — inexact or random Math, clocks, `**`, crypto, and Node/Electron/PixiJS imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE_DIR = fileURLToPath(new URL('../../engine', import.meta.url));

/** Math functions whose results differ across JS engines, plus Math.random. */
const INEXACT_MATH = 'random|pow|exp|expm1|log|log10|log2|log1p|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot';

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'inexact or random Math', pattern: new RegExp(String.raw`\bMath\s*(?:\.\s*(?:${INEXACT_MATH})\b|\[\s*['"\`](?:${INEXACT_MATH})['"\`]\s*\])`) },
  { name: 'Date.now', pattern: /\bDate\s*\.\s*now\b/ },
  { name: 'new Date', pattern: /\bnew\s+Date\b/ },
  { name: 'performance.now', pattern: /\bperformance\s*\.\s*now\b/ },
  { name: '** operator', pattern: /\*\*/ },
  { name: 'crypto', pattern: /\bcrypto\s*\./ },
];

/** Module specifiers the engine must never import: Node built-ins, the file system, Electron, PixiJS. */
function forbiddenModule(specifier: string): boolean {
  return /^(node:|fs$|fs\/|electron$|electron\/|pixi|@pixi\/)/.test(specifier);
}

/** Source text with every comment removed (the TypeScript printer keeps strings, templates and regexes intact). */
function stripComments(source: string, fileName = 'file.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(file);
}

/** Every determinism or purity violation in one file's source, as "rule: line". */
function findViolations(source: string, fileName = 'file.ts'): string[] {
  const code = stripComments(source, fileName);
  const found: string[] = [];
  code.split('\n').forEach((line) => {
    for (const rule of RULES) if (rule.pattern.test(line)) found.push(`${rule.name}: ${line.trim()}`);
    const imports = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
    for (const m of line.matchAll(imports)) if (forbiddenModule(m[1]!)) found.push(`import of ${m[1]}: ${line.trim()}`);
  });
  return found;
}

function engineFiles(): string[] {
  return (readdirSync(ENGINE_DIR, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ENGINE_DIR, f))
    .sort();
}

describe('determinism lint', () => {
  it('finds the engine sources', () => {
    const files = engineFiles().map((f) => relative(ENGINE_DIR, f).replaceAll('\\', '/'));
    expect(files).toContain('turn.ts');
    expect(files).toContain('systems/power.ts');
    expect(files).toContain('math/index.ts');
  });

  it('no engine file uses randomness, clocks, inexact Math, **, crypto, or Node/Electron/PixiJS', () => {
    const violations: string[] = [];
    for (const file of engineFiles()) {
      for (const v of findViolations(readFileSync(file, 'utf8'), file)) violations.push(`${relative(ENGINE_DIR, file)}: ${v}`);
    }
    expect(violations).toEqual([]);
  });

  describe('the scanner itself', () => {
    it.each([
      ['Math.random()', 'inexact or random Math'],
      ['const y = Math.pow(2, x);', 'inexact or random Math'],
      ['Math.exp(x)', 'inexact or random Math'],
      ['Math . log(x)', 'inexact or random Math'],
      ['Math.log10(x)', 'inexact or random Math'],
      ['Math.sin(a) + Math.cos(a)', 'inexact or random Math'],
      ['Math.tan(a)', 'inexact or random Math'],
      ["Math['random']()", 'inexact or random Math'],
      ['const t = Date.now();', 'Date.now'],
      ['const d = new Date();', 'new Date'],
      ['performance.now()', 'performance.now'],
      ['const y = x ** 2;', '** operator'],
      ['x **= 2;', '** operator'],
      ['crypto.getRandomValues(buf)', 'crypto'],
      ["import { readFileSync } from 'node:fs';", 'import of node:fs'],
      ["import fs from 'fs';", 'import of fs'],
      ["import { ipcRenderer } from 'electron';", 'import of electron'],
      ["import { Sprite } from 'pixi.js';", 'import of pixi.js'],
      ["const m = await import('node:path');", 'import of node:path'],
      ["const fs = require('fs');", 'import of fs'],
    ])('flags %s', (source, rule) => {
      const found = findViolations(source);
      expect(found.some((f) => f.startsWith(rule))).toBe(true);
    });

    it.each([
      '// Math.random() would break replays',
      '/** Uses pow, not Math.pow(x, y); 2 ** 3 = 8; new Date is banned. */\nexport const x = 1;',
      '/* performance.now() */ const a = 1;',
      'const r = Math.sqrt(x) + Math.floor(y) * Math.max(a, b) + Math.round(z) + Math.abs(w);',
      'const p = a * b * c;',
      "import { pow } from '../math';",
      "import { x } from './fs-helpers';",
      "import data from './inference-gambit.json';",
      'const label = `${a}/${b}`; // divide',
      'const re = /["\\\\]/; const s = "a // not a comment";',
      'const logistic = mathLog(x); const explain = 1;',
    ])('does not flag %s', (source) => {
      expect(findViolations(source)).toEqual([]);
    });
  });
});
