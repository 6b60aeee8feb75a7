/**
 * Runs a step-wise save verification (engine/save verifySaveInSteps) in slices of about SLICE_MS of work, yielding to
 * the event loop between slices, so a long save (hundreds of turns, seconds of replay) never freezes the page: the
 * progress shows, clicks and a Cancel still get through. The result is the engine's, unchanged.
 */
import type { StepwiseVerification } from '../../engine/save/index';

/** Milliseconds of replay between two yields to the event loop (half a 60 Hz frame). */
export const SLICE_MS = 8;

export interface VerifyListener {
  /** After each slice: `turn` of `total` turns replayed so far. */
  onProgress?(turn: number, total: number): void;
  /** Aborting stops the replay at the next slice; the load then changes nothing. */
  signal?: AbortSignal;
}

export type SlicedResult<R> = { cancelled: false; result: R } | { cancelled: true };

export async function verifyInSlices<R>(verification: StepwiseVerification<R>, listener: VerifyListener = {}): Promise<SlicedResult<R>> {
  for (;;) {
    if (listener.signal?.aborted) return { cancelled: true };
    const started = performance.now();
    let step = verification.step(1);
    while (!step.done && performance.now() - started < SLICE_MS) step = verification.step(1);
    if (step.done) return { cancelled: false, result: step.result };
    listener.onProgress?.(step.turn, step.total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
