import { randomUUID } from 'node:crypto';
import type OpenAI from 'openai';
import type { ExplainFileInput, ExplainFileOutput, FileSourceInput, OpenedFile, PreparedFile } from '../../../shared/dropped-files';
import type { Conversation, Message } from '../../../shared/domain';
import { estimateCostUsd } from '../../../shared/model-catalogue';
import type { PromptTemplate } from '../../../shared/prompt-templates';
import type { AttachmentRepository } from '../../db/attachment-repository';
import type { ConversationRepository } from '../../db/conversation-repository';
import type { MessageRepository } from '../../db/message-repository';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import { errorCode } from '../logging/redaction';
import { defaultStreamTimings, streamAnswer, type StreamTimings } from '../chat/answer-stream';
import type { EmitEvent } from '../chat/chat-service';
import { createProviderClients } from '../chat/provider-client';
import type { RequestContext } from '../chat/request-context';
import { createTokenCounter } from '../chat/token-counter';
import { createUnsavedAnswers } from '../chat/unsaved-answers';
import { explainFile, type ExplanationResult, type PartExplanation } from '../explain/explain-runner';
import { explainOrReuse } from '../explain/explanation-key';
import type { KeyService } from '../secrets/key-service';
import type { ProviderSettingsService } from '../settings/provider-settings';
import { createFilePreparation, type PreparedEntry } from './file-preparation';
import type { FileSettingsService } from './file-settings';
import { imageMessages } from './image-explanation';

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
  const unsaved = createUnsavedAnswers(deps.messages);
  const active = new Map<string, ActiveRun>();
  const opened: OpenedFile[] = [];

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

  /** What a stopped or failed run of parts leaves in the answer: every part's notes, so nothing paid for is lost. */
  function keptParts(result: ExplanationResult, total: number): string {
    if (result.text || result.parts.length === 0) return result.text;
    const heading = result.status === 'cancelled' ? `Stopped after ${result.parts.length} of ${total} parts.` : `Explained ${result.parts.length} of ${total} parts before the error.`;
    return [heading, ...result.parts.map((p) => `### Part ${p.index + 1}: ${p.label}\n\n${p.text.trim()}`)].join('\n\n');
  }

  function finish(conversationId: string, assistant: Message, content: string, outcome: Pick<ExplanationResult, 'status' | 'error' | 'usage' | 'costUsd'>, started: number): void {
    const now = Date.now();
    if (outcome.status === 'error') {
      deps.log?.warn('files', 'A file explanation failed', { providerId: deps.conversations.get(conversationId)?.providerId ?? null, code: outcome.error?.code ?? null });
    }
    // Over before the window hears so: a Stop pressed on the finished answer finds nothing to stop.
    active.delete(assistant.id);
    const { stored, unsaved: notStored } = unsaved.finish(assistant, {
      status: outcome.status,
      content,
      error: outcome.error,
      finishReason: outcome.status === 'complete' ? 'stop' : null,
      usage: outcome.usage,
      costUsd: outcome.costUsd,
      ttftMs: null,
      totalMs: now - started,
      now,
    });
    const message = stored ?? notStored;
    if (message) deps.emit('chat:done', { conversationId, message });
  }

  async function run(entry: PreparedEntry, conversationId: string, assistant: Message, client: OpenAI, controller: AbortController): Promise<void> {
    const started = Date.now();
    const { file } = entry;
    const progress = (p: Parameters<NonNullable<Parameters<typeof explainFile>[0]['onProgress']>>[0]) =>
      deps.emit('files:progress', { messageId: assistant.id, conversationId, fileName: file.name, progress: p });
    const onDelta = (text: string) => deps.emit('chat:delta', { conversationId, messageId: assistant.id, text });
    const persist = (content: string) => void deps.messages.flush(assistant.id, content, Date.now());
    try {
      if (!entry.plan) {
        progress({ phase: 'parts', partsDone: 0, partsTotal: 1 });
        const outcome = await streamAnswer({
          client,
          model: entry.model,
          messages: imageMessages({ instruction: entry.template.prompt, name: file.name, image: file.image! }),
          signal: controller.signal,
          stopRequested: () => controller.signal.aborted,
          onDelta,
          persist,
          timings,
        });
        const costUsd = outcome.usage ? estimateCostUsd(entry.model, outcome.usage.promptTokens, outcome.usage.completionTokens) : null;
        if (outcome.status === 'complete') progress({ phase: 'done', partsDone: 1, partsTotal: 1 });
        finish(conversationId, assistant, outcome.content, { ...outcome, usage: outcome.usage ?? { promptTokens: 0, completionTokens: 0 }, costUsd }, started);
        if (outcome.status === 'complete') {
          deps.attachments
            .explanationStoreFor(assistant.id, { sha256: file.sha256, templateId: entry.template.id, model: entry.model })
            .save({ key: '', text: outcome.content, parts: [], model: entry.model, createdAt: Date.now() });
        }
        return;
      }
      const plan = entry.plan;
      const keyParts = { sha256: file.sha256, templateId: entry.template.id, model: entry.model };
      let result: ExplanationResult | null = null;
      // Saved only once the answer is stored complete: a reused explanation is always one a person could read.
      await explainOrReuse({
        store: {
          find: () => null,
          save: (e) => {
            if (result) finish(conversationId, assistant, result.text, result, started);
            try {
              deps.attachments.explanationStoreFor(assistant.id, keyParts).save(e);
            } catch {
              // Only reuse is lost (a full disk): the explanation itself is stored and shown.
            }
          },
        },
        key: keyParts,
        regenerate: true,
        run: async () => {
          result = await explainFile({
            client,
            plan,
            counter,
            concurrency: deps.settings.get().concurrency,
            // Tests that shorten the chat's backoff shorten the parts' too.
            ...(deps.timings?.retryBaseDelayMs !== undefined ? { retry: { baseDelayMs: deps.timings.retryBaseDelayMs } } : {}),
            signal: controller.signal,
            done: entry.done,
            onProgress: progress,
            onPart: (part: PartExplanation) => entry.done.push(part),
            onDelta,
            persist,
            timings,
          });
          return result;
        },
      });
      const r = result as ExplanationResult | null;
      if (r && r.status !== 'complete') finish(conversationId, assistant, keptParts(r, plan.parts.length), r, started);
      if (r?.status === 'complete') entry.done = [];
    } catch (err) {
      // Class and code only: a parser's message may quote the file.
      if (!(err instanceof AppError)) deps.log?.error('files', 'Explaining a file failed inside Parley', errorCode(err));
      const error = err instanceof AppError ? err.toShape() : { code: 'INTERNAL' as const, message: String(err) };
      finish(conversationId, assistant, deps.messages.get(assistant.id)?.content ?? '', { status: 'error', error, usage: { promptTokens: 0, completionTokens: 0 }, costUsd: null }, started);
    }
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
      activeRun.done = run(entry, conversation.id, assistantMessage, client, controller).finally(() => active.delete(assistantMessage.id));
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
