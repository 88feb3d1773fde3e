import { describe, expect, it } from 'vitest';
import type { FinishedAnswer, MessageRepository } from '../../electron/db/message-repository';
import { createUnsavedAnswers } from '../../electron/services/chat/unsaved-answers';
import type { Message } from '../../shared/domain';
import { sampleMessage } from '../fixtures/recording-handlers';

const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
const streaming: Message = { ...sampleMessage, id: 'a1', role: 'assistant', status: 'streaming', content: 'Flushed ' };
const answer: FinishedAnswer = { status: 'complete', content: 'Flushed and then more', error: null, finishReason: 'stop', usage: null, costUsd: null, ttftMs: 5, totalMs: 50, now: 99 };

/** A message store whose writes fail while `full` says so, remembering what was stored. */
function store() {
  const state = { full: true, row: streaming, finishes: [] as FinishedAnswer[] };
  const messages = {
    get: () => state.row,
    finish: (_id: string, a: FinishedAnswer) => {
      if (state.full) throw diskFull();
      state.finishes.push(a);
      state.row = { ...state.row, status: a.status, content: a.content, error: a.error };
      return state.row;
    },
  } as unknown as MessageRepository;
  return { state, unsaved: createUnsavedAnswers(messages) };
}

describe('answers the disk had no room for', () => {
  it('are told to the window with all the text that arrived and a disk-full error', () => {
    const { unsaved } = store();
    const { stored, unsaved: told } = unsaved.finish(streaming, answer);
    expect(stored).toBeNull();
    expect(told).toMatchObject({ id: 'a1', status: 'error', content: 'Flushed and then more', error: { code: 'DISK_FULL' } });
    expect(told!.error!.message).toMatch(/disk is full/);
  });

  it('wait, refusing new work with DISK_FULL while there is no room, and are stored whole once there is', () => {
    const { state, unsaved } = store();
    unsaved.finish(streaming, answer);
    expect(unsaved.size).toBe(1);
    expect(() => unsaved.saveWaiting()).toThrow(expect.objectContaining({ code: 'DISK_FULL' }));
    state.full = false;
    unsaved.saveWaiting();
    expect(unsaved.size).toBe(0);
    expect(state.row).toMatchObject({ status: 'error', content: 'Flushed and then more', error: { code: 'DISK_FULL' } });
  });

  it('keep the stored text when only the whole answer did not fit, marking it with the error', () => {
    const { state, unsaved } = store();
    let calls = 0;
    const messages = {
      get: () => state.row,
      finish: (_id: string, a: FinishedAnswer) => {
        calls += 1;
        if (calls === 1) throw diskFull();
        state.row = { ...state.row, status: a.status, content: a.content, error: a.error };
        return state.row;
      },
    } as unknown as MessageRepository;
    const partly = createUnsavedAnswers(messages);
    const { unsaved: told } = partly.finish(streaming, answer);
    expect(state.row).toMatchObject({ status: 'error', content: 'Flushed ', error: { code: 'DISK_FULL' } });
    expect(told).toMatchObject({ content: 'Flushed and then more' });
    expect(partly.size).toBe(0);
    expect(unsaved.size).toBe(0);
  });
});
