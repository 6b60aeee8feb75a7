/**
 * Display formats with consistent units: money ($12.5M), prices ($0.59 per M tokens), energy (J/token and tokens/J),
 * power ($/MWh, MW). Engine formats are reused where they exist so messages and panels read the same.
 */
import { formatCount, formatMw, formatPct, formatUsd } from '../../engine/index';

export { formatCount, formatMw, formatPct, formatUsd };

/** `digits` significant figures without exponent notation: 0.0359, 27.9, 1,234. */
export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.min(8, Math.max(0, digits - 1 - magnitude));
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A token price: "$0.59", "$0.0023" (USD per million tokens). */
export function formatPricePerMTok(usd: number): string {
  if (usd === 0) return '$0';
  return `$${usd >= 1 ? usd.toFixed(2) : sig(usd, 2)}`;
}

export function formatUsdPerMwh(usd: number): string {
  return `$${usd.toFixed(0)}/MWh`;
}

export function formatUsdPerHour(usd: number): string {
  return `$${usd.toFixed(2)}/h`;
}

/** Signed money for breakdowns: "+$12.5M", "−$3.0M". */
export function formatSignedUsd(usd: number): string {
  if (usd === 0) return '$0';
  return usd > 0 ? `+${formatUsd(usd)}` : `−${formatUsd(-usd)}`;
}

export function formatJoulesPerToken(j: number): string {
  return j > 0 ? `${sig(j, 3)} J/token` : '—';
}

/** Tokens per joule = tokens per watt-second. */
export function formatTokensPerJoule(j: number): string {
  return j > 0 ? `${sig(1 / j, 3)} tok/J` : '—';
}

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
