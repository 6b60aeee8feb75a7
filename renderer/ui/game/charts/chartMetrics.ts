/** The metrics the charts and their table show, with units and formats (no uPlot here: this stays in the main chunk). */
import type { CompanyMetrics, GameState } from '../../../../engine/index';
import { formatJoulesPerToken, formatPct, formatPricePerMTok, formatUsd } from '../../format';

export interface ChartMetric {
  id: string;
  label: string;
  /** The value plotted; null = no data (e.g. no tokens served yet). */
  pick(m: CompanyMetrics): number | null;
  format(v: number): string;
  /** Log scale for figures that fall by orders of magnitude. */
  log: boolean;
}

export const CHART_METRICS: readonly ChartMetric[] = [
  { id: 'cash', label: 'Cash', pick: (m) => m.cashUsd, format: formatUsd, log: false },
  { id: 'revenue', label: 'Revenue', pick: (m) => m.revenueUsd, format: formatUsd, log: false },
  { id: 'margin', label: 'Gross margin', pick: (m) => (m.revenueUsd > 0 ? m.grossMarginPct : null), format: (v) => formatPct(v), log: false },
  { id: 'cost', label: 'Cost / M tokens', pick: (m) => (m.costPerMTokUsd > 0 ? m.costPerMTokUsd : null), format: formatPricePerMTok, log: true },
  { id: 'energy', label: 'Energy / token', pick: (m) => (m.joulesPerToken > 0 ? m.joulesPerToken : null), format: formatJoulesPerToken, log: true },
  { id: 'share', label: 'Inference share', pick: (m) => m.inferenceShare, format: (v) => formatPct(v), log: false },
];

/** The Compare screen also overlays enterprise value (DESIGN §2: the key metrics of each strategy). */
export const COMPARE_CHART_METRICS: readonly ChartMetric[] = [
  ...CHART_METRICS,
  { id: 'ev', label: 'Enterprise value', pick: (m) => m.enterpriseValueUsd, format: formatUsd, log: false },
];

export interface SeriesData {
  /** Turn numbers (1 = after the first quarter). */
  turns: number[];
  companies: { id: string; name: string; color: string; isPlayer: boolean; values: (number | null)[] }[];
}

/** Okabe–Ito, safe for the common colour-vision deficiencies; the player keeps the first (orange). */
const SAFE_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#ffffff'];

export function seriesFor(state: GameState, metric: ChartMetric, palette: 'default' | 'colorblind'): SeriesData {
  const turns = state.history.map((t) => t.turn);
  const ids = [state.playerId, ...state.companies.ids.filter((id) => id !== state.playerId)];
  return {
    turns,
    companies: ids.map((id, i) => {
      const c = state.companies.byId[id]!;
      return {
        id, name: c.name, isPlayer: c.isPlayer,
        color: palette === 'colorblind' ? SAFE_COLOURS[i % SAFE_COLOURS.length]! : c.color,
        values: state.history.map((t) => (t.companies[id] ? metric.pick(t.companies[id]!) : null)),
      };
    }),
  };
}
