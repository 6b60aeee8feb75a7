// Builders for the bridge's result values, so handlers return errors instead of throwing.
import type { BridgeResult } from './bridge/contract';

export function ok<T>(value: T): BridgeResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): BridgeResult<T> {
  return { ok: false, error };
}
