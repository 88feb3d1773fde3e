import { createContext, useMemo } from 'react';
import type { Message } from '../../../shared/domain';
import { buildMessageTree, visiblePath, type MessageTree } from '../../../shared/message-tree';
import { useBranchStore } from '../../stores/branch-store';

export interface Branches {
  conversationId: string;
  tree: MessageTree;
  /** The last message on screen: only it can be continued. */
  leafId: string | null;
  /** An answer is streaming or an action is on its way to main: new answers must wait. */
  busy: boolean;
}

/** Given by the chat view to each message's version switcher and actions. */
export const BranchContext = createContext<Branches | null>(null);

/**
 * The messages on screen (one path through the tree) and what the message
 * controls need to know. The tree is rebuilt only when a message is added:
 * while an answer streams its text changes on every frame, its shape never.
 */
export function useBranches(conversationId: string | null, messages: Message[], busy: boolean): { path: Message[]; branches: Branches | null } {
  const shape = `${conversationId}:${messages.length}:${messages[0]?.id}:${messages.at(-1)?.id}`;
  // `shape` stands for the list: the ids and their parents change only when a message is added.
  const tree = useMemo(() => buildMessageTree(messages), [shape]);
  const chosen = useBranchStore((s) => (conversationId ? s.shownLeaf[conversationId] : undefined));
  const ids = useMemo(() => visiblePath(tree, chosen), [tree, chosen]);
  const path = useMemo(() => ids.map((id) => messages[tree.order.get(id)!]!), [ids, tree, messages]);
  const leafId = ids.at(-1) ?? null;
  const branches = useMemo(
    () => (conversationId ? { conversationId, tree, leafId, busy } : null),
    [conversationId, tree, leafId, busy],
  );
  return { path, branches };
}
