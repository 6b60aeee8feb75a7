// Regenerates the golden saves with the CLI. Run ONLY when a rule change alters games on purpose, in the same
// commit as that change, and say why in the commit message (the golden test exists to catch accidental changes).
import { spawnSync } from 'node:child_process';

const golden = [
  { scenario: 'inference-gambit', seed: 42, strategy: 'inference-first', file: 'test/fixtures/golden/inference-gambit-42-inference-first.tpw' },
  { scenario: 'inference-gambit', seed: 7, strategy: 'hybrid', file: 'test/fixtures/golden/inference-gambit-7-hybrid.tpw' },
  // Revenue-share deals, their IRR bisection and the flip to the upside share.
  { scenario: 'inference-gambit', seed: 11, strategy: 'kingdom', file: 'test/fixtures/golden/inference-gambit-11-kingdom.tpw' },
];
for (const g of golden) {
  const args = ['tsx', 'cli/tpw.ts', 'sim', '--scenario', g.scenario, '--seed', String(g.seed), '--strategy', g.strategy, '--out', g.file, '--json'];
  const result = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`wrote ${g.file}`);
}
