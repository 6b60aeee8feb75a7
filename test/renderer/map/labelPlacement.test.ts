import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type LabelCandidate } from '../../../renderer/map/labelPlacement';

const label = (id: string, x: number, y: number, priority: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({
  id, x, y, radius: 5, width: 60, height: 12, priority, ...extra,
});

describe('placeLabels', () => {
  it('puts a lone label to the right of its marker, clear of it', () => {
    const sides = placeLabels([label('a', 100, 100, 1)]);
    expect(sides.get('a')).toBe('right');
    const box = labelBox(label('a', 100, 100, 1), 'right');
    expect(box.left).toBeGreaterThan(105);
    expect(box.top).toBe(94);
  });

  it('moves a lower-priority label aside, and hides it when no spot is free', () => {
    // b's right spot is taken by a's label; it goes left.
    expect(placeLabels([label('a', 100, 100, 2), label('b', 100, 108, 1)]).get('b')).not.toBe('right');
    // Packed markers: the important label is placed, the crowded ones hide.
    const crowd = [label('big', 100, 100, 10), ...[0, 1, 2, 3, 4, 5].map((i) => label(`s${i}`, 96 + i * 2, 98 + i, 1))];
    const sides = placeLabels(crowd);
    expect(sides.get('big')).not.toBeNull();
    expect([...sides.values()].filter((s) => s === null).length).toBeGreaterThanOrEqual(3); // 4 spots around 7 markers
  });

  it('spreads out as markers spread apart (zooming in shows more labels)', () => {
    const at = (spacing: number): number => {
      const candidates = [0, 1, 2, 3, 4].map((i) => label(`s${i}`, i * spacing, i * spacing * 0.3, 5 - i));
      return [...placeLabels(candidates).values()].filter((s) => s !== null).length;
    };
    expect(at(80)).toBe(5);
    expect(at(8)).toBeLessThan(at(80));
  });

  it('keeps labels off other markers but lets names without a marker be covered', () => {
    const marker = label('m', 140, 100, 1, { radius: 20 });
    expect(placeLabels([label('a', 100, 100, 2), marker]).get('a')).not.toBe('right');
    const region = label('r', 140, 100, 0, { obstacle: false, sides: ['center'] });
    expect(placeLabels([label('a', 100, 100, 2), region]).get('a')).toBe('right');
  });

  it('tries only the sides a label allows, and is deterministic for equal priorities', () => {
    expect(placeLabels([label('r', 0, 0, 1, { sides: ['center'] })]).get('r')).toBe('center');
    const twins = [label('b', 0, 0, 1), label('a', 0, 1, 1)];
    expect(placeLabels(twins)).toEqual(placeLabels([...twins].reverse()));
  });
});
