import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../../engine/systems/order';

describe('SYSTEMS', () => {
  it('run in the order DESIGN §1.2 states', () => {
    expect(SYSTEMS.map((s) => s.name)).toEqual([
      'events',
      'supply deliveries',
      'construction',
      'grid',
      'power',
      'inference market',
      'training contracts',
      'training market',
      'operations',
      'revenue shares',
      'finance',
      'covenants',
      'sentiment',
      'rivals',
      'metrics',
      'outcome',
    ]);
  });

  it('are distinct functions', () => {
    expect(new Set(SYSTEMS.map((s) => s.run)).size).toBe(SYSTEMS.length);
  });
});
