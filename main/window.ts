// Window security as data and pure decisions (tested without Electron), plus the thin guard wiring.
import type { WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './appOrigin';

/** Sent with every app:// response. PixiJS runs without eval (`pixi.js/unsafe-eval`), so no 'unsafe-eval'. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The renderer is untrusted web content: isolated, sandboxed, no Node, no webviews. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false, // a dropped file must not replace the app
  };
}

/** An https link safe to hand to the OS browser, normalised; undefined for anything else. */
export function externalLinkToOpen(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') {
    return undefined;
  }
  return parsed.href;
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | undefined };

/** In-window navigation stays on our origin; an https link goes to the OS browser instead. */
export function decideNavigation(url: string): NavigationDecision {
  return isAppUrl(url) ? { allow: true } : { allow: false, openExternally: externalLinkToOpen(url) };
}

/** New windows are always denied; an https link goes to the OS browser instead. */
export function decideWindowOpen(url: string): { openExternally: string | undefined } {
  return { openExternally: externalLinkToOpen(url) };
}

/** Applied to every webContents (app.on('web-contents-created')): no foreign navigation, popups or webviews. */
export function attachNavigationGuards(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally !== undefined) openExternal(decision.openExternally);
  });
  // Subframes and redirects are only denied: the link-opening path is will-navigate, so a click opens one tab.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !decideNavigation(event.url).allow) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!decideNavigation(event.url).allow) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const { openExternally } = decideWindowOpen(url);
    if (openExternally !== undefined) openExternal(openExternally);
    return { action: 'deny' };
  });
}
