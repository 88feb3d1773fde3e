import { create } from 'zustand';
import type { ChatDefaults, ConversationOptions, SetConversationOptionsInput } from '../../shared/chat-options';
import type { Conversation } from '../../shared/domain';
import { parley, unwrap } from '../api/parley';
import { useChatStore } from './chat-store';

interface ConversationOptionsState {
  /** The conversation whose options dialog is open; `''` for a new chat that has no conversation yet. */
  editing: string | null;
  defaults: ChatDefaults | null;
  /** Bumped on every saved choice, so that estimates made under the old ones are redone. */
  revision: number;
  openFor(conversationId: string | null): void;
  close(): void;
  load(conversationId: string): Promise<ConversationOptions>;
  /** Creates the conversation first when the options are chosen for a new chat. */
  save(conversationId: string | null, changes: Omit<SetConversationOptionsInput, 'id'>): Promise<ConversationOptions>;
  loadDefaults(): Promise<ChatDefaults>;
  saveDefaults(defaults: ChatDefaults): Promise<void>;
}

export const useConversationOptionsStore = create<ConversationOptionsState>((set) => ({
  editing: null,
  defaults: null,
  revision: 0,

  openFor: (conversationId) => set({ editing: conversationId ?? '' }),
  close: () => set({ editing: null }),

  load: (conversationId) => unwrap(parley.conversations.getOptions({ id: conversationId })),

  async save(conversationId, changes) {
    let id = conversationId;
    if (!id) {
      const created: Conversation = await unwrap(parley.conversations.create({}));
      useChatStore.setState((s) => ({ conversations: [created, ...s.conversations], selectedId: created.id, messages: { ...s.messages, [created.id]: [] } }));
      id = created.id;
    }
    const saved = await unwrap(parley.conversations.setOptions({ id, ...changes }));
    set((s) => ({ revision: s.revision + 1 }));
    return saved;
  },

  async loadDefaults() {
    const defaults = await unwrap(parley.settings.getChatDefaults({}));
    set({ defaults });
    return defaults;
  },

  async saveDefaults(defaults) {
    const saved = await unwrap(parley.settings.setChatDefaults(defaults));
    set((s) => ({ defaults: saved, revision: s.revision + 1 }));
  },
}));
