/** The one place that states the order in which systems run each quarter (DESIGN §1.2). */
import type { GameState } from '../state';
import { runEvents } from './events';
import { runSupply } from './supply';
import { runConstruction } from './construction';
import { runGrid } from './grid';
import { runPower } from './power';
import { runInferenceMarket } from './inferenceMarket';
import { runTrainingContracts } from './trainingContracts';
import { runTrainingMarket } from './trainingMarket';
import { runOperations } from './operations';
import { runRevenueShares } from './revenueShares';
import { runFinance } from './finance';
import { runCovenants } from './covenants';
import { runSentiment } from './sentiment';
import { runRivals } from './rivals';
import { runMetrics } from './metrics';
import { runOutcome } from './outcome';

export const SYSTEMS: readonly { name: string; run: (draft: GameState) => void }[] = [
  { name: 'events', run: runEvents },
  { name: 'supply deliveries', run: runSupply },
  { name: 'construction', run: runConstruction },
  { name: 'grid', run: runGrid },
  { name: 'power', run: runPower },
  { name: 'inference market', run: runInferenceMarket },
  { name: 'training contracts', run: runTrainingContracts },
  { name: 'training market', run: runTrainingMarket },
  { name: 'operations', run: runOperations },
  { name: 'revenue shares', run: runRevenueShares },
  { name: 'finance', run: runFinance },
  { name: 'covenants', run: runCovenants },
  { name: 'sentiment', run: runSentiment },
  { name: 'rivals', run: runRivals },
  { name: 'metrics', run: runMetrics },
  { name: 'outcome', run: runOutcome },
];
