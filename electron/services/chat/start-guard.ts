import { AppError } from '../app-error';

/**
 * One answer starts at a time per conversation. The "already streaming"
 * check reads the database, but between it and the insert the start waits
 * on the keychain and the tokenizer, so a double-clicked Send could pass the
 * check twice and write the question twice. This guard is taken before the
 * first await: the same request again while the first is starting gets the
 * first one's result (a double click is one send), a different one is BUSY.
 */
export function createStartGuard() {
  const starting = new Map<string, { request: string; result: Promise<unknown> }>();

  return function startOnce<T>(conversationId: string, request: unknown, start: () => Promise<T>): Promise<T> {
    const key = JSON.stringify(request);
    const current = starting.get(conversationId);
    if (current) {
      if (current.request === key) return current.result as Promise<T>;
      return Promise.reject(new AppError('BUSY', 'An answer is already starting in this conversation.'));
    }
    const result = start().finally(() => starting.delete(conversationId));
    starting.set(conversationId, { request: key, result });
    return result;
  };
}
