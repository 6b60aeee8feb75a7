import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  attachNavigationGuards,
  decideNavigation,
  decideWindowOpen,
  externalLinkToOpen,
  secureWebPreferences,
} from '../../main/window';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node and no webviews', () => {
    expect(secureWebPreferences('/app/dist/main/preload.cjs')).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
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
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, base rewriting, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('is exactly the policy the design asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe('navigation decisions', () => {
  it('allows only our own origin in the window', () => {
    expect(decideNavigation('app://tpw/index.html#/game')).toEqual({ allow: true });
    for (const url of ['file:///etc/passwd', 'http://evil.example/', 'app://evil/index.html', 'app://tpw:81/', 'javascript:alert(1)', 'not a url']) {
      expect(decideNavigation(url).allow, url).toBe(false);
    }
  });

  it('hands only credential-free https links to the OS browser', () => {
    expect(decideNavigation('https://example.org/paper')).toEqual({ allow: false, openExternally: 'https://example.org/paper' });
    expect(externalLinkToOpen('http://example.org/')).toBeUndefined();
    expect(externalLinkToOpen('file:///C:/Windows/system32/calc.exe')).toBeUndefined();
    expect(externalLinkToOpen('smb://server/share')).toBeUndefined();
    expect(externalLinkToOpen('javascript:alert(1)')).toBeUndefined();
    expect(externalLinkToOpen('https://user:pw@example.org/')).toBeUndefined();
    expect(decideWindowOpen('app://tpw/other.html')).toEqual({ openExternally: undefined });
  });
});

class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

describe('attachNavigationGuards', () => {
  function guarded() {
    const contents = new FakeWebContents();
    const openExternal = vi.fn();
    attachNavigationGuards(contents as unknown as WebContents, openExternal);
    return { contents, openExternal };
  }

  it('denies every new window, opening https links externally once', () => {
    const { contents, openExternal } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://tpw/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
  });

  it('prevents foreign navigation and redirects but lets our own pages load', () => {
    const { contents, openExternal } = guarded();
    const foreign = navigationEvent('http://evil.example/');
    contents.emit('will-navigate', foreign);
    expect(foreign.preventDefault).toHaveBeenCalled();
    const own = navigationEvent('app://tpw/index.html');
    contents.emit('will-navigate', own);
    expect(own.preventDefault).not.toHaveBeenCalled();
    const redirect = navigationEvent('https://example.org/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const subframe = navigationEvent('https://example.org/', false);
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('sends a clicked https link to the OS browser exactly once', () => {
    const { contents, openExternal } = guarded();
    const click = navigationEvent('https://example.org/article');
    contents.emit('will-frame-navigate', click);
    contents.emit('will-navigate', click);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach webviews', () => {
    const { contents } = guarded();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});
