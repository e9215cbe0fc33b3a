import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-browser.ts';
import { withBrand } from './configs.ts';
import { exportConfigFile } from '../../../src/shared/config-file.ts';

vi.mock('../../../src/shared/browser.ts', async () => ({ default: (await import('./fake-browser.ts')).fake.browser }));

const { loadConfig, saveConfig, resetSettingsForTests } = await import('../../../src/shared/settings.ts');
const { setConfigUrl, clearConfigUrl, getConfigUrlState, subscriptionOrigin, writeConfigUrlState } = await import(
  '../../../src/shared/sync/url-subscription.ts'
);
const { refreshConfigUrl, startConfigUrlSync, CONFIG_URL_ALARM } = await import('../../../src/background/config-url.ts');

const URL_A = 'https://cfg.example.com/team.json';
const fetchMock = vi.fn<typeof fetch>();

function reply(body: string, init: ResponseInit & { etag?: string } = {}): Response {
  const headers = new Headers(init.headers);
  if (init.etag) headers.set('ETag', init.etag);
  return new Response(init.status === 304 ? null : body, { status: init.status ?? 200, headers });
}

beforeEach(() => {
  fake.reset();
  resetSettingsForTests();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('team config URL', () => {
  it('only https URLs can be subscribed, and the permission pattern names the host', async () => {
    expect(await setConfigUrl('http://cfg.example.com/team.json')).toEqual({ ok: false, code: 'not-https' });
    expect(await setConfigUrl('https://user:pw@cfg.example.com/x')).toEqual({ ok: false, code: 'not-https' });
    expect(await setConfigUrl('not a url')).toEqual({ ok: false, code: 'not-https' });
    expect(subscriptionOrigin('https://cfg.example.com:8443/a/b.json?x=1')).toBe('https://cfg.example.com/*');
    expect(subscriptionOrigin('ftp://cfg.example.com/')).toBeNull();
    expect((await getConfigUrlState()).url).toBeNull();
  });

  it('a 200 applies the new config, with its ETag remembered', async () => {
    await setConfigUrl(URL_A);
    fetchMock.mockResolvedValueOnce(reply(exportConfigFile(withBrand('teamfile')), { etag: '"v1"' }));
    expect(await refreshConfigUrl()).toMatchObject({ state: 'updated', url: URL_A });
    const loaded = await loadConfig();
    expect(loaded).toMatchObject({ origin: 'url', config: withBrand('teamfile'), configUrl: URL_A });
    expect((await getConfigUrlState()).etag).toBe('"v1"');
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init?.credentials).toBe('omit');
  });

  it('sends If-None-Match and keeps the config on 304', async () => {
    await setConfigUrl(URL_A);
    fetchMock.mockResolvedValueOnce(reply(exportConfigFile(withBrand('teamfile')), { etag: '"v1"' }));
    await refreshConfigUrl();
    fetchMock.mockResolvedValueOnce(reply('', { status: 304 }));
    expect(await refreshConfigUrl()).toMatchObject({ state: 'unchanged' });
    expect(new Headers(fetchMock.mock.calls[1]![1]?.headers).get('If-None-Match')).toBe('"v1"');
    expect((await loadConfig()).config).toEqual(withBrand('teamfile'));
  });

  it('an invalid file keeps the last good config and records why', async () => {
    await setConfigUrl(URL_A);
    fetchMock.mockResolvedValueOnce(reply(exportConfigFile(withBrand('teamfile'))));
    await refreshConfigUrl();
    fetchMock.mockResolvedValueOnce(reply(JSON.stringify({ version: 1, schedules: 'oops' })));
    expect(await refreshConfigUrl()).toMatchObject({ state: 'error', code: 'invalid' });
    const state = await getConfigUrlState();
    expect(state.lastError).toMatchObject({ code: 'invalid', messageKey: 'settings_url_error_invalid' });
    expect(state.lastError?.detail).toContain('schedules');
    expect((await loadConfig()).config).toEqual(withBrand('teamfile'));
  });

  it('an unreachable server keeps the last good config and records why', async () => {
    await setConfigUrl(URL_A);
    fetchMock.mockResolvedValueOnce(reply(exportConfigFile(withBrand('teamfile'))));
    await refreshConfigUrl();
    fake.granted.add('https://cfg.example.com/*');
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await refreshConfigUrl()).toMatchObject({ state: 'error', code: 'network' });
    fetchMock.mockResolvedValueOnce(reply('down', { status: 503 }));
    expect(await refreshConfigUrl()).toMatchObject({ state: 'error', code: 'http', detail: 'HTTP 503' });
    expect((await loadConfig())).toMatchObject({ origin: 'url', config: withBrand('teamfile') });
  });

  it('says when the host permission is missing', async () => {
    await setConfigUrl(URL_A);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await refreshConfigUrl()).toMatchObject({ state: 'error', code: 'no-permission' });
    // Nothing good fetched yet: the user's own config stays active.
    expect((await loadConfig()).origin).toBe('default');
  });

  it('never fetches a non-https URL that got into storage', async () => {
    await writeConfigUrlState({ url: 'http://cfg.example.com/team.json' });
    expect(await refreshConfigUrl()).toMatchObject({ state: 'error', code: 'not-https' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('while following a URL, local edits are refused; unsubscribing brings the own config back', async () => {
    await setConfigUrl(URL_A);
    fetchMock.mockResolvedValueOnce(reply(exportConfigFile(withBrand('teamfile'))));
    await refreshConfigUrl();
    const refused = await saveConfig(withBrand('mine'));
    expect(refused.ok).toBe(false);
    await clearConfigUrl();
    expect((await loadConfig()).origin).toBe('default');
  });

  it('an admin policy URL overrides the user and is followed', async () => {
    fake.setManaged({ teamConfigUrl: URL_A });
    fetchMock.mockResolvedValueOnce(reply(exportConfigFile(withBrand('adminfile'))));
    await refreshConfigUrl();
    expect(fetchMock.mock.calls[0]![0]).toBe(URL_A);
    expect(await loadConfig()).toMatchObject({ origin: 'url', config: withBrand('adminfile') });
  });

  it('registers an hourly alarm, refetches on it and when the user subscribes', async () => {
    const stop = startConfigUrlSync();
    await vi.waitFor(() => expect(fake.alarms.get(CONFIG_URL_ALARM)).toMatchObject({ periodInMinutes: 60 }));
    fetchMock.mockImplementation(async () => reply(exportConfigFile(withBrand('teamfile'))));
    await setConfigUrl(URL_A);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () => expect((await loadConfig()).origin).toBe('url'));
    fake.fireAlarm(CONFIG_URL_ALARM);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    stop();
  });
});
