/** Runs the real `tpw` command (`node --import tsx cli/tpw.ts`, ~1 s each), at most a few at a time on small machines. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MAX_RUNNING = 3;
let running = 0;
const waiting: (() => void)[] = [];

export async function tpw(...args: string[]): Promise<Run> {
  if (running >= MAX_RUNNING) await new Promise<void>((go) => waiting.push(go));
  running += 1;
  try {
    return await new Promise((done) => {
      execFile(process.execPath, ['--import', 'tsx', 'cli/tpw.ts', ...args], { cwd: ROOT, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** No stack trace lines ("    at fn (file:line)") anywhere in the output. */
export function expectNoStackTrace(run: Run): void {
  expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
}
