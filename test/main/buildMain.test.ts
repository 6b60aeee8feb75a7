import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from './tempDir';

const run = promisify(execFile);

describe('scripts/build-main.mjs', () => {
  it('bundles main and a self-contained sandboxed preload to CommonJS, with electron external', async () => {
    const outdir = await makeTempDir();
    await run(process.execPath, ['scripts/build-main.mjs', '--outdir', outdir], { cwd: path.resolve(__dirname, '../..') });
    const preload = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
    const main = await readFile(path.join(outdir, 'main.cjs'), 'utf8');
    const required = (code: string) => [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(required(preload))).toEqual(new Set(['electron'])); // sandboxed preloads can require nothing else
    expect(preload).toContain('exposeInMainWorld("tpw"');
    expect(preload).not.toMatch(/zod/i);
    expect(required(main)).toContain('electron');
    for (const id of required(main)) expect(id === 'electron' || /^(node:)?[a-z_]+(\/[a-z]+)?$/.test(id!), id).toBe(true); // only builtins besides electron
    expect(main).toContain('registerSchemesAsPrivileged');
  }, 60_000);
});
