import type { Message } from './domain';

/**
 * A conversation's messages as a tree (by `parentId`): regenerating or
 * editing adds a sibling, and the screen shows one path through the tree.
 *
 * Ids and shape only, no message objects: the shape never changes while an
 * answer streams, so it can be built once per new message rather than once
 * per token. "Newest" means later in the list, which main sorts by creation.
 */
export interface MessageTree {
  readonly ids: readonly string[];
  readonly parentOf: ReadonlyMap<string, string | null>;
  readonly childrenOf: ReadonlyMap<string | null, readonly string[]>;
  readonly order: ReadonlyMap<string, number>;
}

export function buildMessageTree(messages: readonly Pick<Message, 'id' | 'parentId'>[]): MessageTree {
  const order = new Map(messages.map((m, i) => [m.id, i]));
  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string | null, string[]>();
  for (const m of messages) {
    // A parent outside the list (deleted, or not loaded) makes the message a root rather than hiding it.
    const parent = m.parentId !== null && order.has(m.parentId) ? m.parentId : null;
    parentOf.set(m.id, parent);
    const list = childrenOf.get(parent);
    if (list) list.push(m.id);
    else childrenOf.set(parent, [m.id]);
  }
  return { ids: messages.map((m) => m.id), parentOf, childrenOf, order };
}

/** The messages that share `id`'s parent, `id` included, oldest first. */
export function siblingsOf(tree: MessageTree, id: string): readonly string[] {
  if (!tree.parentOf.has(id)) return [];
  return tree.childrenOf.get(tree.parentOf.get(id)!) ?? [];
}

/** The newest message at or below `id`: where a branch's conversation last went. */
export function newestUnder(tree: MessageTree, id: string): string {
  let best = id;
  const stack = [id];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    if (tree.order.get(current)! > tree.order.get(best)!) best = current;
    stack.push(...(tree.childrenOf.get(current) ?? []));
  }
  return best;
}

/**
 * The path on screen, root first. It runs through `leafId` when that is a
 * message of the tree, on down to the newest message below it; otherwise
 * through the newest message of all, which is where main continues a send
 * that names no parent.
 */
export function visiblePath(tree: MessageTree, leafId: string | null | undefined): string[] {
  const start = leafId && tree.order.has(leafId) ? newestUnder(tree, leafId) : tree.ids.at(-1);
  const path: string[] = [];
  const seen = new Set<string>();
  for (let id = start ?? null; id !== null && !seen.has(id); id = tree.parentOf.get(id) ?? null) {
    seen.add(id); // a damaged tree with a cycle must not hang the window
    path.push(id);
  }
  return path.reverse();
}

/** Answers that can be continued: cut by a crash, an error, Stop, or the token limit, with some text to go on from. */
export function canContinue(message: Pick<Message, 'role' | 'status' | 'finishReason' | 'content'>): boolean {
  if (message.role !== 'assistant' || message.content === '') return false;
  if (message.status === 'interrupted' || message.status === 'error' || message.status === 'cancelled') return true;
  return message.status === 'complete' && message.finishReason === 'length';
}
