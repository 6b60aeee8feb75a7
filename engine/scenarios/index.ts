/** The built-in scenarios, validated when loaded (a broken built-in is a bug the tests catch). */
import corneredResource from './cornered-resource.json';
import echoChamber from './echo-chamber.json';
import efficiencyShock from './efficiency-shock.json';
import firstTokens from './first-tokens.json';
import inferenceGambit from './inference-gambit.json';
import kingdomDeal from './kingdom-deal.json';
import powerCrunch from './power-crunch.json';
import sandbox from './sandbox.json';
import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

/** In the order the scenario picker lists them (DESIGN §1.11): the tutorial first, the sandbox last. */
const RAW: readonly unknown[] = [firstTokens, inferenceGambit, corneredResource, powerCrunch, kingdomDeal, efficiencyShock, echoChamber, sandbox];

/** The scenario a new game starts on unless the player picks another. */
export const DEFAULT_SCENARIO_ID = 'inference-gambit';

export interface BuiltInScenario {
  scenario: Scenario;
  hash: string;
}

let cache: BuiltInScenario[] | null = null;

export function builtInScenarios(): BuiltInScenario[] {
  if (!cache) {
    cache = RAW.map((raw) => {
      const result = parseScenario(raw);
      if (!result.ok) throw new Error(`Built-in scenario ${String((raw as { id?: unknown }).id)} is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      return { scenario: result.scenario, hash: result.hash };
    });
  }
  return cache;
}

export function findBuiltInScenario(id: string): BuiltInScenario | undefined {
  return builtInScenarios().find((s) => s.scenario.id === id);
}
