// Dev server for the map harness alone, run from the repo root:
//   npx vite --config renderer/map/dev/vite.config.ts      → http://localhost:5207/map-harness.html
// Port 5207, not the app's 5199. engine/ and node_modules resolve from the repo root (Vite's default fs.allow).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer/map/dev',
  publicDir: false,
  server: { port: 5207, strictPort: true },
});
