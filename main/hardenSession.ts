// Session-wide rules for the app's pages: served from app://tpw/, no permissions, no network.
import { readFile } from 'node:fs/promises';
import type { Session } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { createAppProtocolHandler } from './protocol';

export function hardenSession(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, (filePath) => readFile(filePath)));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // The game is offline: no page request reaches the network (CSP says so too; this holds even if CSP is bypassed).
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
