// Typed client side of the protocol: `request('ui:summary', {})` returns the background's typed answer,
// or throws with the background's error text.
import browser from './browser.ts';
import type { Broadcast, Envelope, Reply, RequestPayload, RequestType, Responses } from './protocol.ts';
import { isBroadcast } from './protocol.ts';

export async function request<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]> {
  const envelope: Envelope<T> = { rc: 1, type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<T> | undefined;
  if (!reply) throw new Error(`${type}: no answer from the background`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
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
