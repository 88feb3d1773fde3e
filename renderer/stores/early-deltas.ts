/**
 * Events and invoke answers travel separately, so the first deltas of an
 * answer can arrive before the answer that introduces its message. They wait
 * here and are applied when the message lands; a finished message drops them.
 */
const held = new Map<string, string>();
/** A message that never lands (its conversation was closed meanwhile) must not hold text forever. */
const maxHeld = 32;

export function holdDelta(messageId: string, text: string): void {
  held.set(messageId, (held.get(messageId) ?? '') + text);
  if (held.size > maxHeld) held.delete(held.keys().next().value!);
}

export function takeHeldDeltas(messageId: string): string {
  const text = held.get(messageId) ?? '';
  held.delete(messageId);
  return text;
}
