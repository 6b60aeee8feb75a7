// The web build of the renderer: a static folder (dist/renderer) that Electron serves over app:// and a teacher can
// host anywhere. Relative asset URLs (`base: './'`) so it works from any sub-path and from the custom protocol.
import { defineConfig } from 'vite';

/** Fixed dev-server port; playwright.config.ts uses the same number (strictPort: fail instead of drifting). */
const DEV_PORT = 5199;

/** End-to-end runs (playwright.config.ts sets TPW_E2E) get no HMR and no file watching: a file saved by someone else
 * mid-test must not reload the page under the test. */
const e2e = Boolean(process.env['TPW_E2E']);

export default defineConfig({
  base: './',
  // index.html lives at the repo root; engine/ and renderer/ are imported from it.
  root: '.',
  publicDir: false,
  server: {
    port: DEV_PORT,
    strictPort: true,
    ...(e2e ? { hmr: false, ws: false as const, watch: null } : {}),
    warmup: { clientFiles: ['./renderer/app/main.ts', './renderer/ui/game/GameScreen.ts', './renderer/map/WorldMap.ts'] },
  },
  // Pre-bundled up front: a dependency first met in a lazily loaded chunk would otherwise reload the page.
  optimizeDeps: { include: ['pixi.js', 'pixi.js/unsafe-eval', 'pixi-viewport', 'uplot', 'immer', 'zod', 'topojson-client'] },
  preview: { port: DEV_PORT + 1, strictPort: true },
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    // Budget: initial JS ≤ 1.5 MB minified; PixiJS and uPlot are split into lazily loaded chunks.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod and the module that sets `jitless` share one chunk, so the setting runs before any other chunk builds a
          // schema: zod probes `new Function` when an object schema is created, which the CSP (no 'unsafe-eval') reports.
          groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]renderer[\\/]app[\\/]zodConfig\.ts$/ }],
        },
      },
    },
  },
});
