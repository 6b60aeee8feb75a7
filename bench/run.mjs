// `npm run bench [-- --json]`: the engine benchmark, then the save benchmark, with the same arguments. With --json each
// prints one JSON object as its last line; this prints them merged as one JSON object on its own last line.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const json = args.includes('--json');
const merged = {};
for (const bench of ['bench/engine.bench.ts', 'bench/saves.bench.ts']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', bench, ...args], { stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  if (json) Object.assign(merged, JSON.parse(run.stdout.trim().split('\n').at(-1)));
}
if (json) console.log(JSON.stringify(merged));
