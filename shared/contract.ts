import { z } from 'zod';
import type { ChannelName, EventName } from './channels';
import { Conversation, Id, KeyStatus, Message, ProviderSettings } from './domain';

const empty = z.object({}).strict();
const providerId = z.string().min(1).max(40).regex(/^[a-z0-9-]+$/);

/** A pasted key sometimes carries a trailing newline or spaces: those are trimmed, anything else inside is refused. */
const apiKey = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(8, 'the key looks too short').max(512).regex(/^\S+$/, 'a key has no spaces'));

const baseUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'enter a full http:// or https:// address');

export const contract = {
  'conversations:list': { input: empty, output: z.array(Conversation) },
  'conversations:create': {
    input: z.object({ title: z.string().trim().max(200).optional() }).strict(),
    output: Conversation,
  },
  'conversations:rename': {
    input: z.object({ id: Id, title: z.string().trim().min(1).max(200) }).strict(),
    output: Conversation,
  },
  'conversations:delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.boolean() }) },
  'messages:list': { input: z.object({ conversationId: Id }).strict(), output: z.array(Message) },
  'chat:send': {
    input: z
      .object({
        conversationId: Id,
        parentId: Id.nullable().optional(),
        content: z.string().trim().min(1, 'the message is empty').max(1_000_000),
      })
      .strict(),
    output: z.object({ userMessage: Message, assistantMessage: Message }),
  },
  'chat:stop': { input: z.object({ messageId: Id }).strict(), output: z.object({ stopped: z.boolean() }) },
  'settings:getProvider': { input: empty, output: ProviderSettings },
  'settings:setProvider': {
    input: z.object({ baseUrl, model: z.string().trim().min(1).max(200) }).strict(),
    output: ProviderSettings,
  },
  'secrets:status': { input: z.object({ providerId }).strict(), output: KeyStatus },
  'secrets:setKey': {
    input: z.object({ providerId, key: apiKey, sessionOnly: z.boolean().optional() }).strict(),
    output: KeyStatus,
  },
  'secrets:deleteKey': { input: z.object({ providerId }).strict(), output: KeyStatus },
} satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export const eventContract = {
  /** `text` is what arrived since the previous delta, to append. */
  'chat:delta': z.object({ conversationId: Id, messageId: Id, text: z.string() }),
  /** Sent once per answer whatever its end: complete, cancelled or error. */
  'chat:done': z.object({ conversationId: Id, message: Message }),
  'conversations:changed': z.object({ conversation: Conversation }),
} satisfies Record<EventName, z.ZodType>;

export type ChannelInput<C extends ChannelName> = z.input<(typeof contract)[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<(typeof contract)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;
