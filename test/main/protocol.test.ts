import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppUrl } from '../../main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/window';

const root = path.resolve('/opt/tpw/dist/renderer');

describe('resolveAppUrl', () => {
  it('maps app://tpw/ paths into the renderer folder with a MIME type', () => {
    expect(resolveAppUrl('app://tpw/', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppUrl('app://tpw/assets/main-1a2b.js?v=3#x', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'main-1a2b.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppUrl('app://tpw/fonts/Inter%20Bold.woff2', root)).toMatchObject({ ok: true, filePath: path.join(root, 'fonts', 'Inter Bold.woff2'), mimeType: 'font/woff2' });
    expect(resolveAppUrl('app://tpw/data/blob.bin', root)).toMatchObject({ ok: true, mimeType: 'application/octet-stream' });
  });

  it.each([
    'app://tpw/../secret.txt',
    'app://tpw/assets/../../secret.txt',
    'app://tpw/%2e%2e/secret.txt',
    'app://tpw/%2E%2E/%2e%2e/etc/passwd',
    'app://tpw/.%2e/secret.txt',
    'app://tpw/assets/%2e./x',
    'app://tpw/./index.html',
    'app://tpw/..',
    'app://tpw/..%2fsecret.txt',
    'app://tpw/%2e%2e%2fsecret.txt',
    'app://tpw/..\\secret.txt',
    'app://tpw/assets\\..\\..\\secret.txt',
    'app://tpw/%5c..%5csecret.txt',
    'app://tpw//etc/passwd',
    'app://tpw/C:/Windows/win.ini',
    'app://tpw/C%3A/Windows/win.ini',
    'app://tpw/index.html%00.png',
    'app://tpw/%252e%252e/secret.txt',
    'app://tpw/%E0%A4%A',
  ])('refuses traversal and unsafe paths: %s', (url) => {
    expect(resolveAppUrl(url, root)).toMatchObject({ ok: false, status: 400 });
  });

  it.each([
    'app://evil/index.html',
    'app://tpw.evil.example/index.html',
    'app://tpw:8080/index.html',
    'app://user:pw@tpw/index.html',
    'app:///etc/passwd',
    'file:///etc/passwd',
    'http://tpw/index.html',
    'https://example.org/',
    'not a url',
  ])('refuses other schemes and hosts: %s', (url) => {
    expect(resolveAppUrl(url, root)).toMatchObject({ ok: false, status: 400 });
  });

  it('never resolves outside the root, whatever the input', () => {
    const inputs = ['a/b/c.js', 'x%2Fy', '%2e', 'a/%2e%2e/b', '....//', '.../x', 'a/..../b'];
    for (const input of inputs) {
      const result = resolveAppUrl(`app://tpw/${input}`, root);
      if (result.ok) expect(path.relative(root, result.filePath).startsWith('..')).toBe(false);
    }
  });
});

describe('app protocol handler', () => {
  const files: Record<string, string> = { [path.join(root, 'index.html')]: '<!doctype html><title>tpw</title>' };
  const readFile = vi.fn(async (filePath: string) => {
    const text = files[filePath];
    if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  });
  const handle = createAppProtocolHandler(root, readFile);

  it('serves files with the CSP, their MIME type and nosniff', async () => {
    const response = await handle(new Request('app://tpw/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>tpw</title>');
  });

  it('answers 404 for missing files and 400 for traversal, never reading outside the root', async () => {
    expect((await handle(new Request('app://tpw/missing.js'))).status).toBe(404);
    readFile.mockClear();
    const refused = await handle(new Request('app://tpw/..\\..\\etc\\passwd'));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(readFile).not.toHaveBeenCalled();
    // URL parsing already folds %2e%2e segments (as Chromium does): what remains must still stay inside the root.
    expect((await handle(new Request('app://tpw/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(404);
    for (const [filePath] of readFile.mock.calls) expect(path.relative(root, filePath).startsWith('..')).toBe(false);
  });

  it('accepts only GET and HEAD', async () => {
    expect((await handle(new Request('app://tpw/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request('app://tpw/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('registers the scheme as standard, secure and fetchable, without bypassing CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});
