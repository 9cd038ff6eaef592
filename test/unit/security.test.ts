import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow } from '../../electron/window-options';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isTrustedSenderUrl } from '../../electron/security';

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer', () => {
    // Stands in for Electron's BrowserWindow (no binary here) and keeps what it was given.
    class RecordingWindow {
      constructor(readonly options: BrowserWindowConstructorOptions) {}
    }
    const prefs = createMainWindow(RecordingWindow, '/app/preload.js').options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('trusts only the app origin as an IPC sender', () => {
    expect(isTrustedSenderUrl('app://kansli/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://kansli/index.html#/register')).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:1234/', '', undefined, 'not a url']) {
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
  });

  it('blocks navigation away from the app', () => {
    expect(isAllowedNavigation('app://kansli/index.html#/budget')).toBe(true);
    expect(isAllowedNavigation('https://evil.example/')).toBe(false);
  });

  it('has a strict Content-Security-Policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
