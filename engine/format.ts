/** Human-readable figures for messages and UI: "$12.5M", "40.0 MW", "1.2T tokens". */
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const a = Math.abs(usd);
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(0)}k`;
  return `${sign}$${a.toFixed(0)}`;
}

export function formatMw(mw: number): string {
  return `${mw.toFixed(mw < 10 ? 1 : 0)} MW`;
}

export function formatCount(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e15) return `${(n / 1e15).toFixed(2)}P`;
  if (a >= 1e12) return `${(n / 1e12).toFixed(2)}T`;
  if (a >= 1e9) return `${(n / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return `${Math.round(n)}`;
}

export function formatPct(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}
