// The team config URL this browser follows, kept in storage.local (each agent fetches the file themselves, so
// nothing about it goes through storage.sync). The options page edits `url`; the background's fetcher
// (src/background/config-url.ts) fills in etag, lastFetched, lastError and lastGood.
import browser from '../browser.ts';
import type { TeamConfig } from '../../core/types.ts';

export const CONFIG_URL_KEY = 'rc.cfgUrl';

export type ConfigUrlErrorCode = 'not-https' | 'no-permission' | 'network' | 'http' | 'too-large' | 'invalid';

export interface ConfigUrlError {
  code: ConfigUrlErrorCode;
  /** Key in src/locales/settings.json. */
  messageKey: string;
  /** HTTP status, browser error or the validation problems, for the admin. */
  detail?: string;
  at: number;
}

export interface ConfigUrlState {
  /** The URL the user subscribed to; null = none (an admin policy URL overrides it, see managed.ts). */
  url: string | null;
  /** The URL that lastGood and etag belong to. */
  fetchedUrl?: string;
  etag?: string;
  lastFetched?: number;
  lastError?: ConfigUrlError;
  lastGood?: TeamConfig;
  lastGoodAt?: number;
}

export const EMPTY_URL_STATE: ConfigUrlState = { url: null };

/** Parses and checks a subscription URL: https only, no credentials in it. */
export function checkConfigUrl(text: string): { ok: true; url: string } | { ok: false; code: 'not-https' } {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return { ok: false, code: 'not-https' };
  }
  if (u.protocol !== 'https:' || !u.hostname || u.username || u.password) return { ok: false, code: 'not-https' };
  return { ok: true, url: u.href };
}

/**
 * The host-permission match pattern ("https://host/*") the options page passes to
 * browser.permissions.request({ origins: [...] }) before subscribing; null if the URL is not https.
 * Ports are left out: match patterns without a port match every port (Firefox allows no port in them).
 */
export function subscriptionOrigin(url: string): string | null {
  const checked = checkConfigUrl(url);
  if (!checked.ok) return null;
  return `https://${new URL(checked.url).hostname}/*`;
}

export async function getConfigUrlState(): Promise<ConfigUrlState> {
  const got = await browser.storage.local.get(CONFIG_URL_KEY);
  const raw = got[CONFIG_URL_KEY] as ConfigUrlState | undefined;
  return raw && typeof raw === 'object' ? { ...EMPTY_URL_STATE, ...raw } : EMPTY_URL_STATE;
}

export async function writeConfigUrlState(state: ConfigUrlState): Promise<void> {
  await browser.storage.local.set({ [CONFIG_URL_KEY]: state });
}

/**
 * Subscribes to a team config URL (the background fetches it as soon as it sees the change). The last good
 * file of a previous URL is dropped: it belongs to another team's file.
 */
export async function setConfigUrl(text: string): Promise<{ ok: true; url: string } | { ok: false; code: 'not-https' }> {
  const checked = checkConfigUrl(text);
  if (!checked.ok) return checked;
  const old = await getConfigUrlState();
  if (old.url === checked.url) return checked;
  await writeConfigUrlState({ url: checked.url });
  return checked;
}

/** Stops following the URL; the synced or local config becomes active again. */
export async function clearConfigUrl(): Promise<void> {
  await browser.storage.local.remove(CONFIG_URL_KEY);
}

export function onConfigUrlStateChanged(cb: (state: ConfigUrlState) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(CONFIG_URL_KEY in changes)) return;
    const next = changes[CONFIG_URL_KEY]?.newValue as ConfigUrlState | undefined;
    cb(next ? { ...EMPTY_URL_STATE, ...next } : EMPTY_URL_STATE);
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
