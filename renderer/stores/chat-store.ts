import { create } from 'zustand';
import type { Conversation, Message } from '../../shared/domain';
import { parley, ParleyError, unwrap } from '../api/parley';
import { conversationPageSize, takeFirstPage } from '../boot/first-page';
import { preloadMarkdown } from '../components/markdown-loader';
import { holdDelta } from './early-deltas';
import { upsert } from './message-merge';
import { shownLeafId, useBranchStore } from './branch-store';
import { useUsageStore } from './usage-store';

interface ChatState {
  /** The pages of the list read so far, in list order. */
  conversations: Conversation[];
  /** Whether the list goes on beyond the pages read. */
  moreConversations: boolean;
  /** False until the first page has been read (or failed), so an unread list is not shown as an empty one. */
  listRead: boolean;
  /** Conversations opened (from search) that the pages read so far do not hold yet. */
  outsideList: Record<string, Conversation>;
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
  moreConversations: false,
  listRead: false,
  outsideList: {},
  selectedId: null,
  messages: {},
  problem: null,
  sending: false,

  async loadConversations() {
    try {
      const page = await unwrap(takeFirstPage());
      set({ conversations: page, moreConversations: page.length === conversationPageSize, listRead: true });
    } catch (err) {
      set({ problem: explain(err), listRead: true });
    }
  },

  async select(id) {
    set({ selectedId: id, problem: null });
    if (!id) return;
    preloadMarkdown();
    try {
      const known = conversationById(get(), id) !== undefined;
      const [list, conversation] = await Promise.all([unwrap(parley.messages.list({ conversationId: id })), known ? null : unwrap(parley.conversations.get({ id }))]);
      set((s) => ({ messages: { ...s.messages, [id]: list }, ...(conversation ? { outsideList: { ...s.outsideList, [id]: conversation } } : {}) }));
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
      set((s) => replaceConversation(s, c));
    } catch (err) {
      set({ problem: explain(err) });
    }
  },

  async send(content, temperature) {
    if (get().sending) return false; // a double press sends once
    set({ sending: true, problem: null });
    preloadMarkdown();
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
        conversations: moveToTop(s, id),
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

type Listed = Pick<ChatState, 'conversations' | 'outsideList'>;

/** From the list, or one opened from search beyond the pages read. */
export function conversationById(s: Listed, id: string | null): Conversation | undefined {
  if (id === null) return undefined;
  return s.conversations.find((c) => c.id === id) ?? s.outsideList[id];
}

/**
 * The list after a conversation was written to: at the top, unless pinned (pinned ones keep their place).
 * `arriving` is one the window did not hold yet (a file explained in a new conversation).
 */
export function moveToTop(s: Listed, id: string, arriving?: Conversation): Conversation[] {
  const c = s.conversations.find((x) => x.id === id) ?? arriving ?? s.outsideList[id];
  if (!c || (c.pinned && s.conversations.includes(c))) return s.conversations;
  return [{ ...c, updatedAt: Date.now() }, ...s.conversations.filter((x) => x.id !== id)];
}

/** A conversation changed elsewhere (renamed, new provider), wherever the window holds it. */
export function replaceConversation(s: Listed, changed: Conversation): Listed {
  return {
    conversations: s.conversations.map((c) => (c.id === changed.id ? changed : c)),
    outsideList: s.outsideList[changed.id] ? { ...s.outsideList, [changed.id]: changed } : s.outsideList,
  };
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
    useChatStore.setState((s) =>
      s.conversations.some((c) => c.id === conversation.id) || s.outsideList[conversation.id]
        ? replaceConversation(s, conversation)
        : { conversations: [conversation, ...s.conversations] },
    );
  });
  return () => {
    offDelta();
    offDone();
    offChanged();
  };
}
