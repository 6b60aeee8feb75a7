/** `tpw calibrate` and `tpw balance` end to end (the real command; balance on one scenario and one seed). */
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, tpw } from './runTpw';

describe('tpw calibrate', () => {
  it('--json prints one array of {figure, target, model, tolerance, ok}, all ok, and exits 0', async () => {
    const run = await tpw('calibrate', '--json');
    expect(run.code).toBe(0);
    const figures = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(figures.length).toBeGreaterThanOrEqual(10);
    for (const f of figures) {
      expect(Object.keys(f).sort()).toEqual(['figure', 'model', 'ok', 'target', 'tolerance']);
      expect(f.ok).toBe(true);
    }
  });
});

describe('tpw balance', () => {
  it('plays in worker threads and prints the table; one scenario alone cannot hold it (exit 1)', async () => {
    const run = await tpw('balance', '--seeds', '1', '--scenario', 'first-tokens', '--json');
    const out = JSON.parse(run.stdout) as { seeds: number; cells: { scenarioId: string; strategy: string; games: number; winRate: number }[]; verdict: { ok: boolean; dominant: string[] } };
    expect(out.seeds).toBe(1);
    expect(out.cells.map((c) => c.strategy)).toEqual(['inference-first', 'training-first', 'hybrid', 'kingdom', 'power-first']);
    expect(out.cells.every((c) => c.games === 1 && c.scenarioId === 'first-tokens')).toBe(true);
    expect(out.verdict.dominant).toContain('inference-first');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('balance: 5/5 games');
  });

  it('refuses a bad seed count or an unknown scenario with exit 2 and one line', async () => {
    const [seeds, scenario] = await Promise.all([tpw('balance', '--seeds', '0'), tpw('balance', '--seeds', '1', '--scenario', 'atlantis')]);
    expect(seeds.code).toBe(2);
    expect(seeds.stderr).toContain('--seeds must be an integer from 1 to 10000');
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('unknown scenario "atlantis"');
    expectNoStackTrace(seeds);
    expectNoStackTrace(scenario);
  });
});
