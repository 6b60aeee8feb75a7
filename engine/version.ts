/**
 * Engine version. Bump the rules part (the number before the dash) whenever a change alters any game's outcome
 * (hashes of golden saves change); saves record it so an engine that cannot reproduce them says so.
 */
export const ENGINE_VERSION = '1.0.0';
export const STATE_FORMAT = 'tpw-state';
