import { describe, expect, it } from 'vitest';
import { contextWindowOf, defaultContextWindow, encodingOf, estimateCostUsd, findModel } from '../../shared/model-catalogue';

describe('the model catalogue', () => {
  it('knows a dated snapshot and a router’s vendor prefix as the base model', () => {
    expect(findModel('gpt-4o-2024-08-06')?.id).toBe('gpt-4o');
    expect(findModel('openai/gpt-4o-mini')?.id).toBe('gpt-4o-mini');
    expect(findModel('gpt-4o-mini')?.id).toBe('gpt-4o-mini');
  });

  it('does not guess at a model it does not know', () => {
    expect(findModel('gpt-4o-experimental')).toBeUndefined();
    expect(findModel('llama3.2:3b')).toBeUndefined();
    expect(contextWindowOf('llama3.2:3b')).toEqual({ tokens: defaultContextWindow, known: false });
    expect(estimateCostUsd('llama3.2:3b', 1000, 1000)).toBeNull();
  });

  it('counts older models with their own encoding', () => {
    expect(encodingOf('gpt-4')).toBe('cl100k_base');
    expect(encodingOf('gpt-4o')).toBe('o200k_base');
    expect(encodingOf('something-local')).toBe('o200k_base');
  });

  it('prices prompt and answer tokens separately', () => {
    expect(estimateCostUsd('gpt-4o', 1_000_000, 0)).toBe(2.5);
    expect(estimateCostUsd('gpt-4o', 0, 1_000_000)).toBe(10);
  });
});
