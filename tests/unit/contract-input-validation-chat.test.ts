import { describe, expect, it } from 'vitest';
import { channelCasesByArea } from './channel-cases';
import { validSend } from './chat-channel-cases';
import { describeChannelValidation, recordingRouter } from './router-validation-suite';

describe('input validation at the router', () => {
  describeChannelValidation(channelCasesByArea.chat);

  it('accepts a null parentId to start a new branch at the root', async () => {
    const { invoke, calls } = recordingRouter();
    expect((await invoke('chat:send', { ...validSend, parentId: null }, null)).ok).toBe(true);
    expect(calls[0]?.input).toEqual({ ...validSend, parentId: null });
  });
});
