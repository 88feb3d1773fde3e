import { describe, expect, it } from 'vitest';
import { channelCasesByArea } from './channel-cases';
import { describeChannelValidation, recordingRouter } from './router-validation-suite';

describe('input validation at the router', () => {
  describeChannelValidation(channelCasesByArea.settings);

  it('names the field and the reason when it refuses', async () => {
    const { invoke } = recordingRouter();
    const answer = await invoke('secrets:setKey', { providerId: 'openai', key: 'sk-abcd efgh12345678' }, null);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toBe('Invalid request to secrets:setKey: key: a key has no spaces');
  });

  it('explains a base URL it cannot use in words a person understands', async () => {
    const { invoke } = recordingRouter();
    const answer = await invoke('settings:setProvider', { baseUrl: 'localhost:8080', model: 'm' }, null);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toContain('enter a full http:// or https:// address');
  });

  it('never echoes a refused key back', async () => {
    const { invoke } = recordingRouter();
    const answers = await Promise.all([
      invoke('secrets:setKey', { providerId: 'openai', key: 'sk-live-half1 half2-secret' }, null),
      invoke('secrets:setKey', { providerId: 'openai', key: 'sk-live-half1half2-secret', extra: 'sk-live-half1half2-secret' }, null),
      invoke('secrets:setKey', { providerId: 'Open AI', key: 'sk-live-half1half2-secret' }, null),
    ]);
    for (const answer of answers) expect(answer.ok).toBe(false);
    expect(JSON.stringify(answers)).not.toMatch(/half1|half2/);
  });

  it('trims a pasted key before the handler sees it', async () => {
    const { invoke, calls } = recordingRouter();
    const answer = await invoke('secrets:setKey', { providerId: 'openai', key: '  sk-abcdefgh12345678\n' }, null);
    expect(answer.ok).toBe(true);
    expect(calls[0]?.input).toEqual({ providerId: 'openai', key: 'sk-abcdefgh12345678' });
  });
});
