import type OpenAI from 'openai';
import type { RequestEstimate } from '../../../shared/chat-options';
import { contextWindowOf, encodingOf, estimateCostUsd, findModel } from '../../../shared/model-catalogue';
import type { ConversationOptionsRepository } from '../../db/conversation-options-repository';
import type { MessageRepository } from '../../db/message-repository';
import { AppError } from '../app-error';
import type { ChatDefaultsService } from '../settings/chat-defaults';
import type { ProviderSettingsService } from '../settings/provider-settings';
import { answerReserve, fitToContext } from './context-budget';
import { branchTo, isSendable, toParam, type ChatMessageParam } from './history';
import type { TokenCounter } from './token-counter';

export type SamplingParams = Pick<OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming, 'temperature' | 'max_tokens' | 'max_completion_tokens'>;

/** What a conversation sends with, its own choices filled in from the defaults. */
export interface EffectiveOptions {
  model: string;
  systemPrompt: string | null;
  temperature: number | null;
  maxOutputTokens: number | null;
}

export interface PreparedRequest {
  model: string;
  messages: ChatMessageParam[];
  params: SamplingParams;
  estimate: RequestEstimate;
}

interface Turn {
  param: ChatMessageParam;
  draft: boolean;
}

export interface RequestContextDeps {
  options: ConversationOptionsRepository;
  defaults: ChatDefaultsService;
  provider: ProviderSettingsService;
  messages: MessageRepository;
  counter: TokenCounter;
  /** The files attached to a conversation, fenced as untrusted data, for follow-up questions (file-explanations/file-context.ts). */
  fileContext?: (conversationId: string, contextWindow: number) => string | null;
}

/**
 * Builds what a request sends (the system prompt and as much recent history
 * as the model's window holds, with the conversation's sampling choices), and
 * the same figures for the composer before anything is sent.
 */
export function createRequestContext(deps: RequestContextDeps) {
  function effective(conversationId: string | undefined): EffectiveOptions {
    const defaults = deps.defaults.get();
    const own = conversationId ? deps.options.get(conversationId) : null;
    if (conversationId && !own) throw new AppError('NOT_FOUND', 'That conversation no longer exists.');
    return {
      model: own?.model ?? deps.provider.forConversation(conversationId).model ?? '',
      systemPrompt: own?.systemPrompt ?? defaults.systemPrompt,
      temperature: own?.temperature ?? defaults.temperature,
      maxOutputTokens: own?.maxOutputTokens ?? defaults.maxOutputTokens,
    };
  }

  /**
   * Loads the model's tokenizer so that later counts are exact. Should it
   * fail to load, counts stay over-estimates: sending less history beats not
   * sending at all.
   */
  async function ready(model: string): Promise<void> {
    await deps.counter.load(encodingOf(model)).catch(() => undefined);
  }

  /** The conversation's attached files go with the system prompt, so they are sent with every question and never cut as old turns are. */
  function withFiles(conversationId: string, options: EffectiveOptions): EffectiveOptions {
    const files = deps.fileContext?.(conversationId, contextWindowOf(options.model).tokens);
    if (!files) return options;
    return { ...options, systemPrompt: options.systemPrompt ? `${options.systemPrompt}\n\n${files}` : files };
  }

  /** Fits history (oldest first, without a system message) and an optional draft question to the model's window. */
  function prepare(options: EffectiveOptions, history: ChatMessageParam[], draft: string | null): PreparedRequest {
    const encoding = encodingOf(options.model);
    const window = contextWindowOf(options.model);
    const reserve = answerReserve(window.tokens, options.maxOutputTokens);
    const turns: Turn[] = history.map((param) => ({ param, draft: false }));
    if (draft) turns.push({ param: { role: 'user', content: draft }, draft: true });
    const fit = fitToContext({
      systemPrompt: options.systemPrompt,
      turns,
      contextWindow: window.tokens,
      reserveForAnswer: reserve,
      countSystem: (text) => deps.counter.countRemembered(encoding, text),
      // The draft changes on every keystroke: it is counted afresh, the history from memory.
      countTurn: (t) => (t.draft ? deps.counter.count(encoding, textOf(t.param)) : deps.counter.countRemembered(encoding, textOf(t.param))),
    });
    const messages: ChatMessageParam[] = [];
    if (options.systemPrompt) messages.push({ role: 'system', content: options.systemPrompt });
    for (const t of fit.sent) messages.push(t.param);
    return {
      model: options.model,
      messages,
      params: samplingParams(options),
      estimate: {
        model: options.model,
        promptTokens: fit.promptTokens,
        sentMessages: fit.sent.filter((t) => !t.draft).length,
        omittedMessages: fit.omitted,
        contextWindow: window.tokens,
        contextWindowKnown: window.known,
        reservedForAnswer: reserve,
        estimatedCostUsd: estimateCostUsd(options.model, fit.promptTokens, 0),
        fits: fit.fits,
      },
    };
  }

  return {
    effective,
    ready,

    /**
     * The request for history as built for a send, regenerate or continue
     * (see history.ts): its own system message gives way to the effective
     * prompt, defaults included, and the oldest turns to the window.
     */
    fit(conversationId: string, history: ChatMessageParam[], model?: string): PreparedRequest {
      const options = effective(conversationId);
      // Not loading the tokenizer here: its first import holds the event loop for a moment, which must not
      // happen while an answer streams. Without it (no estimate or send loaded it yet) counts over-estimate.
      // The model the caller resolved (with its provider) is the one the request goes to, so it is the one counted.
      return prepare(withFiles(conversationId, model ? { ...options, model } : options), history.filter((m) => m.role !== 'system'), null);
    },

    /** What sending `content` now would send; `parentId` defaults to the newest message, as `chat:send` does. */
    async estimate(input: { conversationId?: string | undefined; parentId?: string | null | undefined; content: string }): Promise<RequestEstimate> {
      const options = effective(input.conversationId);
      await ready(options.model);
      const messages = input.conversationId ? deps.messages.listByConversation(input.conversationId) : [];
      const leafId = input.parentId === undefined ? (messages.at(-1)?.id ?? null) : input.parentId;
      const history = branchTo(messages, leafId).filter(isSendable).map(toParam);
      const withAttached = input.conversationId ? withFiles(input.conversationId, options) : options;
      return prepare(withAttached, history, input.content.trim() ? input.content : null).estimate;
    },
  };
}

function textOf(m: ChatMessageParam): string {
  return typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '');
}

/**
 * Only what the person chose is sent, so a server keeps its own defaults
 * otherwise. Reasoning models take `max_completion_tokens` and refuse any
 * temperature but their own.
 */
function samplingParams(o: EffectiveOptions): SamplingParams {
  const params: SamplingParams = {};
  const reasoning = findModel(o.model)?.reasoning === true;
  if (o.temperature !== null && !reasoning) params.temperature = o.temperature;
  if (o.maxOutputTokens !== null) {
    if (reasoning) params.max_completion_tokens = o.maxOutputTokens;
    else params.max_tokens = o.maxOutputTokens;
  }
  return params;
}

export type RequestContext = ReturnType<typeof createRequestContext>;
