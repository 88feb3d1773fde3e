import { describe, expect, it } from 'vitest';
import { freshDataDirEachTest } from '../fixtures/suite-hooks';
import { makeBackend } from '../fixtures/test-backend';

const data = freshDataDirEachTest();

describe('provider settings', () => {
  it('default to OpenAI when nothing is set', async () => {
    const tb = makeBackend({ dataDir: data.dir });
    expect(await tb.value('settings:getProvider', {})).toEqual({ id: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' });
  });

  it('take their default base URL from OPENAI_BASE_URL', async () => {
    const tb = makeBackend({ dataDir: data.dir, baseUrl: 'http://127.0.0.1:11434/v1' });
    expect((await tb.value('settings:getProvider', {})).baseUrl).toBe('http://127.0.0.1:11434/v1');
  });

  it('keep what was saved across a restart, over the environment', async () => {
    const first = makeBackend({ dataDir: data.dir, baseUrl: 'http://127.0.0.1:11434/v1' });
    const saved = await first.value('settings:setProvider', { baseUrl: ' https://gateway.example.com/openai/v1 ', model: 'gpt-4.1' });
    expect(saved).toMatchObject({ baseUrl: 'https://gateway.example.com/openai/v1', model: 'gpt-4.1' });
    await first.close();

    const second = makeBackend({ dataDir: data.dir, baseUrl: 'http://127.0.0.1:11434/v1' });
    expect(await second.value('settings:getProvider', {})).toEqual(saved);
  });
});
