import type { Message } from '../../../shared/domain';
import type { FinishedAnswer, MessageRepository } from '../../db/message-repository';
import { diskFullMessage, isDiskFull } from '../../db/storage-errors';
import { AppError } from '../app-error';
import { notSavedError } from './answer-stream';

/**
 * Answers whose final write failed (a full disk). The window still gets each
 * one with all the text that arrived and an error saying it was not saved;
 * the stored row is marked with that error over the text last flushed, which
 * needs no more room than it has. When even that fails (the search index
 * needs room too), the answer is kept here and written at the next chance:
 * before the next message is sent and at close. If Parley quits first, the
 * row is still `streaming` and the next start marks it interrupted.
 */
export function createUnsavedAnswers(messages: MessageRepository) {
  const waiting = new Map<string, FinishedAnswer>();

  return {
    /** Stores the answer; when that fails, what the window is told instead. Never throws. */
    finish(assistant: Message, answer: FinishedAnswer): { stored: Message | null; unsaved: Message | null } {
      try {
        return { stored: messages.finish(assistant.id, answer), unsaved: null };
      } catch (err) {
        const failed: FinishedAnswer = { ...answer, status: 'error', error: notSavedError(err) };
        try {
          messages.finish(assistant.id, { ...failed, content: messages.get(assistant.id)?.content ?? '' });
        } catch {
          waiting.set(assistant.id, failed);
        }
        const row = safely(() => messages.get(assistant.id)) ?? assistant;
        return { stored: null, unsaved: { ...row, status: 'error', error: failed.error, content: answer.content, updatedAt: answer.now } };
      }
    },

    /** Writes the answers still waiting; throws DISK_FULL while there is still no room. */
    saveWaiting(): void {
      for (const [id, answer] of waiting) {
        try {
          messages.finish(id, answer);
          waiting.delete(id);
        } catch (err) {
          if (isDiskFull(err)) throw new AppError('DISK_FULL', `${diskFullMessage} An earlier answer is still waiting to be saved. Nothing you typed was lost.`);
          throw err;
        }
      }
    },

    get size(): number {
      return waiting.size;
    },
  };
}

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export type UnsavedAnswers = ReturnType<typeof createUnsavedAnswers>;
