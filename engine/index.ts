/** The engine's public API: everything renderer, main and cli may use. */
export { createGame, type GameOptions } from './createGame';
export { applyCommand, parseCommand, checkCommand, type ApplyResult } from './commands/apply';
export { CommandSchema, COMMAND_TYPES, type Command, type CommandType } from './commands/schema';
export type { CommandEvent } from './commands/handlers';
export { endTurn, computeStateHash } from './turn';
export { hashState, canonicalJson, hashString } from './hash';
export { parseScenario, scenarioHash, jsonPath, type ScenarioError, type ScenarioResult } from './scenario/load';
export { ScenarioSchema, type Scenario } from './scenario/schema';
export { builtInScenarios, findBuiltInScenario } from './scenarios';
export { PLAYER_STRATEGIES, playerStrategy, type Strategy } from './strategies';
export { quarterAt, quarterLabel, currentQuarter } from './quarter';
export { formatUsd, formatMw, formatCount, formatPct } from './format';
export { ENGINE_VERSION } from './version';
export * from './state';
export * from './save';
export { seedRng, nextFloat, type RngState } from './math/rng';
