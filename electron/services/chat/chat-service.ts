import { randomUUID } from 'node:crypto';
import type OpenAI from 'openai';
import type { EventName } from '../../../shared/channels';
import type { ChannelOutput, EventPayload, ParsedInput } from '../../../shared/contract';
import type { Message } from '../../../shared/domain';
import { estimateCostUsd, findModel } from '../../../shared/model-catalogue';
import type { ConversationRepository } from '../../db/conversation-repository';
import type { MessageRepository } from '../../db/message-repository';
import { AppError } from '../app-error';
import type { KeyService } from '../secrets/key-service';
import type { ProviderSettingsService } from '../settings/provider-settings';
import { defaultStreamTimings, streamAnswer, type StreamTimings } from './answer-stream';
import { createUnsavedAnswers, type UnsavedAnswers } from './unsaved-answers';
import { createProviderClients } from './provider-client';
import { answerWithRetries, type Route } from './answer-attempts';
import { createBreakers } from './circuit-breaker';
import { createStartGuard } from './start-guard';
import type { Provider } from '../../../shared/providers';
import type { RetryPolicy } from '../providers/retry-policy';
import { readyToAnswer } from './answer-readiness';
import { toAppError } from './error-mapping';
import { buildHistory } from './history';
import type { RequestContext } from './request-context';
import { createBranchActions } from './branch-actions';
import { continuationHistory, joinContinuation, type Continuation } from './continuation';
import { systemClock, type Clock } from './clock';
import { createTitleWriter, titleFrom } from './title-writer';
import { createAttemptLog } from './attempt-log';
import type { Logger } from '../logging/logger';
import type { UsageService } from '../usage/usage-service';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ChatServiceDeps {
  conversations: ConversationRepository;
  messages: MessageRepository;
  keys: KeyService;
  provider: ProviderSettingsService;
  /** Fits each request to the model's window and adds the conversation's sampling choices. */
  context: RequestContext;
  emit: EmitEvent;
  fetch?: typeof globalThis.fetch;
  timings?: Partial<StreamTimings>;
  clock?: Clock;
  /** The jitter's dice, for tests. */
  random?: () => number;
  /** Failed requests, retries and fallbacks, by code and status (see attempt-log.ts). */
  log?: Logger;
  /** Tokens (counted when the provider reports none), cost at the person's prices, and a usage row per request. */
  usage?: Pick<UsageService, 'measure' | 'costOf' | 'record' | 'status'>;
  /** Answers a full disk kept from being stored, shared with file explanations so either writes the other's first. */
  unsaved?: UnsavedAnswers;
}

interface ActiveAnswer {
  controller: AbortController;
  stopRequested: boolean;
  done: Promise<void>;
}

export function createChatService(deps: ChatServiceDeps) {
  const timings = { ...defaultStreamTimings, ...deps.timings };
  const active = new Map<string, ActiveAnswer>();
  const titles = createTitleWriter(deps);
  const unsaved = deps.unsaved ?? createUnsavedAnswers(deps.messages);
  // Each conversation talks to its own provider (OpenAI, Azure or a compatible server), one client each.
  const clientFor = createProviderClients({ keys: deps.keys, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const clock = deps.clock ?? systemClock;
  // Jittered, and a retry-after beyond the cap is not waited for: a person is watching this answer.
  const policy: RetryPolicy = { maxRetries: Math.max(0, timings.maxAttempts - 1), maxWaitMs: timings.retryMaxWaitMs, baseDelayMs: timings.retryBaseDelayMs, jitter: true, longRetryAfter: 'give-up' };
  const breakerFor = createBreakers({ threshold: timings.breakerThreshold, coolDownMs: timings.breakerCoolDownMs, clock });
  const startOnce = createStartGuard();
  const routeTo = (provider: Provider, client: OpenAI, model: string): Route => ({ breakerKey: `${provider.id} ${provider.baseUrl}`, providerName: provider.name, client, model });

  /** The provider's fallback, when one is set and can be called (it still exists, its key is there, its tokenizer loads). */
  async function fallbackFor(provider: Provider): Promise<Route | null> {
    const wanted = provider.fallback;
    const target = wanted ? deps.provider.registry.list().providers.find((p) => p.id === wanted.providerId) : undefined;
    if (!wanted || !target) return null;
    try {
      const client = await clientFor(target);
      await deps.context.ready(wanted.model);
      return routeTo(target, client, wanted.model);
    } catch {
      return null;
    }
  }

  function startAnswer(conversationId: string, assistant: Message, client: OpenAI, model: string, continuation?: Continuation, temperature?: number): void {
    const controller = new AbortController();
    const entry: ActiveAnswer = { controller, stopRequested: false, done: Promise.resolve() };
    active.set(assistant.id, entry);
    const history = continuation
      ? continuationHistory(deps.conversations.get(conversationId), deps.messages.listByConversation(conversationId), continuation)
      : buildHistory(deps.conversations.get(conversationId), deps.messages.listByConversation(conversationId), assistant.parentId);
    const request = deps.context.fit(conversationId, history, model);
    const prefix = continuation?.previous.content ?? '';
    const provider = deps.provider.forConversation(conversationId);
    const primary = routeTo(provider, client, model);
    const attemptLog = createAttemptLog(deps.log);
    const providerIdOf = (route: Route) => (route === primary ? provider.id : (provider.fallback?.providerId ?? null));
    const startedAt = Date.now();
    // The prompt as fitted for the model that answers: the count used when the provider reports no usage.
    let promptTokens = request.estimate.promptTokens;
    const attempt = (route: Route) => {
      // The fallback may have a smaller window than the primary: the history is fitted to the model that reads it.
      let fitted = request;
      try {
        if (route !== primary) fitted = deps.context.fit(conversationId, history, route.model);
        promptTokens = fitted.estimate.promptTokens;
      } catch (err) {
        return Promise.resolve({ status: 'error' as const, content: '', error: toAppError(err, route.model).toShape(), finishReason: null, usage: null, ttftMs: null, totalMs: 0, failure: err });
      }
      // Reasoning models refuse any temperature but their own, so a template's is dropped for them as the conversation's is.
      const params = temperature !== undefined && !findModel(route.model)?.reasoning ? { ...fitted.params, temperature } : fitted.params;
      return streamAnswer({
        client: route.client,
        model: route.model,
        messages: fitted.messages,
        params,
        signal: controller.signal,
        stopRequested: () => entry.stopRequested,
        onDelta: (text) => deps.emit('chat:delta', { conversationId, messageId: assistant.id, text }),
        persist: (content) => deps.messages.flush(assistant.id, prefix + content, Date.now()),
        timings,
        clock,
      }).then((outcome) => attemptLog.attempted(outcome, providerIdOf(route), route.model));
    };
    entry.done = answerWithRetries(
      {
        breakerFor,
        policy,
        clock,
        ...(deps.random ? { random: deps.random } : {}),
        signal: controller.signal,
        attempt,
        fallback: () => fallbackFor(provider),
        onFallback: (route) => {
          attemptLog.fellBack(providerIdOf(route), route.model);
          deps.messages.setModel(assistant.id, route.model);
        },
      },
      primary,
    ).then(async ({ outcome: reported, route }) => {
      const { client, model } = route;
      active.delete(assistant.id);
      const usage = deps.usage ? await deps.usage.measure({ model, usage: reported.usage, promptTokens, content: reported.content, status: reported.status }) : reported.usage;
      const attempt = { ...reported, usage };
      const outcome = continuation ? joinContinuation(continuation.previous, attempt) : attempt;
      const answer = {
        ...outcome,
        costUsd: outcome.usage ? (deps.usage ? deps.usage.costOf(model, outcome.usage) : estimateCostUsd(model, outcome.usage.promptTokens, outcome.usage.completionTokens)) : null,
        now: Date.now(),
      };
      const { stored: finished, unsaved: notStored } = unsaved.finish(assistant, answer);
      if (notStored) deps.emit('chat:done', { conversationId, message: notStored });
      if (finished) deps.emit('chat:done', { conversationId, message: finished });
      const providerId = route === primary ? provider.id : (provider.fallback?.providerId ?? null);
      deps.usage?.record({
        conversationId,
        messageId: assistant.id,
        providerId,
        model,
        at: startedAt,
        status: attempt.status,
        errorCode: attempt.error?.code ?? null,
        usage: attempt.usage,
        ttftMs: attempt.ttftMs,
        totalMs: attempt.totalMs,
      });
      if (finished && !continuation) titles.afterAnswer(conversationId, finished, client, model, providerId);
    });
  }

  async function sendNow(input: ParsedInput<'chat:send'>): Promise<ChannelOutput<'chat:send'>> {
    const conversation = deps.conversations.get(input.conversationId);
    if (!conversation) throw new AppError('NOT_FOUND', 'That conversation no longer exists.');
    const { client, model } = await readyToAnswer({ ...deps, clientFor }, conversation);

    const newest = deps.messages.newestIn(conversation.id);
    const parentId = input.parentId === undefined ? (newest?.id ?? null) : input.parentId;
    if (parentId && deps.messages.get(parentId)?.conversationId !== conversation.id) {
      throw new AppError('NOT_FOUND', 'The message to reply to no longer exists.');
    }
    const now = Date.now();
    const [userMessage, assistantMessage] = deps.messages.transaction(() => {
      const user = deps.messages.insert({ id: randomUUID(), conversationId: conversation.id, parentId, role: 'user', content: input.content, status: 'complete', model: null, now });
      const assistant = deps.messages.insert({ id: randomUUID(), conversationId: conversation.id, parentId: user.id, role: 'assistant', content: '', status: 'streaming', model, now: now + 1 });
      deps.conversations.touch(conversation.id, now);
      return [user, assistant] as const;
    });
    if (newest === null && conversation.title === 'New chat') {
      const renamed = deps.conversations.rename(conversation.id, titleFrom(input.content), now);
      if (renamed) deps.emit('conversations:changed', { conversation: renamed });
    }
    startAnswer(conversation.id, assistantMessage, client, model, undefined, input.temperature);
    return { userMessage, assistantMessage };
  }

  // Every start first writes an answer the full disk kept from being stored, or its conversation would look busy for ever.
  const startAfterWaiting = <T,>(conversationId: string, request: unknown, start: () => Promise<T>): Promise<T> =>
    startOnce(conversationId, request, async () => {
      unsaved.saveWaiting();
      return start();
    });
  const branches = createBranchActions({ ...deps, clientFor, startAnswer });
  const conversationOf = (messageId: string) => deps.messages.get(messageId)?.conversationId ?? `message ${messageId}`;

  return {
    regenerate: (messageId: string) => startAfterWaiting(conversationOf(messageId), ['regenerate', messageId], () => branches.regenerate(messageId)),
    edit: (messageId: string, content: string) => startAfterWaiting(conversationOf(messageId), ['edit', messageId, content], () => branches.edit(messageId, content)),
    continueAnswer: (messageId: string) => startAfterWaiting(conversationOf(messageId), ['continue', messageId], () => branches.continueAnswer(messageId)),

    /** A second identical send while the first is starting (a double click) gets the first one's messages, not a second question. */
    send(input: ParsedInput<'chat:send'>): Promise<ChannelOutput<'chat:send'>> {
      return startAfterWaiting(input.conversationId, input, () => sendNow(input));
    },

    stop(messageId: string): boolean {
      const entry = active.get(messageId);
      if (!entry) return false;
      entry.stopRequested = true;
      entry.controller.abort();
      return true;
    },

    /** Resolves once every answer in flight has been stored; used at shutdown and by tests. */
    async settle(): Promise<void> {
      await Promise.all([...active.values()].map((a) => a.done));
      await titles.settle();
      try {
        unsaved.saveWaiting();
      } catch {
        // Still no room: the next start marks those answers interrupted, with the text last flushed.
      }
    },

    abortAll(): void {
      titles.abortAll();
      for (const a of active.values()) {
        a.stopRequested = true;
        a.controller.abort();
      }
    },
  };
}


export type ChatService = ReturnType<typeof createChatService>;
