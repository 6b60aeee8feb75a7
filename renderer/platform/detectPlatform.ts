/** The host this page runs in: Electron when the preload exposed `window.tpw`, otherwise a plain browser. */
import { createBrowserPlatform } from './browserPlatform';
import { createElectronPlatform } from './electronPlatform';
import type { Platform } from './Platform';

export function detectPlatform(): Platform {
  return window.tpw ? createElectronPlatform(window.tpw) : createBrowserPlatform();
}
