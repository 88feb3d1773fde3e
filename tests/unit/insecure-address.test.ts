import { describe, expect, it } from 'vitest';
import { isInsecureRemote } from '../../renderer/features/settings/insecure-address';

describe('the warning for a key sent over plain http', () => {
  it.each([
    ['http://192.168.1.20:11434/v1', true],
    ['http://models.example.com/v1', true],
    ['https://api.groq.com/openai/v1', false],
    ['http://127.0.0.1:11434/v1', false],
    ['http://localhost:1234/v1', false],
    ['http://[::1]:1234/v1', false],
    ['not a url', false],
  ])('for %s is %s', (address, warned) => {
    expect(isInsecureRemote(address)).toBe(warned);
  });
});
