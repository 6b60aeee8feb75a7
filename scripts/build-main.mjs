// Bundles the Electron main process and the sandboxed preload to CommonJS in dist/main/ (package.json "main").
// `electron` stays external (provided by the runtime); everything else, zod included, is bundled in.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir'); // tests build into a temp folder
const outdir = outdirFlag === -1 ? path.join(root, 'dist/main') : path.resolve(process.argv[outdirFlag + 1]);
const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45's Node
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

try {
  await Promise.all([
    build({ ...shared, entryPoints: ['main/main.ts'], outfile: path.join(outdir, 'main.cjs') }),
    // The preload runs under sandbox: true, where require() only knows `electron`: it must be self-contained.
    build({ ...shared, entryPoints: ['main/preload.ts'], outfile: path.join(outdir, 'preload.cjs') }),
  ]);
  console.log(`built ${path.relative(root, outdir) || '.'}/main.cjs and preload.cjs`);
} catch {
  process.exit(1); // esbuild has already printed the errors
}
