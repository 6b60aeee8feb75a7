/** Save files: format v1, parsing untrusted text, migrations, recording a game and verifying it by replay. */
export { SAVE_FORMAT, SAVE_LIMITS, SaveSchema, type Save, type SaveTurn, type SaveMetadata, type Checkpoint } from './schema';
export { SAVE_VERSION, SAVE_VERSIONS, migrateSave, type SaveVersion, type MigrationResult } from './migrations';
export { parseSave, type ParseSaveOptions, type ParseSaveResult, type SaveIssue } from './parse';
export { parseJsonText, checkJsonText, formatBytes, printable, DEFAULT_JSON_LIMITS, type JsonLimits, type JsonResult } from './json';
export { createRecorder, type Recorder, type RecorderResume } from './recorder';
export { verifySave, type VerifyResult, type ResolveScenario } from './verify';
export { serializeSave } from './serialize';
