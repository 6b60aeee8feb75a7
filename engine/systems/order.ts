/** The one place that states the order in which systems run each quarter (DESIGN §1.2). */
import type { GameState } from '../state';
import { runEvents } from './events';
import { runSupply } from './supply';
import { runConstruction } from './construction';
import { runPower } from './power';
import { runInferenceMarket } from './inferenceMarket';
import { runTrainingMarket } from './trainingMarket';
import { runOperations } from './operations';
import { runFinance } from './finance';
import { runRivals } from './rivals';
import { runMetrics } from './metrics';
import { runOutcome } from './outcome';

export const SYSTEMS: readonly { name: string; run: (draft: GameState) => void }[] = [
  { name: 'events', run: runEvents },
  { name: 'supply deliveries', run: runSupply },
  { name: 'construction', run: runConstruction },
  { name: 'power', run: runPower },
  { name: 'inference market', run: runInferenceMarket },
  { name: 'training market', run: runTrainingMarket },
  { name: 'operations', run: runOperations },
  { name: 'finance', run: runFinance },
  { name: 'rivals', run: runRivals },
  { name: 'metrics', run: runMetrics },
  { name: 'outcome', run: runOutcome },
];
