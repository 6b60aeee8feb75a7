/** The built-in scenarios, validated when loaded (a broken built-in is a bug the tests catch). */
import inferenceGambit from './inference-gambit.json';
import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

const RAW: readonly unknown[] = [inferenceGambit];

export interface BuiltInScenario {
  scenario: Scenario;
  hash: string;
}

let cache: BuiltInScenario[] | null = null;

export function builtInScenarios(): BuiltInScenario[] {
  if (!cache) {
    cache = RAW.map((raw) => {
      const result = parseScenario(raw);
      if (!result.ok) throw new Error(`Built-in scenario is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      return { scenario: result.scenario, hash: result.hash };
    });
  }
  return cache;
}

export function findBuiltInScenario(id: string): BuiltInScenario | undefined {
  return builtInScenarios().find((s) => s.scenario.id === id);
}
