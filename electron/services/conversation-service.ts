import { randomUUID } from 'node:crypto';
import type { Conversation, Message } from '../../shared/domain';
import { safeFileName, toJson, toMarkdown } from './export/conversation-export';
import type { ConversationRepository } from '../db/conversation-repository';
import { AppError } from './app-error';
import type { ProviderSettingsService } from './settings/provider-settings';

export function createConversationService(conversations: ConversationRepository, provider: ProviderSettingsService) {
  const mustExist = (c: Conversation | null): Conversation => {
    if (!c) throw new AppError('NOT_FOUND', 'That conversation no longer exists.');
    return c;
  };
  return {
    list: (page?: { limit: number; offset: number }) => (page ? conversations.listPage(page.limit, page.offset) : conversations.list()),
    get: (id: string) => mustExist(conversations.get(id)),
    create(title: string | undefined, origin: Conversation['origin'] = 'chat'): Conversation {
      // The model is left null so the conversation follows the default until someone picks one for it.
      return conversations.create({ id: randomUUID(), title: title || 'New chat', providerId: provider.get().id, model: null, origin, now: Date.now() });
    },
    rename: (id: string, title: string) => mustExist(conversations.rename(id, title, Date.now())),
    setPinned: (id: string, pinned: boolean) => mustExist(conversations.setPinned(id, pinned)),
    setArchived: (id: string, archived: boolean) => mustExist(conversations.setArchived(id, archived ? Date.now() : null)),
    listArchived: () => conversations.listArchived(),
    export(id: string, format: 'markdown' | 'json', messages: Message[]) {
      const c = mustExist(conversations.get(id));
      const name = safeFileName(c.title);
      return format === 'markdown'
        ? { fileName: `${name}.md`, mimeType: 'text/markdown', content: toMarkdown(c, messages) }
        : { fileName: `${name}.json`, mimeType: 'application/json', content: toJson(c, messages) };
    },
    delete: (id: string) => conversations.delete(id),
  };
}
