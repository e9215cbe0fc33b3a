// Typed client side of the protocol for extension pages: `request('ui:summary', {})` returns the background's
// typed answer, or throws with the background's error text.
import browser from './browser.ts';
import type { Broadcast, RequestPayload, RequestType, Responses } from './protocol.ts';
import { isBroadcast, sendRequest } from './wire.ts';

export function request<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]> {
  return sendRequest(browser, type, payload);
}

/** Listen to background broadcasts until the signal aborts. */
export function onBroadcast(cb: (msg: Broadcast) => void, signal?: AbortSignal): void {
  const listener = (msg: unknown): undefined => {
    if (isBroadcast(msg)) cb(msg);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
