import fs from 'node:fs';
import { readdir, readFile, truncate, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeFileSystem } from '../../../main/storage/fileSystem';
import { makeTempDir } from '../tempDir';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('nodeFileSystem.readTextFile', () => {
  it('reads UTF-8 text up to the limit and refuses one byte more', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'a.tpw');
    await writeFile(file, 'é'.repeat(8)); // 16 bytes
    expect(await nodeFileSystem.readTextFile(file, 16)).toEqual({ kind: 'text', text: 'é'.repeat(8) });
    expect(await nodeFileSystem.readTextFile(file, 15)).toEqual({ kind: 'tooLarge' });
  });

  it('refuses a huge file without reading it all', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'huge.tpw');
    await writeFile(file, '');
    await truncate(file, 64 * 1024 * 1024); // sparse: 64 MiB on paper
    expect(await nodeFileSystem.readTextFile(file, 1024)).toEqual({ kind: 'tooLarge' });
  });

  it('refuses bytes that are not UTF-8', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'binary.tpw');
    await writeFile(file, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(await nodeFileSystem.readTextFile(file, 1024)).toEqual({ kind: 'notUtf8' });
  });
});

describe('nodeFileSystem.writeTextFileAtomically', () => {
  it('replaces the file contents', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'save.tpw');
    await writeFile(file, 'old');
    await nodeFileSystem.writeTextFileAtomically(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('leaves the old file whole and no temp file behind when the final rename fails', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'save.tpw');
    await writeFile(file, 'the old, complete save');
    vi.spyOn(fs, 'rename').mockImplementation(((_from: string, _to: string, callback: (error: Error) => void) =>
      callback(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))) as unknown as typeof fs.rename);
    await expect(nodeFileSystem.writeTextFileAtomically(file, 'a new save that never lands')).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(file, 'utf8')).toBe('the old, complete save');
    expect(await readdir(dir)).toEqual(['save.tpw']);
  });
});

describe('nodeFileSystem helpers', () => {
  it('treat missing things as empty rather than errors', async () => {
    const dir = await makeTempDir();
    expect(await nodeFileSystem.stat(path.join(dir, 'nope'))).toBeUndefined();
    expect(await nodeFileSystem.listFileNames(path.join(dir, 'nope'))).toEqual([]);
    await expect(nodeFileSystem.removeFile(path.join(dir, 'nope'))).resolves.toBeUndefined();
    await nodeFileSystem.ensureDirectory(path.join(dir, 'a', 'b'));
    await mkdir(path.join(dir, 'a', 'b'), { recursive: true });
    expect(await nodeFileSystem.stat(path.join(dir, 'a', 'b'))).toMatchObject({ isFile: false });
  });
});
