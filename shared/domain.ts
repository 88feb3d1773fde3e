import { z } from 'zod';
import { AppErrorShape } from './error-codes';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not a valid id');

export const ConversationOrigin = z.enum(['chat', 'quick', 'file']);

export const Conversation = z.object({
  id: Id,
  title: z.string(),
  model: z.string().nullable(),
  providerId: z.string(),
  systemPrompt: z.string().nullable(),
  pinned: z.boolean(),
  origin: ConversationOrigin,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** When it was archived (hidden from the list, still searchable); null while in the list. Optional for older exports. */
  archivedAt: z.number().nullable().default(null),
});
export type Conversation = z.infer<typeof Conversation>;

export const MessageRole = z.enum(['system', 'user', 'assistant']);
export type MessageRole = z.infer<typeof MessageRole>;

/**
 * `interrupted` is what a `streaming` message becomes when Parley finds it at
 * start-up: the process died mid-answer, and the text flushed so far is kept.
 */
export const MessageStatus = z.enum(['streaming', 'complete', 'cancelled', 'error', 'interrupted']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const Usage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  /** Counted by Parley because the provider sent no usage report: close, not what the bill will say. */
  estimated: z.boolean().optional(),
});
export type Usage = z.infer<typeof Usage>;

export const Message = z.object({
  id: Id,
  conversationId: Id,
  parentId: Id.nullable(),
  role: MessageRole,
  content: z.string(),
  status: MessageStatus,
  error: AppErrorShape.nullable(),
  model: z.string().nullable(),
  finishReason: z.string().nullable(),
  usage: Usage.nullable(),
  costUsd: z.number().nullable(),
  ttftMs: z.number().nullable(),
  totalMs: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Present (true) on an explanation copied from a saved one of the same file, template and model: shown as "Reused". */
  reused: z.literal(true).optional(),
});
export type Message = z.infer<typeof Message>;

export const ProviderSettings = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  model: z.string(),
});
export type ProviderSettings = z.infer<typeof ProviderSettings>;

/** What the renderer may know about a key: never the key itself. */
export const KeyStatus = z.object({
  providerId: z.string(),
  hasKey: z.boolean(),
  last4: z.string().max(4).nullable(),
  source: z.enum(['keychain', 'session', 'environment']).nullable(),
  keychainAvailable: z.boolean(),
  keychainProblem: z.string().nullable(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;
