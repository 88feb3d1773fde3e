import { z } from 'zod';
import { Id } from './domain';

/**
 * Per-conversation choices and the defaults they fall back to. `null` means
 * "follow the default": a conversation that never chose a temperature picks
 * up a new default the next time it sends.
 */
export const Temperature = z.number().min(0, 'the temperature is 0 or more').max(2, 'the temperature is at most 2');
export const MaxOutputTokens = z.number().int('a whole number of tokens').min(1).max(1_000_000);
export const SystemPrompt = z.string().max(100_000);
export const ModelId = z.string().trim().min(1).max(200);

export const ChatDefaults = z.object({
  systemPrompt: SystemPrompt.nullable(),
  temperature: Temperature.nullable(),
  maxOutputTokens: MaxOutputTokens.nullable(),
});
export type ChatDefaults = z.infer<typeof ChatDefaults>;

export const ConversationOptions = z.object({
  id: Id,
  model: ModelId.nullable(),
  systemPrompt: SystemPrompt.nullable(),
  temperature: Temperature.nullable(),
  maxOutputTokens: MaxOutputTokens.nullable(),
});
export type ConversationOptions = z.infer<typeof ConversationOptions>;

/** Fields left out are unchanged; `null` returns a field to the default. */
export const SetConversationOptionsInput = z
  .object({
    id: Id,
    model: ModelId.nullable().optional(),
    systemPrompt: SystemPrompt.nullable().optional(),
    temperature: Temperature.nullable().optional(),
    maxOutputTokens: MaxOutputTokens.nullable().optional(),
  })
  .strict();
export type SetConversationOptionsInput = z.infer<typeof SetConversationOptionsInput>;

/** The next request as it would be sent now: how much of the history fits and what it would cost. */
export const RequestEstimate = z.object({
  model: z.string(),
  promptTokens: z.number().int().nonnegative(),
  /** Earlier messages of the branch that go with the request. */
  sentMessages: z.number().int().nonnegative(),
  /** Earlier messages left out because they do not fit. */
  omittedMessages: z.number().int().nonnegative(),
  contextWindow: z.number().int().positive(),
  /** False when the model is not in the catalogue and the window is assumed. */
  contextWindowKnown: z.boolean(),
  reservedForAnswer: z.number().int().nonnegative(),
  /** The prompt's cost at list price; the answer is billed on top. Null for a model without known prices. */
  estimatedCostUsd: z.number().nonnegative().nullable(),
  /** False when even the question alone overflows the window. */
  fits: z.boolean(),
});
export type RequestEstimate = z.infer<typeof RequestEstimate>;

export const EstimateInput = z
  .object({
    /** Absent for a new chat that has no conversation yet. */
    conversationId: Id.optional(),
    parentId: Id.nullable().optional(),
    content: z.string().max(1_000_000),
  })
  .strict();
