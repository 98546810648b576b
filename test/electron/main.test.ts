import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// main.ts only starts the app under Electron (process.versions.electron); here it just exports its parts.
vi.mock('electron', () => ({ app: {}, BrowserWindow: class {}, ipcMain: {}, protocol: {}, safeStorage: {}, session: {} }));
const { APP_URL, hardenContents, keyProtector, serveAppRequest, windowOptions } = await import('../../electron/main.ts');

let rendererDir: string;
beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'luxp1-main-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(rendererDir, 'assets', 'a.js'), 'export {}');
});
afterAll(() => rm(rendererDir, { recursive: true, force: true }));

describe('Electron main', () => {
  it('opens an isolated, sandboxed window without Node or webviews', () => {
    const prefs = windowOptions('/x/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  it('blocks navigation, redirects, webviews and window.open', () => {
    const handlers = new Map<string, (e: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    hardenContents({ on: (name, l) => handlers.set(name, l), setWindowOpenHandler: (h) => (openHandler = h) });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      handlers.get(name)!(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('serves app:// from the renderer with the CSP header, and nothing outside it', async () => {
    const page = await serveAppRequest(new Request(`${APP_URL}index.html`), rendererDir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self';");
    expect((await serveAppRequest(new Request(`${APP_URL}assets/a.js`), rendererDir)).headers.get('content-type')).toMatch(/javascript/);
    expect((await serveAppRequest(new Request(`${APP_URL}..%2f..%2fetc%2fpasswd`), rendererDir)).status).toBe(400);
    expect((await serveAppRequest(new Request('app://other/index.html'), rendererDir)).status).toBe(404);
  });

  it('keeps the key with safeStorage only where it really encrypts', () => {
    const sealed = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`sealed:${s}`),
      decryptString: (b: Buffer) => b.toString().slice(7),
    };
    const p = keyProtector(sealed);
    if (p === 'file') throw new Error('expected safeStorage');
    expect(p.decrypt(p.encrypt('00AA'))).toBe('00AA');
    expect(keyProtector({ ...sealed, isEncryptionAvailable: () => false })).toBe('file');
    if (process.platform === 'linux') expect(keyProtector({ ...sealed, getSelectedStorageBackend: () => 'basic_text' })).toBe('file');
  });
});
