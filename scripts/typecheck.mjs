// Type-checks each layer with its own lib/types: the engine sees neither DOM nor Node, the renderer no Node.
import { spawnSync } from 'node:child_process';

const projects = ['engine', 'cli', 'main', 'renderer', 'test'];
let failed = false;
for (const project of projects) {
  const result = spawnSync('npx', ['tsc', '-p', `${project}/tsconfig.json`], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`typecheck failed in ${project}/`);
    failed = true;
  }
}
if (failed) process.exit(1);
console.log(`typecheck ok: ${projects.join(', ')}`);
