// Follows the team config URL: a team lead publishes one file, every agent's browser re-fetches it hourly
// (alarm 'rc-config-url') with If-None-Match, and the last good file becomes the active config (settings.ts).
// A bad or unreachable file never replaces a good one: the last good config stays and the reason is recorded
// for the options page. Only https, no cookies sent. The file is fetched from the background so it keeps
// working with every extension page closed.
import browser from '../shared/browser.ts';
import { parseConfigFile, MAX_CONFIG_FILE_CHARS } from '../shared/config-file.ts';
import { loadManagedPolicy } from '../shared/managed.ts';
import { sameValue } from '../shared/sync/hash.ts';
import {
  CONFIG_URL_KEY,
  checkConfigUrl,
  getConfigUrlState,
  subscriptionOrigin,
  writeConfigUrlState,
  type ConfigUrlErrorCode,
  type ConfigUrlState,
} from '../shared/sync/url-subscription.ts';
import { formatConfigErrors } from '../core/config/validate.ts';

export const CONFIG_URL_ALARM = 'rc-config-url';
export const CONFIG_URL_PERIOD_MINUTES = 60;
const FETCH_TIMEOUT_MS = 30_000;

export type Status =
  | { state: 'off' }
  /** A new config was fetched and is active. */
  | { state: 'updated'; url: string; at: number }
  /** 304, or the same content again: nothing changed. */
  | { state: 'unchanged'; url: string; at: number }
  /** Kept the last good config (if any); `error` says why. */
  | { state: 'error'; url: string; at: number; code: ConfigUrlErrorCode; detail?: string };

let inFlight: Promise<Status> | null = null;

/** Fetches the team config URL now (one fetch at a time; callers during a fetch share its result). */
export function refreshConfigUrl(): Promise<Status> {
  inFlight ??= doRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function doRefresh(): Promise<Status> {
  const policy = await loadManagedPolicy();
  const state = await getConfigUrlState();
  const url = policy.teamConfigUrl ?? state.url;
  if (!url) return { state: 'off' };
  const now = Date.now();
  // lastGood and etag belong to the file they came from; a new URL starts from nothing.
  const base: ConfigUrlState = state.fetchedUrl === url ? state : { url: state.url };

  const fail = async (code: ConfigUrlErrorCode, detail?: string): Promise<Status> => {
    await writeConfigUrlState({
      ...base,
      lastFetched: now,
      lastError: { code, messageKey: `settings_url_error_${code.replace('-', '_')}`, ...(detail ? { detail } : {}), at: now },
    });
    return { state: 'error', url, at: now, code, ...(detail ? { detail } : {}) };
  };

  if (!checkConfigUrl(url).ok) return fail('not-https');

  let response: Response;
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: base.etag && base.lastGood ? { 'If-None-Match': base.etag } : {},
      cache: 'no-cache',
      credentials: 'omit',
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (err) {
    // Without host permission (and without CORS headers on the server) the browser reports a plain network error.
    const pattern = subscriptionOrigin(url);
    const permitted = pattern ? await hasPermission(pattern) : true;
    return fail(permitted ? 'network' : 'no-permission', err instanceof Error ? err.message : String(err));
  }
  if (response.url && !response.url.startsWith('https:')) return fail('not-https', response.url);
  if (response.status === 304) {
    await writeConfigUrlState({ ...base, fetchedUrl: url, lastFetched: now, lastError: undefined });
    return { state: 'unchanged', url, at: now };
  }
  if (!response.ok) return fail('http', `HTTP ${response.status}`);
  const declared = Number(response.headers.get('Content-Length') ?? '0');
  if (declared > MAX_CONFIG_FILE_CHARS) return fail('too-large', `${declared} bytes`);
  const text = await response.text();
  if (text.length > MAX_CONFIG_FILE_CHARS) return fail('too-large', `${text.length} characters`);

  const parsed = parseConfigFile(text);
  if (!parsed.ok) return fail('invalid', formatConfigErrors(parsed.errors));
  const etag = response.headers.get('ETag');
  const same = base.lastGood !== undefined && sameValue(base.lastGood, parsed.config);
  await writeConfigUrlState({
    url: state.url,
    fetchedUrl: url,
    ...(etag ? { etag } : {}),
    lastFetched: now,
    lastGood: parsed.config,
    lastGoodAt: same && base.lastGoodAt ? base.lastGoodAt : now,
  });
  return { state: same ? 'unchanged' : 'updated', url, at: now };
}

async function hasPermission(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return true;
  }
}

/**
 * Registers the hourly alarm and its listener, refetches when the user subscribes to a new URL or the admin
 * policy changes, and catches up at start-up when the last fetch is older than the period. Call once from the
 * background entry, synchronously at top level (so the alarm listener exists when the event page wakes for it).
 */
export function startConfigUrlSync(): () => void {
  const onAlarm = (alarm: { name: string }): void => {
    if (alarm.name === CONFIG_URL_ALARM) void refreshConfigUrl();
  };
  const onChanged = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string): void => {
    if (area === 'managed') {
      void refreshConfigUrl();
      return;
    }
    if (area !== 'local' || !(CONFIG_URL_KEY in changes)) return;
    const before = (changes[CONFIG_URL_KEY]?.oldValue as ConfigUrlState | undefined)?.url ?? null;
    const after = (changes[CONFIG_URL_KEY]?.newValue as ConfigUrlState | undefined)?.url ?? null;
    if (after && after !== before) void refreshConfigUrl();
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.storage.onChanged.addListener(onChanged);
  void (async () => {
    // alarms.create replaces an existing alarm and restarts its period; every service-worker start would postpone it.
    const existing = await browser.alarms.get(CONFIG_URL_ALARM);
    if (!existing) await browser.alarms.create(CONFIG_URL_ALARM, { periodInMinutes: CONFIG_URL_PERIOD_MINUTES });
    const state = await getConfigUrlState();
    const policy = await loadManagedPolicy();
    const url = policy.teamConfigUrl ?? state.url;
    const stale = !state.lastFetched || Date.now() - state.lastFetched > CONFIG_URL_PERIOD_MINUTES * 60_000 || state.fetchedUrl !== url;
    if (url && stale) await refreshConfigUrl();
  })().catch(() => undefined);
  return () => {
    browser.alarms.onAlarm.removeListener(onAlarm);
    browser.storage.onChanged.removeListener(onChanged);
  };
}
