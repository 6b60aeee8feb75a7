// app://tpw/<path> → a file under the built renderer folder (dist/renderer/), with our CSP on every response.
// resolveAppUrl is the whole security decision and is pure; the handler only reads the file it allows.
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { CONTENT_SECURITY_POLICY } from './window';

/** Registered before app ready: standard (real origin, relative URLs), secure (like https), fetch() allowed. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.fnt': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};
const FALLBACK_MIME_TYPE = 'application/octet-stream';

export type ResolvedAppUrl =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 404; reason: string };

/** `/..`, `/.`, and their %2e spellings, checked on the raw text because URL parsing silently removes them. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=[/?#]|$)/i;
const FORBIDDEN_RAW = /\\|%5c|%00|%2f|[\u0000-\u001f]/i;
const FORBIDDEN_IN_SEGMENT = /[/\\:\u0000-\u001f%]/;

export function resolveAppUrl(url: string, rootDir: string): ResolvedAppUrl {
  const refuse = (reason: string): ResolvedAppUrl => ({ ok: false, status: 400, reason });
  if (FORBIDDEN_RAW.test(url)) return refuse('backslash, encoded slash or control character in URL');
  if (DOT_SEGMENT.test(url)) return refuse('dot segment in URL');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('malformed URL');
  }
  const isOurs =
    parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === APP_HOST && parsed.port === '' && parsed.username === '' && parsed.password === '';
  if (!isOurs) return refuse('not an app://tpw/ URL');

  const rawSegments = parsed.pathname === '/' || parsed.pathname === '' ? ['index.html'] : parsed.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse('malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) {
      return refuse('empty, dot or unsafe path segment');
    }
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return refuse('path escapes the app folder');
  const mimeType = MIME_TYPES[path.extname(filePath).toLowerCase()] ?? FALLBACK_MIME_TYPE;
  return { ok: true, filePath, mimeType };
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

type ReadFileBytes = (filePath: string) => Promise<Uint8Array>;

/** The protocol.handle('app', …) handler: GET/HEAD only, traversal refused, missing files 404, CSP always set. */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFileBytes): (request: Request) => Promise<Response> {
  const textResponse = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'method not allowed');
    const resolved = resolveAppUrl(request.url, rootDir);
    if (!resolved.ok) return textResponse(resolved.status, resolved.reason);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(resolved.filePath);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? textResponse(404, 'not found') : textResponse(500, 'read error');
    }
    const body = request.method === 'HEAD' ? null : new Uint8Array(bytes);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.mimeType } });
  };
}
