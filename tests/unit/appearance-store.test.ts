import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/error-codes';
import type { Appearance } from '../../shared/appearance';
import { deferred } from '../fixtures/deferred';

const saved = vi.hoisted(() => ({ load: null as Promise<Result<Appearance>> | null, writes: [] as Appearance[] }));

// The real unwrap; only the calls to main are stood in for.
vi.mock('../../renderer/api/parley', async () => ({
  ...(await import('../../renderer/api/unwrap')),
  parley: {
    settings: {
      getAppearance: () => saved.load,
      setAppearance: async (a: Appearance) => (saved.writes.push(a), { ok: true, value: a }),
    },
  },
}));

// Node has no page: the store only sets the root's data-theme, so that much stands in for one.
const root = { dataset: {} as Record<string, string> };
vi.stubGlobal('document', { documentElement: root });

async function freshStore() {
  vi.resetModules();
  return (await import('../../renderer/stores/appearance-store')).useAppearanceStore;
}

describe('the theme picked while the saved one loads', () => {
  beforeEach(() => {
    root.dataset = {};
    saved.writes = [];
  });

  it('keeps the person’s choice when the saved theme arrives after it', async () => {
    const store = await freshStore();
    const load = deferred<Result<Appearance>>();
    saved.load = load.promise;
    const loading = store.getState().load();
    await store.getState().setTheme('dark');
    load.resolve({ ok: true, value: { theme: 'light' } });
    await loading;
    expect(store.getState().theme).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(saved.writes).toEqual([{ theme: 'dark' }]);
  });

  it('shows the saved theme when nothing was picked before it arrived', async () => {
    const store = await freshStore();
    saved.load = Promise.resolve({ ok: true, value: { theme: 'light' } });
    await store.getState().load();
    expect(store.getState().theme).toBe('light');
    expect(root.dataset.theme).toBe('light');
  });
});
