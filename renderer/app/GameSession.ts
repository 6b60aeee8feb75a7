/**
 * One game being played: the engine state plus what Undo and saving need. Undo keeps the state at the start of the
 * turn and the commands accepted since; undoing replays all but the last (the engine is deterministic, so the
 * replay is exact). The completed turns' commands and hashes make the session record (sessionRecord.ts).
 */
import { applyCommand, createGame, endTurn, type ApplyResult, type Command, type GameState, type Scenario } from '../../engine/index';

export type SessionChange = 'command' | 'undo' | 'endTurn';
type Listener = (state: GameState, change: SessionChange) => void;

export class GameSession {
  private turnStart: GameState;
  private pending: Command[] = [];
  private listeners = new Set<Listener>();
  /** Commands of every completed turn, oldest first, and the state hash after each. */
  readonly completedTurns: Command[][] = [];
  readonly turnHashes: string[] = [];
  state: GameState;

  constructor(
    readonly scenario: Scenario,
    readonly scenarioHash: string,
    readonly seed: number,
    initial: GameState = createGame(scenario, seed),
  ) {
    this.state = initial;
    this.turnStart = initial;
  }

  /** A session continuing a saved game: `turnStart` is the state after its completed turns (already verified). */
  static resume(scenario: Scenario, scenarioHash: string, seed: number, turnStart: GameState, turns: readonly { commands: Command[]; hash: string }[]): GameSession {
    const session = new GameSession(scenario, scenarioHash, seed, turnStart);
    for (const turn of turns) {
      session.completedTurns.push(turn.commands);
      session.turnHashes.push(turn.hash);
    }
    return session;
  }

  /** The player's commands accepted this turn, oldest first. */
  get pendingCommands(): readonly Command[] {
    return this.pending;
  }

  get canUndo(): boolean {
    return this.pending.length > 0;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies a player command; a rejection changes nothing and carries the engine's reason. */
  dispatch(command: Command): ApplyResult {
    const result = applyCommand(this.state, command);
    if (result.ok) {
      this.pending.push(command);
      this.state = result.state;
      this.emit('command');
    }
    return result;
  }

  /** Takes back the last command of this turn; returns it, or null when there is nothing to undo. */
  undo(): Command | null {
    const last = this.pending.pop();
    if (!last) return null;
    let state = this.turnStart;
    for (const command of this.pending) {
      const replay = applyCommand(state, command);
      if (!replay.ok) throw new Error(`Undo replay refused a command it had accepted: ${replay.error}`);
      state = replay.state;
    }
    this.state = state;
    this.emit('undo');
    return last;
  }

  endTurn(): GameState {
    if (this.state.outcome) return this.state;
    this.state = endTurn(this.state);
    this.completedTurns.push(this.pending);
    this.turnHashes.push(this.state.hash);
    this.pending = [];
    this.turnStart = this.state;
    this.emit('endTurn');
    return this.state;
  }

  private emit(change: SessionChange): void {
    for (const listener of this.listeners) listener(this.state, change);
  }
}
