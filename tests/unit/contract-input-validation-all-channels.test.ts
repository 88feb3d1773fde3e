import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/channels';
import { channelCases } from './channel-cases';
import { recordingRouter } from './router-validation-suite';

describe('input validation at the router', () => {
  it('has cases for every channel of the contract', () => {
    expect(Object.keys(channelCases).sort()).toEqual([...channelNames].sort());
  });

  it('treats a missing input as an empty object for channels that take none', async () => {
    const { invoke, calls } = recordingRouter();
    expect((await invoke('conversations:list', undefined, null)).ok).toBe(true);
    expect((await invoke('settings:getProvider', null, null)).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });
});
