import { mkdirSync } from 'node:fs';
import type Database from 'better-sqlite3';
import path from 'node:path';
import type { EventName } from '../shared/channels';
import type { EventPayload } from '../shared/contract';
import { openDatabaseSafely } from './db/safe-open';
import { createConversationRepository } from './db/conversation-repository';
import { createMessageRepository } from './db/message-repository';
import { createSearchRepository } from './db/search-repository';
import { createSettingsRepository } from './db/settings-repository';
import { createRouter, type Router, type Sender } from './ipc/router';
import { createHandlers } from './ipc/handlers';
import type { StreamTimings } from './services/chat/answer-stream';
import { createChatService } from './services/chat/chat-service';
import { createUnsavedAnswers } from './services/chat/unsaved-answers';
import { createConversationService } from './services/conversation-service';
import { createSearchService } from './services/search-service';
import { createConversationSettings } from './services/conversation-settings';
import { createKeyService } from './services/secrets/key-service';
import { createProviderService } from './services/providers/provider-service';
import { createConversationProvider } from './services/providers/conversation-provider';
import type { LocalProbeUrls } from './services/providers/local-server-probe';
import type { SecretStore } from './services/secrets/secret-store';
import { createDataTransferService } from './services/data-transfer/data-transfer-service';
import { createImportRepository } from './services/data-transfer/import-repository';
import { createPromptTemplateLibrary } from './services/settings/prompt-template-library';
import { createAppearanceSettings } from './services/settings/appearance-settings';
import { createProviderSettings, defaultProviderId } from './services/settings/provider-settings';
import type { QuickAskState } from '../shared/quick-ask';
import type { StartupNotice } from '../shared/startup-notice';
import type { DesktopShell } from './services/desktop/desktop-shell';
import { createHeadlessDesktopShell } from './services/desktop/headless-desktop-shell';
import { createQuickAskSettings } from './services/desktop/quick-ask-settings';
import { createQuickWindowService } from './services/desktop/quick-window-service';
import { createUsageService } from './services/usage/usage-service';
import { createFileLogger, type LogFields, type Logger } from './services/logging/logger';
import { errorFields } from './services/logging/redaction';
import { createAttachmentRepository } from './db/attachment-repository';
import { createFileExplanationService, type FileExplanationService } from './services/file-explanations/file-explanation-service';
import { createFileSettings } from './services/file-explanations/file-settings';
import { createUpdateSettings, type UpdateControl } from './services/settings/update-settings';
import type { UpdateReady, UpdateSettings } from '../shared/app-updates';
import { useTokenizerCache } from './services/chat/tokenizer-loader';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface BackendOptions {
  dataDir: string;
  secrets: SecretStore;
  isTrustedSender: (sender: Sender) => boolean;
  fetch?: typeof globalThis.fetch;
  /** Defaults to process.env; only OPENAI_API_KEY and OPENAI_BASE_URL are read. */
  env?: Record<string, string | undefined>;
  timings?: Partial<StreamTimings>;
  /** Where to look for Ollama and LM Studio at first run; `{}` looks nowhere. Defaults to their usual ports. */
  localProbeUrls?: LocalProbeUrls;
  /** How long each probe waits; tests on a loaded machine give more than the default 300 ms. */
  localProbeTimeoutMs?: number;
  nativeBinding?: string;
  /** Sees the connection once the database is open; tests use it to make the disk look full (`PRAGMA max_page_count`). */
  onDatabaseOpen?: (db: Database.Database) => void;
  /** Told of a failure inside a handler, after it is logged; the person gets INTERNAL. */
  onInternalError?: (channel: string, err: unknown) => void;
  /** Where Parley logs (redacted JSON lines). Defaults to <dataDir>/logs/parley.log, rotated. */
  logger?: Logger;
  /** The windows, clipboard and hotkey around the backend. Absent: a headless one (see headless-desktop-shell.ts). */
  desktop?: DesktopShell;
  /** Defaults to process.platform; decides platform defaults such as closing to the tray on macOS. */
  platform?: string;
  /** The context window dropped files are planned against instead of the catalogue's; tests use a small one. */
  fileContextWindow?: number;
  /** False for a window that is a web page (the browser host): dropped files come as bytes, never as a path to read. */
  acceptFilePaths?: boolean;
  /** The packaged app's updater (electron/shell/auto-update.ts); absent, updates are never checked. */
  updates?: UpdateControl;
}

export interface Backend {
  invoke: Router;
  subscribe(listener: EventListener): () => void;
  databaseFile: string;
  /** Told to the person once the window is up (also answered on `app:startupNotices`): e.g. where an unreadable database went. */
  startupNotices: readonly StartupNotice[];
  quickAsk: {
    settings(): QuickAskState;
    /** Registers the saved hotkey and applies the background settings; the shell calls it once its windows exist. */
    applyAtStart(): void;
  };
  /** Files given from outside the window (command line, "Open with…", dock): prepared, then handed to the window (files:opened). */
  openFile(filePath: string): Promise<void>;
  /** Tells the chat window to start a new chat (the tray's "New chat"); the shell shows the window. */
  startNewChat(): void;
  updates: {
    settings(): UpdateSettings;
    /** An update is downloaded: the windows are told (app:updateReady) and app:restartToUpdate can install it. */
    ready(update: UpdateReady): void;
  };
  /** Answers still streaming are stopped and stored before the database closes. */
  close(): Promise<void>;
}

/**
 * Builds every service and the router from plain Node: nothing here knows Electron.
 * Throws DatabaseRefusedError (its message is for the person) when the database
 * is from a newer Parley or cannot be opened for a reason that is not the file's.
 */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.logger ?? createFileLogger({ dir: path.join(options.dataDir, 'logs') });
  const env = options.env ?? process.env;
  if (env.OPENAI_API_KEY) log.redact(env.OPENAI_API_KEY);
  log.info('startup', 'Parley backend starting', { dataDir: options.dataDir, platform: options.platform ?? process.platform, node: process.versions.node, electron: process.versions.electron });
  useTokenizerCache(path.join(options.dataDir, 'cache'));
  const databaseFile = path.join(options.dataDir, 'parley.sqlite');
  let opened: ReturnType<typeof openDatabaseSafely>;
  try {
    opened = openDatabaseSafely(databaseFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    log.error('database', 'The database could not be opened', { file: databaseFile, ...errorFields(err) });
    throw err;
  }
  const { db, notices: startupNotices, migration, session } = opened;
  if (opened.fullCheck) log.info('database', 'Database pages checked in full', { reason: opened.fullCheck });
  if (session.openWriteError) log.warn('database', 'The session record could not be written; the next start checks the database in full', { file: session.openWriteError.file, ...errorFields(session.openWriteError.error) });
  if (migration.from !== migration.to) log.info('database', 'Database migrated', { from: migration.from, to: migration.to, backup: migration.backupPath });
  for (const notice of startupNotices) log.warn('recovery', notice.title, { kind: notice.kind, movedTo: notice.movedTo });
  options.onDatabaseOpen?.(db);

  const conversations = createConversationRepository(db);
  const messages = createMessageRepository(db);
  const interrupted = messages.markInterrupted(Date.now());
  if (interrupted > 0) log.warn('recovery', 'Answers cut off by the last exit marked interrupted', { count: interrupted });
  const settings = createSettingsRepository(db);
  const provider = createProviderSettings(settings, env.OPENAI_BASE_URL, (id) => conversations.get(id)?.providerId);
  const appearance = createAppearanceSettings(settings);
  const keys = createKeyService({ keychain: options.secrets, environmentKeys: { [defaultProviderId]: env.OPENAI_API_KEY }, onKeySeen: log.redact, log });
  const providers = createProviderService({
    provider,
    keys,
    log,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.localProbeUrls ? { localProbeUrls: options.localProbeUrls } : {}),
    ...(options.localProbeTimeoutMs ? { localProbeTimeoutMs: options.localProbeTimeoutMs } : {}),
  });
  providers.startFirstRunProbe();

  const listeners = new Set<EventListener>();
  // Damage met while running (a request, or an answer's write) is logged and makes the next start read the whole file.
  let damageSeen = false;
  const noteDamage = (fields: LogFields) => {
    damageSeen = true;
    log.error('database', 'SQLite found the database damaged; the next start checks it in full', fields);
  };
  const emit: EventListener = (event, payload) => {
    if (event === 'chat:done' && (payload as EventPayload<'chat:done'>).message.error?.code === 'DATABASE_DAMAGED') noteDamage({ channel: event });
    for (const l of listeners) l(event, payload);
  };
  const usage = createUsageService({ db, settings, providerName: (id) => provider.registry.list().providers.find((p) => p.id === id)?.name ?? id ?? 'unknown provider' });
  const conversationSettings = createConversationSettings({ db, conversations, messages, provider, emit });
  const unsaved = createUnsavedAnswers(messages);
  const chat = createChatService({
    conversations,
    messages,
    unsaved,
    keys,
    provider,
    context: conversationSettings.context,
    emit,
    log,
    usage,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timings ? { timings: options.timings } : {}),
  });
  const conversationService = createConversationService(conversations, provider);
  const desktop = options.desktop ?? createHeadlessDesktopShell();
  const quickAsk = createQuickAskSettings({ settings, desktop, platform: options.platform ?? process.platform });
  const quickWindow = createQuickWindowService({ desktop, getConversation: conversationService.get, emit });
  const templates = createPromptTemplateLibrary(settings);
  const fileSettings = createFileSettings(settings);
  const updates = createUpdateSettings(settings, options.updates);
  const files: FileExplanationService = createFileExplanationService({
    conversations,
    messages,
    unsaved,
    attachments: createAttachmentRepository(db),
    keys,
    provider,
    context: conversationSettings.context,
    templates,
    settings: fileSettings,
    // An explanation's spending counts towards the budgets and shows on the dashboard like a chat answer's.
    emit: usage.recordingAnswers(emit, (id) => conversations.get(id)?.providerId ?? null),
    budgetGuard: () => usage.guard(false),
    costOf: (model, u) => usage.costOf(model, u),
    ...(options.acceptFilePaths === false ? { acceptPaths: false } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timings ? { timings: options.timings } : {}),
    ...(options.fileContextWindow ? { contextWindow: options.fileContextWindow } : {}),
    log,
  });
  const handlers = createHandlers({ files, fileSettings, conversations: conversationService, quickAsk, quickWindow, messages, chat, keys, provider, providers, conversationProvider: createConversationProvider({ db, conversations, registry: provider.registry, emit }), search: createSearchService(createSearchRepository(db)), conversationSettings, appearance, updates, dataTransfer: createDataTransferService(conversations, messages, createImportRepository(db)), templates, startupNotices, usage });
  const invoke = createRouter(handlers, {
    isTrustedSender: options.isTrustedSender,
    onInternalError(channel, err) {
      log.error('ipc', 'Internal error in a handler', { channel, ...errorFields(err) });
      options.onInternalError?.(channel, err);
    },
    onDatabaseDamage: (channel, err) => noteDamage({ channel, ...errorFields(err) }),
  });
  log.info('startup', 'Parley backend ready', { schema: migration.to });

  return {
    invoke,
    databaseFile,
    startupNotices,
    quickAsk: { settings: quickAsk.get, applyAtStart: quickAsk.applyAtStart },
    openFile: (filePath) => files.open(filePath),
    startNewChat: () => emit('app:newChat', {}),
    updates: {
      settings: updates.get,
      ready(update) {
        updates.markReady(update);
        emit('app:updateReady', update);
      },
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      chat.abortAll();
      files.abortAll();
      // Files first: chat's settle then writes any answer of either that the full disk held back.
      await files.settle();
      await chat.settle();
      listeners.clear();
      db.close();
      const unrecorded = session.closedCleanly({ damageSeen });
      if (unrecorded) log.warn('database', 'The clean close could not be recorded; the next start checks the database in full', { file: unrecorded.file, ...errorFields(unrecorded.error) });
      log.info('startup', 'Parley backend closed');
    },
  };
}
