/** Unit constants used across systems. A quarter is a quarter of a 365-day year. */
export const HOURS_PER_QUARTER = 2190;
export const SECONDS_PER_QUARTER = HOURS_PER_QUARTER * 3600;
export const JOULES_PER_MWH = 3.6e9;
export const TOKENS_PER_MTOK = 1e6;
