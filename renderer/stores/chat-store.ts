import { create } from 'zustand';
import type { Conversation, Message } from '../../shared/domain';
import { parley, ParleyError, unwrap } from '../api/parley';
import { holdDelta } from './early-deltas';
import { upsert } from './message-merge';
import { shownLeafId, useBranchStore } from './branch-store';
import { useUsageStore } from './usage-store';

interface ChatState {
  conversations: Conversation[];
  selectedId: string | null;
  messages: Record<string, Message[]>;
  /** A failure that belongs to no message (could not send, could not load). */
  problem: string | null;
  sending: boolean;

  loadConversations(): Promise<void>;
  select(id: string | null): Promise<void>;
  newChat(): void;
  rename(id: string, title: string): Promise<void>;
  /** Resolves true when the message was accepted, so the composer can clear itself. */
  /** `temperature`: a prompt template's, for this one answer. */
  send(content: string, temperature?: number): Promise<boolean>;
  stop(messageId: string): Promise<void>;
  dismissProblem(): void;
}

const explain = (err: unknown) => (err instanceof Error ? err.message : String(err));

export const useChatStore = create<ChatState>((set, get) => ({
  conversations: [],
  selectedId: null,
  messages: {},
  problem: null,
  sending: false,

  async loadConversations() {
    try {
      set({ conversations: await unwrap(parley.conversations.list({})) });
    } catch (err) {
      set({ problem: explain(err) });
    }
  },

  async select(id) {
    set({ selectedId: id, problem: null });
    if (!id) return;
    try {
      const list = await unwrap(parley.messages.list({ conversationId: id }));
      set((s) => ({ messages: { ...s.messages, [id]: list } }));
    } catch (err) {
      set({ problem: explain(err) });
    }
  },

  newChat() {
    // The conversation is created on first send, so an abandoned "New chat" leaves nothing behind.
    set({ selectedId: null, problem: null });
  },

  async rename(id, title) {
    try {
      const c = await unwrap(parley.conversations.rename({ id, title }));
      set((s) => ({ conversations: s.conversations.map((x) => (x.id === id ? c : x)) }));
    } catch (err) {
      set({ problem: explain(err) });
    }
  },

  async send(content, temperature) {
    if (get().sending) return false; // a double press sends once
    set({ sending: true, problem: null });
    try {
      let id = get().selectedId;
      if (!id) {
        const c = await unwrap(parley.conversations.create({}));
        set((s) => ({ conversations: [c, ...s.conversations], selectedId: c.id, messages: { ...s.messages, [c.id]: [] } }));
        id = c.id;
      }
      // Not loaded yet: main's default, the newest message, is also the path this window would show.
      const loaded = get().messages[id];
      const parentId = loaded ? shownLeafId(id, loaded) : undefined;
      // "Send anyway" past a spent budget counts for this one send only.
      const overrideBudget = useUsageStore.getState().takeOverride();
      const { userMessage, assistantMessage } = await unwrap(parley.chat.send({ conversationId: id, content, ...(parentId !== undefined ? { parentId } : {}), ...(temperature !== undefined ? { temperature } : {}), ...(overrideBudget ? { overrideBudget } : {}) }));
      useBranchStore.getState().showBranch(id, assistantMessage.id);
      set((s) => ({
        messages: { ...s.messages, [id]: upsert(upsert(s.messages[id] ?? [], userMessage), assistantMessage) },
        conversations: moveToTop(s.conversations, id),
      }));
      return true;
    } catch (err) {
      set({ problem: err instanceof ParleyError ? err.message : explain(err) });
      return false;
    } finally {
      set({ sending: false });
    }
  },

  async stop(messageId) {
    await parley.chat.stop({ messageId });
  },

  dismissProblem: () => set({ problem: null }),
}));

export function moveToTop(list: Conversation[], id: string): Conversation[] {
  const c = list.find((x) => x.id === id);
  if (!c || c.pinned) return list;
  return [{ ...c, updatedAt: Date.now() }, ...list.filter((x) => x.id !== id)];
}

/** Events from main: wired once at start-up. */
export function connectChatEvents(): () => void {
  const offDelta = parley.subscribe('chat:delta', ({ conversationId, messageId, text }) => {
    useChatStore.setState((s) => {
      const list = s.messages[conversationId];
      const i = list ? list.findIndex((m) => m.id === messageId) : -1;
      if (!list || i < 0) {
        holdDelta(messageId, text);
        return s;
      }
      const next = list.slice();
      next[i] = { ...list[i]!, content: list[i]!.content + text };
      return { messages: { ...s.messages, [conversationId]: next } };
    });
  });
  const offDone = parley.subscribe('chat:done', ({ conversationId, message }) => {
    useChatStore.setState((s) =>
      s.messages[conversationId] ? { messages: { ...s.messages, [conversationId]: upsert(s.messages[conversationId], message) } } : s,
    );
  });
  const offChanged = parley.subscribe('conversations:changed', ({ conversation }) => {
    useChatStore.setState((s) => ({
      conversations: s.conversations.some((c) => c.id === conversation.id)
        ? s.conversations.map((c) => (c.id === conversation.id ? conversation : c))
        : [conversation, ...s.conversations],
    }));
  });
  return () => {
    offDelta();
    offDone();
    offChanged();
  };
}
