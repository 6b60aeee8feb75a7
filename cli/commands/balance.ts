/**
 * `tpw balance --seeds <n> [--json]`: every built-in scenario × every built-in player strategy over seeds 1..n →
 * win rate and median final enterprise value. Games run in worker threads on all cores (DESIGN §4), progress on
 * stderr. Exit 0 when the table holds (every scenario winnable by some strategy, none wins every scenario), else 1.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { PLAYER_STRATEGIES, builtInScenarios, formatPct, formatUsd } from '../../engine';
import { BALANCE_WIN_RATE, balanceTable, balanceVerdict, type BalanceCell, type GameResult } from '../../engine/balance';
import { CliError, EXIT } from '../errors';
import { formatTable } from '../table';
import type { BalanceJob } from './balanceWorker';

export async function balanceCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { seeds: { type: 'string', default: '50' }, scenario: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new CliError(`balance takes no positional arguments (got "${positionals[0]}")`);
  const seeds = /^\d+$/.test(values.seeds) ? Number(values.seeds) : NaN;
  if (!Number.isSafeInteger(seeds) || seeds < 1 || seeds > 10_000) throw new CliError(`--seeds must be an integer from 1 to 10000 (got "${values.seeds}")`);
  const known = builtInScenarios().map((s) => s.scenario.id);
  const scenarioIds = values.scenario ?? known;
  for (const id of scenarioIds) if (!known.includes(id)) throw new CliError(`unknown scenario "${id}" (built-in: ${known.join(', ')})`);
  const strategies = Object.keys(PLAYER_STRATEGIES);

  const jobs: BalanceJob[] = [];
  for (const scenarioId of scenarioIds) for (const strategy of strategies) for (let seed = 1; seed <= seeds; seed++) jobs.push({ scenarioId, strategy, seed });
  const results = await runInWorkers(jobs);
  const cells = balanceTable(results, scenarioIds, strategies);
  const verdict = balanceVerdict(cells);
  if (values.json) process.stdout.write(JSON.stringify({ seeds, winRateThreshold: BALANCE_WIN_RATE, cells, verdict }) + '\n');
  else process.stdout.write(`${renderTable(cells, scenarioIds, strategies)}\n${describeVerdict(verdict)}\n`);
  return verdict.ok ? EXIT.ok : EXIT.verifyFailed;
}

/** Longest games first would balance better, but order is kept simple: a queue each idle worker pulls from. */
async function runInWorkers(jobs: readonly BalanceJob[]): Promise<GameResult[]> {
  const results: GameResult[] = [];
  const workerCount = Math.max(1, Math.min(availableParallelism(), jobs.length));
  let next = 0;
  let done = 0;
  const started = Date.now();
  const progress = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stderr.write(`\rbalance: ${done}/${jobs.length} games on ${workerCount} worker(s), ${seconds}s`);
  };
  await Promise.all(
    Array.from({ length: workerCount }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = startWorker();
        const feed = () => worker.postMessage(next < jobs.length ? jobs[next++]! : null);
        worker.on('message', (result: GameResult) => {
          results.push(result);
          done++;
          progress();
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`balance worker exited with code ${code}`))));
        feed();
      }),
    ),
  );
  process.stderr.write('\n');
  return results;
}

/**
 * The worker module is TypeScript run through tsx (`npm run tpw`); tsx's loader does not follow into worker threads,
 * so the worker registers it first and then imports the module.
 */
function startWorker(): Worker {
  const url = new URL('./balanceWorker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { eval: true });
}

function renderTable(cells: readonly BalanceCell[], scenarioIds: readonly string[], strategies: readonly string[]): string {
  const columns = [{ header: 'scenario', align: 'left' as const }, ...strategies.map((s) => ({ header: s }))];
  const rows = scenarioIds.map((id) => [
    id,
    ...strategies.map((s) => {
      const c = cells.find((x) => x.scenarioId === id && x.strategy === s)!;
      return `${formatPct(c.winRate, 0)} ${formatUsd(c.medianEnterpriseValueUsd)}`;
    }),
  ]);
  return `win rate and median final enterprise value per scenario × strategy (${cells[0]?.games ?? 0} seeds each)\n${formatTable(columns, rows)}`;
}

function describeVerdict(v: ReturnType<typeof balanceVerdict>): string {
  if (v.ok) return `balanced: every scenario is won (≥ ${formatPct(BALANCE_WIN_RATE, 0)} of seeds) by some strategy, and no strategy wins them all`;
  const parts: string[] = [];
  if (v.unwinnable.length) parts.push(`no strategy wins ${v.unwinnable.join(', ')}`);
  if (v.dominant.length) parts.push(`${v.dominant.join(', ')} win(s) every scenario`);
  return `NOT balanced: ${parts.join('; ')}`;
}
