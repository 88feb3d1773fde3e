import type { MessageRepository } from '../db/message-repository';
import type { ChatService } from '../services/chat/chat-service';
import type { createConversationService } from '../services/conversation-service';
import type { ConversationSettings } from '../services/conversation-settings';
import type { KeyService } from '../services/secrets/key-service';
import type { ProviderService } from '../services/providers/provider-service';
import type { ConversationProvider } from '../services/providers/conversation-provider';
import type { SearchService } from '../services/search-service';
import type { ProviderSettingsService } from '../services/settings/provider-settings';
import type { AppearanceSettings } from '../services/settings/appearance-settings';
import type { DataTransferService } from '../services/data-transfer/data-transfer-service';
import type { PromptTemplateLibrary } from '../services/settings/prompt-template-library';
import type { QuickAskSettingsService } from '../services/desktop/quick-ask-settings';
import type { QuickWindowService } from '../services/desktop/quick-window-service';
import type { StartupNotice } from '../../shared/startup-notice';
import type { FileExplanationService } from '../services/file-explanations/file-explanation-service';
import type { FileSettingsService } from '../services/file-explanations/file-settings';
import type { UsageService } from '../services/usage/usage-service';
import type { UpdateSettingsService } from '../services/settings/update-settings';
import type { Handlers } from './router';

export interface HandlerDeps {
  conversations: ReturnType<typeof createConversationService>;
  messages: MessageRepository;
  chat: ChatService;
  keys: KeyService;
  provider: ProviderSettingsService;
  providers: ProviderService;
  conversationProvider: ConversationProvider;
  search: SearchService;
  appearance: AppearanceSettings;
  dataTransfer: DataTransferService;
  templates: PromptTemplateLibrary;
  conversationSettings: ConversationSettings;
  quickAsk: QuickAskSettingsService;
  quickWindow: QuickWindowService;
  startupNotices: readonly StartupNotice[];
  usage: UsageService;
  files: FileExplanationService;
  fileSettings: FileSettingsService;
  updates: UpdateSettingsService;
}

/** One line per channel: the router has already validated every input. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'conversations:list': (i) => d.conversations.list(i.limit === undefined ? undefined : { limit: i.limit, offset: i.offset ?? 0 }),
    'conversations:get': (i) => d.conversations.get(i.id),
    'conversations:create': (i) => d.conversations.create(i.title, i.origin),
    'conversations:rename': (i) => d.conversations.rename(i.id, i.title),
    'conversations:setPinned': (i) => d.conversations.setPinned(i.id, i.pinned),
    'conversations:setArchived': (i) => d.conversations.setArchived(i.id, i.archived),
    'conversations:listArchived': () => d.conversations.listArchived(),
    'conversations:export': (i) => d.conversations.export(i.id, i.format, d.messages.listByConversation(i.id)),
    'conversations:delete': (i) => ({ deleted: d.conversations.delete(i.id) }),
    'conversations:getOptions': (i) => d.conversationSettings.options.get(i.id),
    'conversations:setOptions': (i) => d.conversationSettings.options.set(i),
    'messages:list': (i) => pageOrAll(d.messages, d.conversations.get(i.conversationId).id, i.limit, i.before),
    'search:messages': (i) => d.search.search(i),
    // Every new request passes the budget first; only a send can be let through once ("Send anyway").
    'chat:send': (i) => (d.usage.guard(i.overrideBudget), d.chat.send(i)),
    // An explanation's answer stops from the chat view's Stop as from files:stop.
    'chat:stop': (i) => ({ stopped: d.chat.stop(i.messageId) || d.files.stop(i.messageId) }),
    'chat:estimate': async (i) => d.usage.reprice(await d.conversationSettings.context.estimate(i)),
    'chat:regenerate': (i) => (d.usage.guard(false), d.chat.regenerate(i.messageId)),
    'chat:edit': (i) => (d.usage.guard(false), d.chat.edit(i.messageId, i.content)),
    'chat:continue': (i) => (d.usage.guard(false), d.chat.continueAnswer(i.messageId)),
    'settings:getProvider': () => d.provider.get(),
    'settings:getAppearance': () => d.appearance.get(),
    'settings:setAppearance': (i) => d.appearance.set(i),
    'settings:setProvider': (i) => d.provider.set(i),
    'settings:getChatDefaults': () => d.conversationSettings.defaults.get(),
    'settings:setChatDefaults': (i) => d.conversationSettings.defaults.set(i),
    'templates:list': () => d.templates.list(),
    'templates:save': (i) => d.templates.save(i.template),
    'templates:delete': (i) => d.templates.remove(i.id),
    'templates:reset': () => d.templates.reset(),
    'data:exportAll': () => d.dataTransfer.exportAll(),
    'data:import': (i) => d.dataTransfer.import(i.content),
    'secrets:status': (i) => d.keys.status(i.providerId),
    'secrets:setKey': (i) => d.keys.setKey(i.providerId, i.key, i.sessionOnly),
    'secrets:deleteKey': (i) => d.keys.deleteKey(i.providerId),
    'providers:list': () => d.providers.list(),
    'providers:add': (i) => d.providers.add(i),
    'providers:update': (i) => d.providers.update(i),
    'providers:remove': (i) => d.providers.remove(i.id),
    'providers:setDefault': (i) => d.providers.setDefault(i.id),
    'providers:models': (i) => d.providers.models(i.providerId),
    'providers:test': (i) => d.providers.test(i.providerId),
    'providers:detectLocal': () => d.providers.detectLocal(),
    'conversations:setProvider': (i) => d.conversationProvider.set(i.id, i.providerId),
    'settings:getQuickAsk': () => d.quickAsk.get(),
    'settings:setQuickAsk': (i) => d.quickAsk.set(i),
    'quick:clipboardText': () => d.quickWindow.clipboardText(),
    'quick:hide': () => d.quickWindow.hide(),
    'quick:resize': (i) => d.quickWindow.resize(i.height),
    'quick:setPinned': (i) => d.quickWindow.setPinned(i.pinned),
    'quick:openInMain': (i) => d.quickWindow.openInMain(i.conversationId),
    'app:startupNotices': () => ({ notices: [...d.startupNotices] }),
    'files:prepare': (i) => d.files.prepare(i.source, i.conversationId),
    'files:explain': (i) => d.files.explain(i),
    'files:stop': (i) => ({ stopped: d.files.stop(i.messageId) }),
    'files:attachments': (i) => d.files.attachments(i.conversationId),
    'files:takeOpened': () => d.files.takeOpened(),
    'settings:getFiles': () => d.fileSettings.get(),
    'settings:setFiles': (i) => d.fileSettings.set(i),
    'usage:summary': (i) => d.usage.summary(i),
    'usage:exportCsv': (i) => d.usage.exportCsv(i),
    'usage:status': () => d.usage.status(),
    'settings:getBudgets': () => d.usage.budgets(),
    'settings:setBudgets': (i) => d.usage.setBudgets(i),
    'settings:getPrices': () => d.usage.prices.list(),
    'settings:setPrices': (i) => d.usage.prices.set(i.overrides),
    'settings:getUpdates': () => d.updates.get(),
    'settings:setUpdates': (i) => d.updates.set(i),
    'app:restartToUpdate': () => d.updates.restart(),
  };
}

const DEFAULT_PAGE = 200;

/** Callers that ask for no page get every message, as before paging existed. */
function pageOrAll(messages: MessageRepository, conversationId: string, limit?: number, before?: string) {
  if (limit === undefined && before === undefined) return messages.listByConversation(conversationId);
  return messages.listPage(conversationId, limit ?? DEFAULT_PAGE, before);
}
