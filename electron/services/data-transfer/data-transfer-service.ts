import { randomUUID } from 'node:crypto';
import type { ConversationRepository } from '../../db/conversation-repository';
import type { MessageRepository } from '../../db/message-repository';
import { AppError } from '../app-error';
import { ParleyBackupFile, ParleyConversationFile, toBackupJson, type ConversationBundle } from './backup-format';
import { ChatGptExport, fromChatGpt } from './chatgpt-import';
import type { createImportRepository } from './import-repository';

/**
 * Gives imported conversations and messages fresh ids, keeping the tree: an
 * import never collides with what is already there, so importing the same
 * file twice makes a copy instead of failing half-way.
 */
function withFreshIds(bundle: ConversationBundle, newId: () => string): ConversationBundle {
  const conversationId = newId();
  const ids = new Map(bundle.messages.map((m) => [m.id, newId()]));
  return {
    conversation: { ...bundle.conversation, id: conversationId },
    messages: parentsFirst(bundle.messages).map((m) => ({
      ...m,
      id: ids.get(m.id)!,
      conversationId,
      parentId: m.parentId ? (ids.get(m.parentId) ?? null) : null,
    })),
  };
}

/** Foreign keys need a parent written before its children, whatever order the file lists them in. */
function parentsFirst(list: ConversationBundle['messages']): ConversationBundle['messages'] {
  const byId = new Map(list.map((m) => [m.id, m]));
  const done = new Set<string>();
  const out: ConversationBundle['messages'] = [];
  const visit = (m: ConversationBundle['messages'][number], depth: number) => {
    if (done.has(m.id) || depth > list.length) return;
    const parent = m.parentId ? byId.get(m.parentId) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(m.id);
    out.push(m);
  };
  for (const m of list) visit(m, 0);
  return out;
}

function parse(content: string): { source: 'parley' | 'chatgpt'; bundles: ConversationBundle[] } {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw new AppError('BAD_INPUT', 'This file is not JSON. Choose a Parley export or ChatGPT’s conversations.json.');
  }
  const backup = ParleyBackupFile.safeParse(data);
  if (backup.success) return { source: 'parley', bundles: backup.data.conversations };
  const single = ParleyConversationFile.safeParse(data);
  if (single.success) return { source: 'parley', bundles: [{ conversation: single.data.conversation, messages: single.data.messages }] };
  const chatgpt = ChatGptExport.safeParse(data);
  if (chatgpt.success) return { source: 'chatgpt', bundles: fromChatGpt(chatgpt.data, randomUUID) };
  throw new AppError('BAD_INPUT', 'Parley does not recognise this file. It reads its own JSON exports and ChatGPT’s conversations.json.');
}

export type DataTransferService = ReturnType<typeof createDataTransferService>;

export function createDataTransferService(
  conversations: ConversationRepository,
  messages: MessageRepository,
  importer: ReturnType<typeof createImportRepository>,
) {
  return {
    exportAll() {
      const bundles = conversations.list().map((conversation) => ({ conversation, messages: messages.listByConversation(conversation.id) }));
      const date = new Date().toISOString().slice(0, 10);
      return { fileName: `Parley backup ${date}.json`, mimeType: 'application/json', content: toBackupJson(bundles) };
    },
    import(content: string) {
      const { source, bundles } = parse(content);
      const fresh = bundles.map((b) => withFreshIds(b, randomUUID));
      importer.insertAll(fresh);
      return { source, conversations: fresh.length, messages: fresh.reduce((n, b) => n + b.messages.length, 0) };
    },
  };
}
