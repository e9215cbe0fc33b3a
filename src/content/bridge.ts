// The content script's link to the background and to settings. Messaging uses the same wire format as
// src/shared/messaging.ts without importing it at run time: that module pulls in protocol.ts and valibot,
// which the content script's size budget cannot afford. The background validates every request anyway.
import browser from './api.ts';
import type { Broadcast, Envelope, Reply, RequestPayload, RequestType, Responses } from '../shared/protocol.ts';
import type { TeamConfig } from '../core/types.ts';

export async function request<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]> {
  const envelope: Envelope<T> = { rc: 1, type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<T> | undefined;
  if (!reply) throw new Error(`${type}: no answer from the background`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export function onBroadcast(cb: (msg: Broadcast) => void, signal: AbortSignal): void {
  const listener = (msg: unknown): undefined => {
    const m = msg as { rc?: unknown; type?: unknown } | null;
    if (m && m.rc === 1 && typeof m.type === 'string' && m.type.startsWith('bg:')) cb(msg as Broadcast);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/**
 * The active team config, resolved by the background exactly as everywhere else (admin policy, config URL,
 * storage.sync chunks). Asking the background keeps the settings module and its validator out of the content
 * script; the background broadcasts `bg:settings-changed` to every tab when the config changes.
 */
export async function loadConfig(): Promise<TeamConfig> {
  return (await request('content:config', {})).config;
}

export function onConfigChanged(cb: (config: TeamConfig) => void, signal: AbortSignal): void {
  onBroadcast((msg) => {
    if (msg.type === 'bg:settings-changed') void loadConfig().then(cb, () => undefined);
  }, signal);
}
