import { describe, expect, it } from 'vitest';
import { CircuitBreaker, createBreakers } from '../../electron/services/chat/circuit-breaker';
import { FakeClock } from '../fixtures/fake-clock';

function breaker() {
  const clock = new FakeClock();
  return { clock, b: new CircuitBreaker({ threshold: 3, coolDownMs: 10_000, clock }) };
}

describe('a provider’s circuit breaker', () => {
  it('stays closed through fewer failures in a row than the threshold, and a success resets the count', () => {
    const { b } = breaker();
    b.failed();
    b.failed();
    b.succeeded();
    b.failed();
    b.failed();
    expect(b.state).toBe('closed');
    expect(b.admit()).toEqual({ allowed: true });
  });

  it('opens at the threshold and fails fast for the cool-down, saying how long is left', () => {
    const { b, clock } = breaker();
    for (let i = 0; i < 3; i++) b.failed();
    expect(b.state).toBe('open');
    clock.advance(4_000);
    expect(b.admit()).toEqual({ allowed: false, retryInMs: 6_000, failures: 3 });
  });

  it('lets one probe through after the cool-down, and only one', () => {
    const { b, clock } = breaker();
    for (let i = 0; i < 3; i++) b.failed();
    clock.advance(10_000);
    expect(b.admit()).toEqual({ allowed: true });
    expect(b.state).toBe('half-open');
    expect(b.admit()).toMatchObject({ allowed: false });
  });

  it('closes when the probe succeeds', () => {
    const { b, clock } = breaker();
    for (let i = 0; i < 3; i++) b.failed();
    clock.advance(10_000);
    b.admit();
    b.succeeded();
    expect(b.state).toBe('closed');
    expect(b.admit()).toEqual({ allowed: true });
  });

  it('opens for a new cool-down when the probe fails', () => {
    const { b, clock } = breaker();
    for (let i = 0; i < 3; i++) b.failed();
    clock.advance(10_000);
    b.admit();
    b.failed();
    expect(b.state).toBe('open');
    expect(b.admit()).toMatchObject({ allowed: false, retryInMs: 10_000 });
  });

  it('gives the probe slot back when the probe was stopped by the person', () => {
    const { b, clock } = breaker();
    for (let i = 0; i < 3; i++) b.failed();
    clock.advance(10_000);
    b.admit();
    b.released();
    expect(b.admit()).toEqual({ allowed: true });
  });

  it('keeps one breaker per provider address', () => {
    const breakerFor = createBreakers({ threshold: 1, coolDownMs: 1_000, clock: new FakeClock() });
    breakerFor('openai https://api.openai.com/v1').failed();
    expect(breakerFor('openai https://api.openai.com/v1').state).toBe('open');
    expect(breakerFor('openai https://gateway.example.com/v1').state).toBe('closed');
  });
});
