import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../engine/index';
import { SCENARIO } from '../support/game';

/** The built-in scenario with one change to its JSON. */
function variant(change: (s: typeof SCENARIO) => void): unknown {
  const copy = JSON.parse(JSON.stringify(SCENARIO)) as typeof SCENARIO;
  change(copy);
  return copy;
}

describe('parseScenario: finance additions', () => {
  it('accepts the built-in scenario with its revenue-share partner, and a scenario without one', () => {
    expect(parseScenario(SCENARIO).ok).toBe(true);
    expect(parseScenario(variant((s) => { delete s.world.finance.revenueSharePartner; })).ok).toBe(true);
  });

  it('names an unknown partner region by path', () => {
    const result = parseScenario(variant((s) => { s.world.finance.revenueSharePartner!.regionIds = ['mea', 'atlantis']; }));
    expect(result).toEqual({ ok: false, errors: [{ path: '$.world.finance.revenueSharePartner.regionIds[1]', message: 'unknown region "atlantis"' }] });
  });

  it('checks the partner’s hurdle range', () => {
    const result = parseScenario(variant((s) => { s.world.finance.revenueSharePartner!.baseHurdleIrr = 0.5; }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe('$.world.finance.revenueSharePartner.baseHurdleIrr');
  });

  it('accepts a sentiment shock with a factor and rejects one without', () => {
    const shock = { id: 'crash', turn: 6, kind: 'sentimentShock' as const, title: 'Sentiment crash', explanation: 'Investors sour on AI.', factor: 0.7 };
    expect(parseScenario(variant((s) => { s.events.push(shock); })).ok).toBe(true);
    const { factor: _, ...noFactor } = shock;
    const result = parseScenario(variant((s) => { s.events.push(noFactor); }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ path: `$.events[${SCENARIO.events.length}].factor`, message: 'a sentiment shock names the factor it multiplies sentiment by' });
  });
});
