/**
 * Calibration (DESIGN §6): plays the baseline world and compares what the model produces with the public figures it
 * is calibrated to. The baseline is fixed so the result is reproducible: `inference-gambit` (2024–2030) and
 * `power-crunch` (2026–2032), seed 42, the player playing `hybrid` (LPUs for inference and GPUs for training, so
 * neither side of the market is left to the rivals alone). `tpw calibrate` prints it; a test keeps it all ok.
 */
import { autoplay } from './autoplay';
import { chipsFacilityMw } from './capacity';
import { deploymentOps } from './deploymentOps';
import type { Scenario } from './scenario/schema';
import type { ChipModel, GameState, Site, Tier } from './state';
import { playerStrategy } from './strategies';
import { HOURS_PER_QUARTER, JOULES_PER_MWH, SECONDS_PER_QUARTER, TOKENS_PER_MTOK } from './units';

export const CALIBRATION_BASELINE = { scenarioId: 'inference-gambit', powerScenarioId: 'power-crunch', seed: 42, strategy: 'hybrid' } as const;

/** How `model` is compared with `target`: within ± tolerance, or at least / at most target − / + tolerance. */
export type CalibrationCheck = 'within' | 'atLeast' | 'atMost';

export interface CalibrationFigure {
  figure: string;
  target: number;
  model: number;
  tolerance: number;
  ok: boolean;
  check: CalibrationCheck;
  unit: string;
  source: string;
}

/** Per-quarter world figures the history does not keep (sampled after every endTurn). */
interface WorldSample {
  turn: number;
  inferenceComputeShare: number;
  midRefPricePerMTokUsd: number;
  hbmDemandOverSupply: number;
  incumbentPackagingShare: number;
  vendorRevenueUsd: number;
  vendorGrossMargin: number;
  /** Energy per token over every company's inference deployments (J). */
  worldJoulesPerToken: number;
  /** Mean spot price and interconnection wait over the sites (USD/MWh, quarters). */
  meanSpotUsdPerMwh: number;
  meanQueueQuarters: number;
}

export function sampleWorld(state: GameState): WorldSample {
  let inferenceMw = 0;
  let allMw = 0;
  let energyMwh = 0;
  let tokens = 0;
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    const mw = chipsFacilityMw(state, d.chipId, d.count, d.siteId);
    allMw += mw;
    if (d.workload !== 'training') {
      inferenceMw += mw;
      const ops = deploymentOps(state, id);
      energyMwh += ops.energyMwh;
      tokens += ops.servedTokens;
    }
  }
  const supply = state.supply;
  const vendorId = supply?.incumbentCompanyId;
  const vendor = vendorId ? state.history.at(-1)?.companies[vendorId] : undefined;
  let spot = 0;
  let queue = 0;
  for (const id of state.sites.ids) {
    const site: Site = state.sites.byId[id]!;
    spot += site.spotPriceUsdPerMwh;
    queue += site.queueQuarters;
  }
  const sites = Math.max(1, state.sites.ids.length);
  return {
    turn: state.turn,
    inferenceComputeShare: allMw > 0 ? inferenceMw / allMw : 0,
    midRefPricePerMTokUsd: state.tiers.mid.refPricePerMTokUsd,
    hbmDemandOverSupply: supply && supply.last.hbmSupplyGb > 0 ? supply.last.hbmDemandGb / supply.last.hbmSupplyGb : 0,
    incumbentPackagingShare: supply && supply.last.packagingCapacityWafers > 0 ? supply.last.incumbentPackagingWafers / supply.last.packagingCapacityWafers : 0,
    vendorRevenueUsd: vendor?.revenueUsd ?? 0,
    vendorGrossMargin: vendor?.grossMarginPct ?? 0,
    worldJoulesPerToken: tokens > 0 ? (energyMwh * JOULES_PER_MWH) / tokens : 0,
    meanSpotUsdPerMwh: spot / sites,
    meanQueueQuarters: queue / sites,
  };
}

/** Plays a scenario with the baseline strategy and returns one sample per quarter (index = completed turns − 1). */
export function sampleBaseline(scenario: Scenario, seed: number = CALIBRATION_BASELINE.seed): WorldSample[] {
  const strategy = playerStrategy(CALIBRATION_BASELINE.strategy)!;
  const samples: WorldSample[] = [];
  autoplay(scenario, seed, strategy, { onTurn: (s) => samples.push(sampleWorld(s)) });
  return samples;
}

/** Full cost of running one chip on a tier for a quarter at full load (USD), and the tokens it serves. */
function chipQuarter(chip: ChipModel, tier: Tier, site: Site, facilityOpexUsdPerMwQuarter: number, chipOpexPct: number): { usd: number; tokens: number; joulesPerToken: number } {
  const facilityMw = (chip.powerW / 1e6) * site.pue;
  const tokens = chip.inferenceTokensPerSec[tier.id] * SECONDS_PER_QUARTER;
  // Chips depreciate over their useful life; buildings over 15 years (60 quarters).
  const usd = chip.unitPriceUsd / chip.usefulLifeQuarters + chip.unitPriceUsd * chipOpexPct + facilityMw * (site.capexUsdPerMw / 60 + facilityOpexUsdPerMwQuarter + HOURS_PER_QUARTER * site.basePowerPriceUsdPerMwh);
  return { usd, tokens, joulesPerToken: (facilityMw * 1e6 * SECONDS_PER_QUARTER) / tokens };
}

/** LPU vs GPU on the mid (70B) tier at the same site, full load, at the start of the scenario. */
export function lpuVersusGpu(state: GameState, siteId = 'texas'): { energyRatio: number; costRatio: number } {
  const chips = state.chips.ids.map((id) => state.chips.byId[id]!).filter((c) => c.availableFromTurn === 0 && c.designFrom === null);
  const gpu = chips.find((c) => c.kind === 'hbm-gpu' && c.source === 'incumbent');
  const lpu = chips.find((c) => c.kind === 'sram-lpu' && c.ownerCompanyId === state.playerId) ?? chips.find((c) => c.kind === 'sram-lpu');
  const site = state.sites.byId[siteId] ?? state.sites.byId[state.sites.ids[0]!]!;
  if (!gpu || !lpu) return { energyRatio: 0, costRatio: 0 };
  const f = state.finance;
  const g = chipQuarter(gpu, state.tiers.mid, site, f.facilityOpexUsdPerMwQuarter, f.chipOpexPerQuarterPct);
  const l = chipQuarter(lpu, state.tiers.mid, site, f.facilityOpexUsdPerMwQuarter, f.chipOpexPerQuarterPct);
  const perMTok = (x: { usd: number; tokens: number }) => x.usd / (x.tokens / TOKENS_PER_MTOK);
  return { energyRatio: g.joulesPerToken / l.joulesPerToken, costRatio: perMTok(g) / perMTok(l) };
}

function figure(figure: string, model: number, target: number, tolerance: number, check: CalibrationCheck, unit: string, source: string): CalibrationFigure {
  const ok = check === 'within' ? Math.abs(model - target) <= tolerance : check === 'atLeast' ? model >= target - tolerance : model <= target + tolerance;
  return { figure, target, model: Math.round(model * 1e4) / 1e4, tolerance, ok, check, unit, source };
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
/** Samples of the quarters of scenario year `year` (1 = the first four turns). */
const yearOf = (samples: readonly WorldSample[], year: number) => samples.slice((year - 1) * 4, year * 4);

export interface CalibrationInput {
  baseline: Scenario;
  powerCrunch: Scenario;
  /** The baseline's state at turn 0 (for the chip comparison). */
  start: GameState;
}

/** Every figure, model vs target. Pure: the same scenarios give the same figures. */
export function calibrate(input: CalibrationInput): CalibrationFigure[] {
  const base = sampleBaseline(input.baseline);
  const crunch = sampleBaseline(input.powerCrunch);
  const y1 = yearOf(base, 1);
  const chips = lpuVersusGpu(input.start);
  const startPrice = input.start.tiers.mid.refPricePerMTokUsd;
  const jPerToken = (turn: number) => base[turn - 1]?.worldJoulesPerToken ?? 0;
  return [
    figure('Inference share of AI compute, end of 2024', base[3]!.inferenceComputeShare, 0.45, 0.1, 'within', 'share of accelerator MW', 'DESIGN §6: ~1/3 (2023), ~1/2 (2025)'),
    figure('Inference share of AI compute, end of 2026', base[11]!.inferenceComputeShare, 0.67, 0.1, 'within', 'share of accelerator MW', 'DESIGN §6: ~2/3 (2026)'),
    figure('Reference 70B token price decline over 2024', startPrice / y1[3]!.midRefPricePerMTokUsd, 10, 4, 'within', 'x per year', 'a16z LLMflation: −10x/yr at constant capability'),
    figure('HBM demand ÷ supply, lowest quarter 2024–25', Math.min(...base.slice(0, 8).map((s) => s.hbmDemandOverSupply)), 1, 0, 'atLeast', 'ratio', 'HBM sold out through 2025'),
    figure("Incumbent's share of advanced packaging, 2024–25", mean(base.slice(0, 8).map((s) => s.incumbentPackagingShare)), 0.63, 0.05, 'within', 'share of CoWoS wafers', 'DESIGN §6: incumbent ~63%'),
    figure('Incumbent gross margin, 2024', mean(y1.map((s) => s.vendorGrossMargin)), 0.735, 0.035, 'within', 'share of revenue', 'FY2025: ~73–75%'),
    figure('Incumbent revenue, 2024', mean(y1.map((s) => s.vendorRevenueUsd)) * 4 / 1e9, 115, 30, 'within', 'USD billions a year', 'FY2025 data-center revenue $115B'),
    figure('Incumbent revenue, 2030, per quarter', mean(yearOf(base, 7).map((s) => s.vendorRevenueUsd)) / 1e9, 120, 0, 'atMost', 'USD billions a quarter', 'sanity bound: at most ~2x the 2026 consensus (~$75B a quarter)'),
    figure('Energy per token, world inference, 2030 vs 2024', jPerToken(4) / Math.max(1e-12, jPerToken(28)), 1, 19, 'atMost', 'x lower', 'hardware and software gains: well under 20x in six years'),
    figure('LPU vs GPU energy per 70B token', chips.energyRatio, 3, 0.75, 'within', 'x less energy', 'Groq interview: ~3x less energy per token'),
    figure('LPU vs GPU cost per million 70B tokens', chips.costRatio, 5, 2, 'atLeast', 'x cheaper', 'Groq interview: >5x lower inference cost'),
    figure('Power crunch: spot power price, year 4 vs year 1', mean(yearOf(crunch, 4).map((s) => s.meanSpotUsdPerMwh)) / mean(yearOf(crunch, 1).map((s) => s.meanSpotUsdPerMwh)), 1.3, 0, 'atLeast', 'ratio', 'DESIGN §1.8: prices climb by year 3–4'),
    figure('Power crunch: interconnection wait, year 4 vs year 1', mean(yearOf(crunch, 4).map((s) => s.meanQueueQuarters)) / Math.max(0.01, mean(yearOf(crunch, 1).map((s) => s.meanQueueQuarters))), 1.3, 0, 'atLeast', 'ratio', 'US queue wait 3 → 5 years'),
  ];
}
