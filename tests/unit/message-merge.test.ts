import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import { holdDelta } from '../../renderer/stores/early-deltas';
import { upsert } from '../../renderer/stores/message-merge';

const msg = (id: string, createdAt: number, extra: Partial<Message> = {}): Message => ({
  id, conversationId: 'c', parentId: null, role: 'assistant', content: '', status: 'complete', error: null, model: null, finishReason: null,
  usage: null, costUsd: null, ttftMs: null, totalMs: null, createdAt, updatedAt: createdAt, ...extra,
});

describe('merging messages from events and invoke answers', () => {
  it('keeps creation order when an answer lands before its question', () => {
    const list = [msg('q1', 1), msg('a1', 2)];
    const withAnswer = upsert(list, msg('a2', 11));
    expect(upsert(withAnswer, msg('q2', 10, { role: 'user' })).map((m) => m.id)).toEqual(['q1', 'a1', 'q2', 'a2']);
  });

  it('never replaces a finished answer with the streaming copy that arrives after it', () => {
    const done = msg('a', 2, { content: 'All of it', status: 'complete', updatedAt: 5 });
    const stale = msg('a', 2, { content: '', status: 'streaming', updatedAt: 2 });
    expect(upsert([done], stale)[0]).toBe(done);
  });

  it('applies deltas that arrived before the message did', () => {
    holdDelta('early', 'Wombats ');
    holdDelta('early', 'are ');
    const [added] = upsert([], msg('early', 1, { status: 'streaming' }));
    expect(added!.content).toBe('Wombats are ');
    // Taken once: a second copy of the message does not get them again.
    expect(upsert([], msg('early', 1, { status: 'streaming' }))[0]!.content).toBe('');
  });
});
