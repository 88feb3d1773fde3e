import { beforeEach, describe, expect, it, vi } from 'vitest';

const list = vi.fn();
vi.mock('../../renderer/api/parley', () => ({ parley: { conversations: { list } } }));

beforeEach(() => {
  vi.resetModules();
  list.mockReset();
  let n = 0;
  list.mockImplementation(() => Promise.resolve({ ok: true, value: [{ id: `answer-${++n}` }] }));
});

const firstPage = () => import('../../renderer/boot/first-page');

describe('the first page of the conversation list', () => {
  it('is asked for once, however many times the early script and the app start it, one page long', async () => {
    const { startFirstPage, conversationPageSize } = await firstPage();
    const [a, b] = [startFirstPage(), startFirstPage()];
    expect(a).toBe(b);
    expect(list).toHaveBeenCalledTimes(1);
    expect(list).toHaveBeenCalledWith({ limit: conversationPageSize });
  });

  it('goes to the app once: the app takes the early answer, and any later read asks anew', async () => {
    const { startFirstPage, takeFirstPage } = await firstPage();
    const early = startFirstPage();
    expect(takeFirstPage()).toBe(early);
    expect(await takeFirstPage()).toEqual({ ok: true, value: [{ id: 'answer-2' }] });
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('is asked for by the app when no early script ran (the development server does not add it)', async () => {
    const { takeFirstPage } = await firstPage();
    expect(await takeFirstPage()).toEqual({ ok: true, value: [{ id: 'answer-1' }] });
    expect(await takeFirstPage()).toEqual({ ok: true, value: [{ id: 'answer-2' }] });
  });
});
