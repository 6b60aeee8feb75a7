/**
 * Engine version (semver). Bump the major number whenever a change alters any game's outcome (the golden saves'
 * hashes change); saves record it so an engine that cannot reproduce a save says why.
 */
export const ENGINE_VERSION = '2.0.0';
export const STATE_FORMAT = 'tpw-state';
