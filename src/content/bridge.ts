// The content script's link to the background and to settings, over the shared wire format (wire.ts), which
// carries no validation library: the content script's size budget cannot afford valibot, and the background
// validates every request anyway.
import browser from './api.ts';
import type { Broadcast, RequestPayload, RequestType, Responses } from '../shared/protocol.ts';
import { isBroadcast, sendRequest } from '../shared/wire.ts';

/** The config in effect and its schedules' opening-hours windows (the clocks' time base). */
export type ActiveConfig = Responses['content:config'];

export function request<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]> {
  return sendRequest(browser, type, payload);
}

export function onBroadcast(cb: (msg: Broadcast) => void, signal: AbortSignal): void {
  const listener = (msg: unknown): undefined => {
    if (isBroadcast(msg)) cb(msg);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/**
 * The active team config, resolved by the background exactly as everywhere else (admin policy, config URL,
 * storage.sync chunks). Asking the background keeps the settings module and its validator out of the content
 * script; the background broadcasts `bg:settings-changed` to every tab when the config changes (runtime.ts asks again).
 */
export async function loadConfig(): Promise<ActiveConfig> {
  return request('content:config', {});
}
