import { randomUUID } from 'node:crypto';
import type { ExplainFileInput, ExplainFileOutput, FileSourceInput, OpenedFile, PreparedFile } from '../../../shared/dropped-files';
import type { Conversation, Usage } from '../../../shared/domain';
import type { PromptTemplate } from '../../../shared/prompt-templates';
import type { AttachmentRepository } from '../../db/attachment-repository';
import type { ConversationRepository } from '../../db/conversation-repository';
import type { MessageRepository } from '../../db/message-repository';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import { defaultStreamTimings, type StreamTimings } from '../chat/answer-stream';
import type { EmitEvent } from '../chat/chat-service';
import { createProviderClients } from '../chat/provider-client';
import type { RequestContext } from '../chat/request-context';
import { createTokenCounter } from '../chat/token-counter';
import { createUnsavedAnswers, type UnsavedAnswers } from '../chat/unsaved-answers';
import type { KeyService } from '../secrets/key-service';
import type { ProviderSettingsService } from '../settings/provider-settings';
import { createExplanationRun } from './explanation-run';
import { createFilePreparation, type PreparedEntry } from './file-preparation';
import type { FileSettingsService } from './file-settings';

export interface FileExplanationDeps {
  conversations: ConversationRepository;
  messages: MessageRepository;
  attachments: AttachmentRepository;
  keys: KeyService;
  provider: ProviderSettingsService;
  context: Pick<RequestContext, 'effective'>;
  templates: { list(): PromptTemplate[] };
  settings: FileSettingsService;
  emit: EmitEvent;
  fetch?: typeof globalThis.fetch;
  timings?: Partial<StreamTimings>;
  /** The window to plan against instead of the catalogue's (tests use a small one). */
  contextWindow?: number;
  /** Throws BUDGET_EXCEEDED when the person's budget is spent; a reused explanation sends nothing and is not asked. */
  budgetGuard?: () => void;
  /**
   * False where the window is a web page (the browser host): it sends a dropped file's bytes, and a path from
   * it would let a page read any file main can. Files from the command line come through `open`, not IPC.
   */
  acceptPaths?: boolean;
  /** Failed explanations, by provider and error code: never the file's name or text. */
  log?: Logger;
  /** Answers a full disk kept from being stored, shared with chat so either writes the other's first. */
  unsaved?: UnsavedAnswers;
  /** The cost at the person's prices, as a chat answer's; the catalogue's list prices when absent. */
  costOf?: (model: string, usage: Usage) => number | null;
}

interface ActiveRun {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Dropped and opened files, from the bytes to the stored explanation:
 * prepare (read, check, plan, find a saved explanation), explain (a new
 * "Explain <name>" conversation or the one it was dropped on, the answer
 * streamed like a chat answer, the parts reported as progress, everything
 * stored), stop (the parts done are kept).
 */
export function createFileExplanationService(deps: FileExplanationDeps) {
  const timings = { ...defaultStreamTimings, ...deps.timings };
  const counter = createTokenCounter();
  const preparation = createFilePreparation({ ...deps, counter, ...(deps.contextWindow ? { contextWindow: deps.contextWindow } : {}) });
  const clientFor = createProviderClients({ keys: deps.keys, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const unsaved = deps.unsaved ?? createUnsavedAnswers(deps.messages);
  const active = new Map<string, ActiveRun>();
  const opened: OpenedFile[] = [];
  const run = createExplanationRun({
    ...deps,
    counter,
    unsaved,
    timings,
    retryBaseDelayMs: deps.timings?.retryBaseDelayMs,
    concurrency: () => deps.settings.get().concurrency,
    onEnded: (messageId) => active.delete(messageId),
  });

  function conversationFor(entry: PreparedEntry, conversationId: string | undefined): { conversation: Conversation; created: boolean } {
    if (conversationId) {
      const conversation = deps.conversations.get(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'That conversation no longer exists.');
      return { conversation, created: false };
    }
    const conversation = deps.conversations.create({
      id: randomUUID(),
      title: `Explain ${entry.file.name}`.slice(0, 200),
      providerId: deps.provider.get().id,
      model: null,
      origin: 'file',
      now: Date.now(),
    });
    return { conversation, created: true };
  }

  async function explain(input: ExplainFileInput): Promise<ExplainFileOutput> {
    let entry = preparation.get(input.fileId);
    // Prepared for one conversation and explained in another (or in a new one, on the default model): planned for the model that reads it.
    entry = await preparation.replanFor(entry, input.conversationId);
    // Explaining again after a Stop goes on from the parts done; Regenerate starts over.
    if (input.regenerate) entry.done = [];
    const prepared = preparation.describe(entry);
    if (prepared.needsConfirmation && !input.confirm && !(prepared.reused && !input.regenerate)) {
      const cost = prepared.plan.estimatedCostUsd === null ? 'an unknown cost' : `about $${prepared.plan.estimatedCostUsd.toFixed(2)}`;
      throw new AppError('BAD_INPUT', `Explaining ${entry.file.name} takes ${prepared.plan.requests} requests at ${cost}: confirm first.`);
    }
    const saved = input.regenerate ? null : deps.attachments.findSaved({ sha256: entry.file.sha256, templateId: entry.template.id, model: entry.model });
    // An answer the full disk held back is written first: until then its conversation looks busy.
    unsaved.saveWaiting();
    if (input.conversationId && deps.messages.hasStreaming(input.conversationId)) {
      throw new AppError('BUSY', 'An answer is still being written in this conversation. Stop it or wait for it to finish.');
    }
    // The budget and the key are checked before anything is written, so a refusal leaves no empty question behind.
    if (!saved) deps.budgetGuard?.();
    const client = saved ? null : await clientFor(deps.provider.forConversation(input.conversationId));
    const { file } = entry;
    const now = Date.now();
    // One transaction: a write that fails (a full disk) leaves no empty "Explain" conversation behind.
    const { conversation, created, userMessage, assistantMessage } = deps.messages.transaction(() => {
      const { conversation, created } = conversationFor(entry, input.conversationId);
      const parentId = deps.messages.newestIn(conversation.id)?.id ?? null;
      const user = deps.messages.insert({ id: randomUUID(), conversationId: conversation.id, parentId, role: 'user', content: `Explain ${file.name}`, status: 'complete', model: null, now });
      const assistant = deps.messages.insert({
        id: randomUUID(),
        conversationId: conversation.id,
        parentId: user.id,
        role: 'assistant',
        content: saved ? saved.text : '',
        status: saved ? 'complete' : 'streaming',
        model: entry.model,
        now: now + 1,
        reused: saved !== null,
      });
      deps.attachments.insert({
        id: randomUUID(),
        conversationId: conversation.id,
        messageId: user.id,
        name: file.name,
        kind: file.kind,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
        tokenCount: entry.summary.fileTokens,
        extractedText: file.kind === 'image' ? null : (file.pages?.join('\n\n') ?? file.text ?? null),
        now,
      });
      deps.conversations.touch(conversation.id, now);
      return { conversation, created, userMessage: user, assistantMessage: assistant };
    });
    let shown = deps.conversations.get(conversation.id) ?? conversation;
    if (!created && shown.title === 'New chat' && userMessage.parentId === null) {
      shown = deps.conversations.rename(conversation.id, `Explain ${file.name}`.slice(0, 200), now) ?? shown;
      deps.emit('conversations:changed', { conversation: shown });
    }
    if (client) {
      const controller = new AbortController();
      const activeRun: ActiveRun = { controller, done: Promise.resolve() };
      active.set(assistantMessage.id, activeRun);
      activeRun.done = run(entry, conversation.id, assistantMessage, client, controller.signal).finally(() => active.delete(assistantMessage.id));
    }
    return { conversation: shown, userMessage, assistantMessage, reused: saved !== null };
  }

  return {
    prepare(source: FileSourceInput, conversationId?: string): Promise<PreparedFile> {
      if (source.kind === 'path' && deps.acceptPaths === false) {
        throw new AppError('FORBIDDEN', 'This window sends a dropped file as its contents; it cannot ask Parley to read a path.');
      }
      return preparation.prepare(source, conversationId);
    },
    explain,
    stop(messageId: string): boolean {
      const entry = active.get(messageId);
      if (!entry) return false;
      entry.controller.abort();
      return true;
    },
    attachments: (conversationId: string) => {
      if (!deps.conversations.get(conversationId)) throw new AppError('NOT_FOUND', 'That conversation no longer exists.');
      return deps.attachments.list(conversationId);
    },

    /** A file given from outside the window: prepared now, handed to the window when it asks (files:takeOpened). */
    async open(filePath: string): Promise<void> {
      let item: OpenedFile;
      try {
        item = { path: filePath, result: { ok: true, file: await preparation.prepare({ kind: 'path', path: filePath }) } };
      } catch (err) {
        const error = err instanceof AppError ? err.toShape() : { code: 'INTERNAL' as const, message: `Parley could not open ${filePath}.` };
        item = { path: filePath, result: { ok: false, error } };
      }
      opened.push(item);
      deps.emit('files:opened', { count: opened.length });
    },
    takeOpened: () => ({ files: opened.splice(0, opened.length) }),

    /** Resolves once every explanation in flight has been stored; used at shutdown and by tests. */
    async settle(): Promise<void> {
      await Promise.all([...active.values()].map((a) => a.done));
    },
    abortAll(): void {
      for (const a of active.values()) a.controller.abort();
    },
  };
}

export type FileExplanationService = ReturnType<typeof createFileExplanationService>;
