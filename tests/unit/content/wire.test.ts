// The wire tells a refused request (invalid: resending cannot help) from a failure while handling it.
import { describe, expect, it } from 'vitest';
import { RefusedError, sendRequest } from '../../../src/shared/wire.ts';

const api = (reply: unknown) => ({ runtime: { sendMessage: async () => reply } });

describe('sendRequest', () => {
  it('answers the value, and throws RefusedError only for a refused request', async () => {
    expect(await sendRequest(api({ ok: true, value: { stored: 2 } }), 'content:observed', { conversations: [] })).toEqual({ stored: 2 });
    await expect(sendRequest(api({ ok: false, error: 'content:observed: conversations.0.url: bad', refused: true }), 'content:observed', { conversations: [] })).rejects.toBeInstanceOf(RefusedError);
    const failed = sendRequest(api({ ok: false, error: 'content:observed: QuotaExceededError' }), 'content:observed', { conversations: [] });
    await expect(failed).rejects.toThrow('QuotaExceededError');
    await expect(failed).rejects.not.toBeInstanceOf(RefusedError);
    await expect(sendRequest(api(undefined), 'content:config', {})).rejects.toThrow('no answer');
  });
});
