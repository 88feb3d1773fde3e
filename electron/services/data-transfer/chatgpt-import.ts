import { z } from 'zod';
import type { ConversationBundle } from './backup-format';

/**
 * ChatGPT's data export (`conversations.json`): each conversation is a tree
 * in `mapping`, nodes linked by `parent`. Only user and assistant text is
 * kept; system, tool and empty nodes are skipped and their children hang
 * from the nearest kept ancestor, so branches (edits, regenerations) survive.
 */
const Node = z.object({
  id: z.string(),
  parent: z.string().nullable().optional(),
  message: z
    .object({
      author: z.object({ role: z.string() }),
      create_time: z.number().nullable().optional(),
      content: z.object({ content_type: z.string().optional(), parts: z.array(z.unknown()).optional(), text: z.string().optional() }).optional(),
      metadata: z.object({ model_slug: z.string().optional() }).passthrough().optional(),
      status: z.string().optional(),
    })
    .nullable()
    .optional(),
});

const ChatGptConversation = z.object({
  title: z.string().nullable().optional(),
  create_time: z.number().nullable().optional(),
  update_time: z.number().nullable().optional(),
  mapping: z.record(z.string(), Node),
});

export const ChatGptExport = z.array(ChatGptConversation);

function textOf(node: z.infer<typeof Node>): string {
  const c = node.message?.content;
  if (!c) return '';
  if (typeof c.text === 'string') return c.text;
  return (c.parts ?? []).filter((p): p is string => typeof p === 'string').join('\n').trim();
}

export function fromChatGpt(data: z.infer<typeof ChatGptExport>, newId: () => string, now = Date.now()): ConversationBundle[] {
  return data.map((conv) => {
    const conversationId = newId();
    const created = Math.round((conv.create_time ?? now / 1000) * 1000);
    const keptIds = new Map<string, string>(); // ChatGPT node id → our message id
    const nodes = conv.mapping;
    const keptAncestor = (id: string | null | undefined): string | null => {
      const seen = new Set<string>();
      for (let at = id; at && !seen.has(at); at = nodes[at]?.parent) {
        seen.add(at);
        const kept = keptIds.get(at);
        if (kept) return kept;
      }
      return null;
    };
    // Parents before children: order by creation time, with untimed nodes (roots) first.
    const ordered = Object.values(nodes).sort((a, b) => (a.message?.create_time ?? 0) - (b.message?.create_time ?? 0));
    const messages: ConversationBundle['messages'] = [];
    for (const node of ordered) {
      const role = node.message?.author.role;
      const content = textOf(node);
      if ((role !== 'user' && role !== 'assistant') || content === '') continue;
      const id = newId();
      const at = Math.round((node.message?.create_time ?? created / 1000) * 1000);
      messages.push({
        id, conversationId, parentId: keptAncestor(node.parent), role, content, status: 'complete', error: null,
        model: role === 'assistant' ? (node.message?.metadata?.model_slug ?? null) : null,
        finishReason: null, usage: null, costUsd: null, ttftMs: null, totalMs: null, createdAt: at, updatedAt: at,
      });
      keptIds.set(node.id, id);
    }
    const updated = Math.round((conv.update_time ?? conv.create_time ?? now / 1000) * 1000);
    return {
      conversation: {
        id: conversationId, title: conv.title?.trim() || 'Imported chat', model: null, providerId: 'openai', systemPrompt: null,
        pinned: false, origin: 'chat', createdAt: created, updatedAt: updated, archivedAt: null,
      },
      messages,
    };
  });
}
