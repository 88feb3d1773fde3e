import { afterEach, describe, expect, it } from 'vitest';
import { defaultPromptTemplates } from '../../shared/prompt-templates';
import { closeAllBackends, makeBackend } from '../fixtures/test-backend';

afterEach(closeAllBackends);

describe('the prompt template library', () => {
  it('starts with the nine default templates, each with its own temperature', async () => {
    const b = makeBackend();
    const list = await b.value('templates:list', {});
    expect(list.map((t) => t.name)).toEqual([
      'Explain code', 'Find the bug', 'Write code', 'Review', 'Summarise', 'Translate', 'Explain a document', 'Explain data', 'Explain a log',
    ]);
    expect(list.every((t) => t.temperature !== null)).toBe(true);
  });

  it('adds, edits and deletes templates, and keeps them across a restart', async () => {
    const a = makeBackend();
    await a.value('templates:save', { template: { id: 'haiku', name: 'Haiku', prompt: 'Write a haiku about', temperature: 1.2 } });
    await a.value('templates:save', { template: { ...defaultPromptTemplates[0]!, name: 'Explain my code' } });
    await a.value('templates:delete', { id: 'translate' });
    const dataDir = a.dataDir;
    await a.backend.close();

    const b = makeBackend({ dataDir });
    const names = (await b.value('templates:list', {})).map((t) => t.name);
    expect(names).toEqual(['Explain my code', 'Find the bug', 'Write code', 'Review', 'Summarise', 'Explain a document', 'Explain data', 'Explain a log', 'Haiku']);
    expect(await b.call('templates:delete', { id: 'translate' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await b.value('templates:reset', {})).map((t) => t.id)).toEqual(defaultPromptTemplates.map((t) => t.id));
  });
});
