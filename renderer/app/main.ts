// The renderer's entry (index.html loads it): configure zod, load styles, find the host platform, start the app.
import './zodConfig';
import '../styles/index.css';
import { detectPlatform } from '../platform/detectPlatform';
import { App } from './App';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
const app = await App.start(root, detectPlatform());
root.removeAttribute('aria-busy');
if (new URLSearchParams(location.search).has('debug') || import.meta.env.DEV) {
  const { installDebugHook } = await import('./debugHook');
  installDebugHook(app);
}
