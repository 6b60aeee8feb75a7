/**
 * Investor sentiment (DESIGN §1.9): one market-wide index, 1 = neutral, kept in [0.5, 1.5], that equity rounds
 * multiply enterprise value by. A "beauty contest": investors buy what they expect other investors to like, so the
 * index keeps part of last quarter's move (momentum), drifts back toward neutral, takes a random shock from the
 * `market` stream every quarter, and jumps with the news (this quarter's events).
 */
import { formatPct } from '../format';
import { clamp, roundTo } from '../math';
import { nextNormal, type RngState } from '../math/rng';
import type { EventKind, GameState } from '../state';

export const SENTIMENT_MIN = 0.5;
export const SENTIMENT_MAX = 1.5;
/** Share of the gap to neutral (1) closed each quarter. */
export const SENTIMENT_REVERSION = 0.15;
/** Share of last quarter's change carried into this one. */
export const SENTIMENT_MOMENTUM = 0.35;
/** Standard deviation of the quarterly random shock (index points). */
export const SENTIMENT_NOISE = 0.05;
/** Index points each kind of event adds in its quarter; a sentiment shock instead multiplies the index by its factor. */
export const SENTIMENT_EVENT_EFFECT: Record<EventKind, number> = {
  // The DeepSeek moment: cheaper tokens read as "less compute needed", and AI stocks sold off.
  efficiencyShock: -0.15,
  demandBoom: 0.1,
  exportControls: -0.05,
  powerPriceSpike: -0.02,
  sentimentShock: 0,
  syntheticDataFlywheel: 0.05,
  hbmYieldCrisis: -0.03,
  // Investors learn part of the demand they priced in never existed.
  echoCollapse: -0.08,
  interestRateShock: -0.1,
  incumbentNewGeneration: 0.03,
  hyperscalerCapexBoom: 0.08,
};
/** Changes at least this large are reported even without news. */
const REPORT_CHANGE = 0.05;

export function runSentiment(draft: GameState): void {
  const markets = draft.capitalMarkets;
  const before = markets.sentiment;
  const rng = [...draft.rng['market']!] as RngState;
  const shock = SENTIMENT_NOISE * nextNormal(rng);
  draft.rng['market'] = rng;
  let next = before + SENTIMENT_REVERSION * (1 - before) + SENTIMENT_MOMENTUM * markets.sentimentChange + shock;
  const news: string[] = [];
  // Every event that fired this quarter, scheduled or random (engine/events/runWorldEvents.ts).
  for (const event of draft.eventLog) {
    if (event.turn !== draft.turn) continue;
    if (event.kind === 'sentimentShock') {
      next *= event.factor;
      news.push(`${event.title} ×${event.factor}`);
    } else if (SENTIMENT_EVENT_EFFECT[event.kind] !== 0) {
      next += SENTIMENT_EVENT_EFFECT[event.kind];
      news.push(`${event.title} ${SENTIMENT_EVENT_EFFECT[event.kind] > 0 ? '+' : ''}${SENTIMENT_EVENT_EFFECT[event.kind].toFixed(2)}`);
    }
  }
  next = roundTo(clamp(next, SENTIMENT_MIN, SENTIMENT_MAX), 4);
  markets.sentimentChange = roundTo(next - before, 4);
  markets.sentiment = next;
  if (news.length > 0 || Math.abs(markets.sentimentChange) >= REPORT_CHANGE) {
    const direction = markets.sentimentChange >= 0 ? 'rose' : 'fell';
    const why = news.length > 0 ? ` (${news.join('; ')})` : '';
    draft.report.push({
      companyId: null,
      kind: 'finance',
      text: `Investor sentiment ${direction} from ${before.toFixed(2)} to ${next.toFixed(2)}${why}: equity rounds now price at ${formatPct(next, 0)} of enterprise value.`,
    });
  }
}
