import { z } from 'zod';
import { Appearance } from './appearance';
import { PromptTemplate } from './prompt-templates';
import type { ChannelName, EventName } from './channels';
import { Conversation, Id, KeyStatus, Message, ProviderSettings } from './domain';
import { SearchInput, SearchResults } from './search';
import { AddProviderInput, ConnectionCheck, LocalServer, Provider, ProviderBaseUrl, ProviderId, ProviderList, ProviderModels, UpdateProviderInput } from './providers';
import { QuickAskState, SetQuickAskInput, QUICK_WINDOW_MAX_HEIGHT } from './quick-ask';
import { ChatDefaults, ConversationOptions, EstimateInput, RequestEstimate, SetConversationOptionsInput } from './chat-options';
import { StartupNotice } from './startup-notice';
import { UpdateReady, UpdateSettings } from './app-updates';
import { Budgets, BudgetStatus, PriceList, SetPricesInput, UsageRange, UsageSummary } from './usage';
import { Attachment, ExplainFileInput, ExplainFileOutput, FileProgressEvent, FileSettings, OpenedFile, PrepareFileInput, PreparedFile } from './dropped-files';

const empty = z.object({}).strict();

/** A pasted key sometimes carries a trailing newline or spaces: those are trimmed, anything else inside is refused. */
const apiKey = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(8, 'the key looks too short').max(512).regex(/^\S+$/, 'a key has no spaces'));

export const contract = {
  /** Every conversation in the list; with `limit`, one page of it from `offset`. */
  'conversations:list': {
    input: z.object({ limit: z.number().int().min(1).max(1000).optional(), offset: z.number().int().min(0).optional() }).strict(),
    output: z.array(Conversation),
  },
  /** One conversation, for one opened from search that the loaded pages of the list do not hold yet. */
  'conversations:get': { input: z.object({ id: Id }).strict(), output: Conversation },
  /** `origin: 'quick'` marks a conversation begun in the quick-ask window; it lists and searches like any other. */
  'conversations:create': {
    input: z.object({ title: z.string().trim().max(200).optional(), origin: z.enum(['chat', 'quick']).optional() }).strict(),
    output: Conversation,
  },
  'conversations:rename': {
    input: z.object({ id: Id, title: z.string().trim().min(1).max(200) }).strict(),
    output: Conversation,
  },
  'conversations:setPinned': {
    input: z.object({ id: Id, pinned: z.boolean() }).strict(),
    output: Conversation,
  },
  /** Archived conversations leave the list but stay searchable and can come back. */
  'conversations:setArchived': {
    input: z.object({ id: Id, archived: z.boolean() }).strict(),
    output: Conversation,
  },
  'conversations:listArchived': { input: empty, output: z.array(Conversation) },
  'conversations:export': {
    input: z.object({ id: Id, format: z.enum(['markdown', 'json']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  },
  'conversations:delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.boolean() }) },
  'conversations:getOptions': { input: z.object({ id: Id }).strict(), output: ConversationOptions },
  'conversations:setOptions': { input: SetConversationOptionsInput, output: ConversationOptions },
  'chat:estimate': { input: EstimateInput, output: RequestEstimate },
  'settings:getChatDefaults': { input: empty, output: ChatDefaults },
  'settings:setChatDefaults': { input: ChatDefaults.strict(), output: ChatDefaults },
  /** Every message, oldest first; with `limit` (and `before`, a message id), just the page older than `before`. */
  'messages:list': {
    input: z.object({ conversationId: Id, before: Id.optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.array(Message),
  },
  'search:messages': { input: SearchInput, output: SearchResults },
  'chat:send': {
    input: z
      .object({
        conversationId: Id,
        parentId: Id.nullable().optional(),
        content: z.string().trim().min(1, 'the message is empty').max(1_000_000),
        /** A prompt template's temperature, for this one answer; the conversation's own stays as it is. */
        temperature: z.number().min(0).max(2).optional(),
        /** Sends this one request although a budget is spent (the person chose "Send anyway"); the next is stopped again. */
        overrideBudget: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ userMessage: Message, assistantMessage: Message }),
  },
  'chat:stop': { input: z.object({ messageId: Id }).strict(), output: z.object({ stopped: z.boolean() }) },
  /** A new answer beside `messageId` (an answer) or under it (a question); the old one stays as a version. */
  'chat:regenerate': { input: z.object({ messageId: Id }).strict(), output: z.object({ assistantMessage: Message }) },
  /** A new version of the question `messageId`, beside it, and a new answer to it. */
  'chat:edit': {
    input: z.object({ messageId: Id, content: z.string().trim().min(1, 'the message is empty').max(1_000_000) }).strict(),
    output: z.object({ userMessage: Message, assistantMessage: Message }),
  },
  /** Streams more of a cut answer into the same message; answers it reopened, streaming again. */
  'chat:continue': { input: z.object({ messageId: Id }).strict(), output: z.object({ assistantMessage: Message }) },
  'settings:getProvider': { input: empty, output: ProviderSettings },
  'settings:getAppearance': { input: empty, output: Appearance },
  'settings:setAppearance': { input: Appearance, output: Appearance },
  'settings:setProvider': {
    input: z.object({ baseUrl: ProviderBaseUrl, model: z.string().trim().min(1).max(200) }).strict(),
    output: ProviderSettings,
  },
  'templates:list': { input: empty, output: z.array(PromptTemplate) },
  'templates:save': { input: z.object({ template: PromptTemplate }).strict(), output: z.array(PromptTemplate) },
  'templates:delete': { input: z.object({ id: Id }).strict(), output: z.array(PromptTemplate) },
  'templates:reset': { input: empty, output: z.array(PromptTemplate) },
  /** Every conversation with every branch, as one JSON file; never any key. */
  'data:exportAll': { input: empty, output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }) },
  /** A Parley export (one conversation or a backup) or ChatGPT's conversations.json, as text. */
  'data:import': {
    input: z.object({ content: z.string().min(1, 'the file is empty').max(200_000_000, 'the file is over 200 MB') }).strict(),
    output: z.object({ source: z.enum(['parley', 'chatgpt']), conversations: z.number().int(), messages: z.number().int() }),
  },
  'secrets:status': { input: z.object({ providerId: ProviderId }).strict(), output: KeyStatus },
  'secrets:setKey': {
    input: z.object({ providerId: ProviderId, key: apiKey, sessionOnly: z.boolean().optional() }).strict(),
    output: KeyStatus,
  },
  'secrets:deleteKey': { input: z.object({ providerId: ProviderId }).strict(), output: KeyStatus },
  /** Every provider and the default, the one new conversations use. Never a key. */
  'providers:list': { input: empty, output: ProviderList },
  'providers:add': { input: AddProviderInput, output: Provider },
  'providers:update': { input: UpdateProviderInput, output: Provider },
  /** Its keychain entry is removed too; conversations that used it move to the default. */
  'providers:remove': { input: z.object({ id: ProviderId }).strict(), output: ProviderList },
  'providers:setDefault': { input: z.object({ id: ProviderId }).strict(), output: ProviderList },
  /** The provider's own model list (the SDK's models.list), sorted. */
  'providers:models': { input: z.object({ providerId: ProviderId }).strict(), output: ProviderModels },
  /** A cheap call with the saved address and key: its latency, or the typed error. */
  'providers:test': { input: z.object({ providerId: ProviderId }).strict(), output: ConnectionCheck },
  /** Ollama or LM Studio found on this computer at first run, not yet added. */
  'providers:detectLocal': { input: empty, output: z.object({ servers: z.array(LocalServer) }) },
  /** Moves a conversation to another provider; its own model returns to that provider's default. */
  'conversations:setProvider': { input: z.object({ id: Id, providerId: ProviderId }).strict(), output: Conversation },
  'settings:getQuickAsk': { input: empty, output: QuickAskState },
  /**
   * A new hotkey is registered before it is saved: when another app holds it
   * (or it is not a valid accelerator) the answer is BAD_INPUT saying so, and
   * the previous hotkey stays registered and saved.
   */
  'settings:setQuickAsk': { input: SetQuickAskInput, output: QuickAskState },
  /** The clipboard's text (cut at QUICK_CLIPBOARD_MAX_CHARS), for the quick window's "use clipboard text". Main reads it. */
  'quick:clipboardText': { input: empty, output: z.object({ text: z.string(), truncated: z.boolean() }) },
  /** Esc, or after "Open in main window": the quick window hides (it is never closed, so it shows again at once). */
  'quick:hide': { input: empty, output: z.object({ hidden: z.boolean() }) },
  /** The quick window's content height; main sizes the window to it, up to QUICK_WINDOW_MAX_HEIGHT. */
  'quick:resize': { input: z.object({ height: z.number().int().min(1).max(10_000) }).strict(), output: z.object({ height: z.number().int().max(QUICK_WINDOW_MAX_HEIGHT) }) },
  /** A pinned quick window stays up when it loses focus. */
  'quick:setPinned': { input: z.object({ pinned: z.boolean() }).strict(), output: z.object({ pinned: z.boolean() }) },
  /** Shows the main window on that conversation (event app:openConversation) and hides the quick window. */
  'quick:openInMain': { input: z.object({ conversationId: Id }).strict(), output: z.object({ opened: z.boolean() }) },
  /** What the person must be told about this start (an unreadable database moved aside, and where); the same list every time it is asked. */
  'app:startupNotices': { input: empty, output: z.object({ notices: z.array(StartupNotice) }) },
  /**
   * Reads a dropped or opened file (main does the reading and checking), plans its explanation and says whether a
   * saved one can be reused. Nothing is sent to a model. A refused file answers FILE_REFUSED or FILE_UNREADABLE with
   * a message to show in an alert (a directory's lists the files in it); several files are several calls.
   */
  'files:prepare': { input: PrepareFileInput, output: PreparedFile },
  /** Starts explaining a prepared file; the answer streams through chat:delta / chat:done, the parts through files:progress. */
  'files:explain': { input: ExplainFileInput, output: ExplainFileOutput },
  /** Stops an explanation: no new part starts, the parts done are kept, the message ends `cancelled`. chat:stop does the same. */
  'files:stop': { input: z.object({ messageId: Id }).strict(), output: z.object({ stopped: z.boolean() }) },
  /** The files kept with a conversation, oldest first. */
  'files:attachments': { input: z.object({ conversationId: Id }).strict(), output: z.array(Attachment) },
  /** Files given from outside the window (command line, "Open with…", dock) not yet shown; each is handed out once. */
  'files:takeOpened': { input: empty, output: z.object({ files: z.array(OpenedFile) }) },
  'settings:getFiles': { input: empty, output: FileSettings },
  'settings:setFiles': { input: FileSettings.strict(), output: FileSettings },
  /** Requests, cost, speed and errors from day `from` to day `to` (local days, both included), from the local database. */
  'usage:summary': { input: UsageRange, output: UsageSummary },
  /** One line per request of the range, as CSV, to save as a file. */
  'usage:exportCsv': { input: UsageRange, output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }) },
  /** Spending today and this month against the budgets: the composer warns from 80 %, chat:send stops at 100 %. */
  'usage:status': { input: empty, output: BudgetStatus },
  'settings:getBudgets': { input: empty, output: Budgets },
  'settings:setBudgets': { input: Budgets, output: Budgets },
  /** Each model's price per million tokens: the catalogue's, or the person's where they changed it. */
  'settings:getPrices': { input: empty, output: PriceList },
  'settings:setPrices': { input: SetPricesInput, output: PriceList },
  'settings:getUpdates': { input: empty, output: UpdateSettings },
  /** Turning checks on checks at once; off stops the daily check (a download under way finishes). */
  'settings:setUpdates': { input: UpdateSettings.strict(), output: UpdateSettings },
  /** Quits and installs the downloaded update (app:updateReady came first); `restarting: false` when there is none. */
  'app:restartToUpdate': { input: empty, output: z.object({ restarting: z.boolean() }) },
} satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export const eventContract = {
  /** `text` is what arrived since the previous delta, to append. */
  'chat:delta': z.object({ conversationId: Id, messageId: Id, text: z.string() }),
  /** Sent once per answer whatever its end: complete, cancelled or error. */
  'chat:done': z.object({ conversationId: Id, message: Message }),
  'conversations:changed': z.object({ conversation: Conversation }),
  /** The main window should show this conversation (sent after "Open in main window" in the quick window). */
  'app:openConversation': z.object({ conversationId: Id }),
  /** The main window should start a new chat (the tray's "New chat"). */
  'app:newChat': z.object({}),
  /** The quick window was just shown: focus the input at once. */
  'quick:shown': z.object({ at: z.number() }),
  /** Parts done of a file being explained, for its progressbar. */
  'files:progress': FileProgressEvent,
  /** Files were given from outside the window: call files:takeOpened and treat each like a drop on the main window. */
  'files:opened': z.object({ count: z.number().int().positive() }),
  /** An update finished downloading in the background: offer "Restart to update". */
  'app:updateReady': UpdateReady,
} satisfies Record<EventName, z.ZodType>;

export type ChannelInput<C extends ChannelName> = z.input<(typeof contract)[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<(typeof contract)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;
