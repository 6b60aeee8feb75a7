// Lint = the import boundaries of STYLE.md, at error level. engine → nothing; renderer → engine + main's bridge types.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'util', 'stream', 'process'];
const restrict = (groups) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: groups }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'playwright-report/**', 'release/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-restricted-globals': 'off',
      'no-debugger': 'error',
      'no-eval': 'error',
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      ...restrict([
        { group: ['**/renderer/**', '**/main/**', '**/cli/**', '**/test/**'], message: 'engine/ imports nothing of renderer, main, cli or test.' },
        { group: ['electron', 'pixi.js', 'pixi.js/*', 'pixi-viewport', 'uplot', ...nodeBuiltins], message: 'engine/ is pure: no Electron, PixiJS, DOM libraries or Node APIs.' },
      ]),
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams in engine/math/rng.' },
        { object: 'Math', property: 'pow', message: 'Use engine/math pow (exact across engines).' },
        { object: 'Math', property: 'exp', message: 'Use engine/math exp.' },
        { object: 'Math', property: 'log', message: 'Use engine/math ln.' },
        { object: 'Math', property: 'log10', message: 'Use engine/math log10.' },
        { object: 'Math', property: 'log2', message: 'Use engine/math log2.' },
        { object: 'Math', property: 'sin', message: 'Not exact across engines.' },
        { object: 'Math', property: 'cos', message: 'Not exact across engines.' },
        { object: 'Math', property: 'tan', message: 'Not exact across engines.' },
        { object: 'Math', property: 'atan2', message: 'Not exact across engines.' },
        { object: 'Math', property: 'cbrt', message: 'Not exact across engines.' },
        { object: 'Date', property: 'now', message: 'No clock in the engine.' },
        { object: 'performance', property: 'now', message: 'No clock in the engine.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'No clock in the engine.' },
        { selector: "BinaryExpression[operator='**']", message: 'Use engine/math pow.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: restrict([
      { group: ['**/main/**', '!**/main/bridge/contract'], message: 'renderer/ sees main/ only through main/bridge/contract (types).' },
      { group: ['**/main/bridge/contract'], allowTypeImports: true, message: 'Import the bridge contract with `import type`.' },
      { group: ['**/cli/**', 'electron', ...nodeBuiltins], message: 'renderer/ runs in a sandboxed page and in a plain browser: no Node, Electron or CLI code.' },
    ]),
  },
  {
    files: ['main/**/*.ts'],
    rules: restrict([
      { group: ['**/renderer/**', '**/cli/**', 'pixi.js', 'pixi-viewport'], message: 'main/ holds no game logic or drawing: it may use engine/ (save checks) and Electron.' },
    ]),
  },
  {
    files: ['cli/**/*.ts', 'bench/**/*.ts'],
    rules: restrict([
      { group: ['**/renderer/**', '**/main/**', 'electron', 'pixi.js', 'pixi-viewport'], message: 'cli/ is headless: engine only.' },
    ]),
  },
);
