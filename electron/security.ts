/**
 * Security rules shared by the Electron window and the browser host. Pure: no
 * import of 'electron', so tests can check them directly.
 */
import nodePath from 'node:path';

/** Scheme and host the packaged renderer is served from inside Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kansli';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The IPC channel of the one bridge method. */
export const IPC_CHANNEL = 'kansli:call';
/** The system folder picker, for exporting signed documents. */
export const PICK_FOLDER_CHANNEL = 'kansli:pick-folder';
/** Arkiv → Anslut till server …: main asks the window to show its form, the form sends the address and password back. */
export const SHOW_CONNECT_CHANNEL = 'kansli:show-connect';
export const CONNECT_SERVER_CHANNEL = 'kansli:connect-server';

/**
 * MUI (emotion) injects <style> elements, hence 'unsafe-inline' for styles only.
 * No script but our own bundle, no eval, no objects, no framing, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only the app's own top frame may call the API over IPC. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * The file in the built renderer that an app://kansli/… request asks for, or null for
 * anything else: another host, a path that leaves the folder (also %2e%2e and
 * back-slashes), a malformed escape, a NUL. Never throws: a protocol handler that
 * threw would leave the window blank.
 */
export function rendererFileFor(requestUrl: string, root: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  if (`${url.protocol}//${url.host}` !== APP_ORIGIN || pathname.includes('\0') || pathname.includes('\\')) return null;
  const base = nodePath.resolve(root);
  const file = nodePath.resolve(base, `.${pathname}`);
  return file.startsWith(base + nodePath.sep) ? file : null;
}

/** Navigation is allowed only within the app itself (the renderer routes with the hash). */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSenderUrl(url);
}
