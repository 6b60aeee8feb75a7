import { describe, expect, it } from 'vitest';
import { createGame, findBuiltInScenario } from '../../engine';
import { CALIBRATION_BASELINE, calibrate, lpuVersusGpu } from '../../engine/calibration';

const baseline = findBuiltInScenario(CALIBRATION_BASELINE.scenarioId)!.scenario;
const powerCrunch = findBuiltInScenario(CALIBRATION_BASELINE.powerScenarioId)!.scenario;

describe('calibration (DESIGN §6)', () => {
  const figures = calibrate({ baseline, powerCrunch, start: createGame(baseline, CALIBRATION_BASELINE.seed) });

  it('covers the figures the issue names', () => {
    const names = figures.map((f) => f.figure).join('\n');
    for (const word of ['Inference share', 'token price decline', 'HBM demand', 'packaging', 'gross margin', 'LPU vs GPU energy', 'LPU vs GPU cost', 'spot power price', 'interconnection wait']) {
      expect(names).toContain(word);
    }
  });

  it.each(figures.map((f) => [f.figure, f] as const))('%s is within tolerance', (_name, f) => {
    expect({ figure: f.figure, model: f.model, ok: f.ok }).toEqual({ figure: f.figure, model: f.model, ok: true });
  });

  it('judges one-sided and two-sided checks against the tolerance', () => {
    for (const f of figures) {
      const expected = f.check === 'within' ? Math.abs(f.model - f.target) <= f.tolerance : f.check === 'atLeast' ? f.model >= f.target - f.tolerance : f.model <= f.target + f.tolerance;
      expect(f.ok, f.figure).toBe(expected);
    }
  });

  it('compares LPU and GPU at the same site, so a cheaper site does not change the ratio of energy', () => {
    const start = createGame(baseline, 1);
    expect(lpuVersusGpu(start, 'quebec').energyRatio).toBeCloseTo(lpuVersusGpu(start, 'texas').energyRatio, 6);
  });
});
