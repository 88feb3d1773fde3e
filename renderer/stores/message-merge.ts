import type { Message } from '../../shared/domain';
import { takeHeldDeltas } from './early-deltas';

/** Events and invoke answers travel separately, so a stale copy (still streaming) must not replace a newer one. */
function isNewer(candidate: Message, current: Message): boolean {
  if (current.status !== 'streaming') return candidate.status !== 'streaming' && candidate.updatedAt >= current.updatedAt;
  return candidate.status !== 'streaming' || candidate.content.length >= current.content.length;
}

export function upsert(list: Message[], message: Message): Message[] {
  const i = list.findIndex((m) => m.id === message.id);
  if (i < 0) {
    const early = takeHeldDeltas(message.id);
    const added = message.status === 'streaming' && early ? { ...message, content: message.content + early } : message;
    // Kept in creation order, as main sorts it: the tree takes "later in the list" as "newer", and an
    // answer's chat:done can land before the invoke answer that carries its question.
    let at = list.length;
    while (at > 0 && list[at - 1]!.createdAt > added.createdAt) at--;
    return [...list.slice(0, at), added, ...list.slice(at)];
  }
  if (!isNewer(message, list[i]!)) return list;
  const next = list.slice();
  next[i] = message;
  return next;
}
