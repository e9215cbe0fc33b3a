// The wire format every context speaks, with no validation library attached: content scripts use this directly
// (their size budget can't carry valibot), extension pages through messaging.ts. The background validates every
// request at the boundary (protocol.ts parseRequest) whatever the sender.
import type { Broadcast, Envelope, Reply, RequestPayload, RequestType, Responses } from './protocol.ts';

/** The one method of the extension API the wire needs; `browser` and Chromium's promise-returning `chrome` both fit. */
export interface Sender {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

export async function sendRequest<T extends RequestType>(api: Sender, type: T, payload: RequestPayload<T>): Promise<Responses[T]> {
  const envelope: Envelope<T> = { rc: 1, type, payload };
  const reply = (await api.runtime.sendMessage(envelope)) as Reply<T> | undefined;
  if (!reply) throw new Error(`${type}: no answer from the background`);
  if (!reply.ok) throw reply.refused ? new RefusedError(reply.error) : new Error(reply.error);
  return reply.value;
}

/** The background refused the request as invalid: sending the same request again cannot succeed. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

export function isBroadcast(raw: unknown): raw is Broadcast {
  const m = raw as { rc?: unknown; type?: unknown } | null;
  return typeof m === 'object' && m !== null && m.rc === 1 && typeof m.type === 'string' && m.type.startsWith('bg:');
}
