/** Save files: format v1, parsing untrusted text, migrations, recording a game, verifying it by replay, seeking in a replay and comparing games. */
export { SAVE_FORMAT, SAVE_LIMITS, SaveSchema, type Save, type SaveTurn, type SaveMetadata, type Checkpoint } from './schema';
export { SAVE_VERSION, SAVE_VERSIONS, migrateSave, type SaveVersion, type MigrationResult } from './migrations';
export { parseSave, type ParseSaveOptions, type ParseSaveResult, type SaveIssue } from './parse';
export { parseJsonText, checkJsonText, formatBytes, printable, DEFAULT_JSON_LIMITS, type JsonLimits, type JsonResult } from './json';
export { createRecorder, type Recorder, type RecorderResume } from './recorder';
export { verifySave, verifySaveInSteps, runToEnd, type VerifyResult, type VerifyOptions, type VerifyProgress, type VerifyStep, type StepwiseVerification, type ResolveScenario } from './verify';
export { serializeSave } from './serialize';
export { openReplay, openReplayInSteps, type Replay, type OpenReplayResult } from './replay';
export { compareGames, comparedGame, describeDifferences, COMPARE_METRICS, type ComparedGame, type Comparison, type TurnComparison, type GameDifference } from './compare';
