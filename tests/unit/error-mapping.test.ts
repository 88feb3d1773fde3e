import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/services/app-error';
import { maxRetryAfterMs, parseRetryAfterMs, toAppError } from '../../electron/services/chat/error-mapping';

const model = 'gpt-4o-mini';

/** An error as the SDK builds it from an HTTP answer: status, JSON body, headers. */
function apiError(status: number, body: { message?: string; code?: string | null; type?: string } = {}, headers: Record<string, string> = {}) {
  return OpenAI.APIError.generate(status, { error: { message: `status ${status}`, ...body } }, undefined, new Headers(headers));
}

const map = (err: unknown) => toAppError(err, model).toShape();

describe('error mapping by HTTP status', () => {
  it('calls a 401 an invalid key', () => {
    expect(map(apiError(401))).toMatchObject({ code: 'INVALID_KEY' });
  });

  it('calls a 403 forbidden and names the model', () => {
    const e = map(apiError(403, { message: 'Project does not have access' }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain(model);
    expect(e.message).toContain('Project does not have access');
  });

  it('calls a 404 a missing model and names it', () => {
    const e = map(apiError(404));
    expect(e.code).toBe('MODEL_NOT_FOUND');
    expect(e.message).toContain(`"${model}"`);
  });

  it.each([[500], [502], [503]])('calls a %i a server problem and says which', (status) => {
    const e = map(apiError(status));
    expect(e.code).toBe('SERVER');
    expect(e.message).toContain(String(status));
  });

  it('calls another 4xx a refused request', () => {
    expect(map(apiError(400, { message: 'temperature too high' }))).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('calls an error the server sent mid-stream a server problem', () => {
    const midStream = new OpenAI.APIError(undefined, { message: 'upstream overloaded' }, undefined, undefined);
    expect(map(midStream)).toMatchObject({ code: 'SERVER', message: expect.stringContaining('upstream overloaded') });
  });
});

describe('rate limits', () => {
  it('reads retry-after in seconds', () => {
    const e = map(apiError(429, {}, { 'retry-after': '7' }));
    expect(e).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 7000 });
    expect(e.message).toContain('7 seconds');
  });

  it('prefers retry-after-ms when both are sent', () => {
    expect(map(apiError(429, {}, { 'retry-after-ms': '1500', 'retry-after': '9' }))).toMatchObject({ retryAfterMs: 1500 });
  });

  it('reads retry-after as an HTTP date', () => {
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    const headers = new Headers({ 'retry-after': new Date(now + 12_000).toUTCString() });
    expect(parseRetryAfterMs(headers, now)).toBe(12_000);
  });

  it('reads an HTTP date through the whole mapping as well', () => {
    const e = map(apiError(429, {}, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }));
    expect(e.retryAfterMs).toBeGreaterThan(28_000);
    expect(e.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  // The wait is not waited out (the retry policy gives up on a long one); it is told as asked, so the person knows when to come back.
  it.each([
    ['retry-after', '90', 90_000, '90 seconds'],
    ['retry-after', '3600', 3_600_000, '60 minutes'],
    ['retry-after-ms', '120000', 120_000, '120 seconds'],
  ])('tells a long %s of %s as asked', (header, value, ms, words) => {
    const e = map(apiError(429, {}, { [header]: value }));
    expect(e).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: ms });
    expect(e.message).toContain(words);
  });

  it('bounds a nonsense retry-after at a day', () => {
    expect(map(apiError(429, {}, { 'retry-after': '99999999' }))).toMatchObject({ retryAfterMs: maxRetryAfterMs });
    expect(maxRetryAfterMs).toBe(86_400_000);
  });

  it.each([['soon'], ['-5'], ['']])('gives no wait for a retry-after of %j and says to wait a moment', (value) => {
    const e = map(apiError(429, {}, value ? { 'retry-after': value } : {}));
    expect(e.code).toBe('RATE_LIMITED');
    expect(e).not.toHaveProperty('retryAfterMs');
    expect(e.message).toContain('Wait a moment');
  });

  it('tells an exhausted quota apart from a rate limit, with no retry time', () => {
    const e = map(apiError(429, { code: 'insufficient_quota', message: 'You exceeded your current quota' }, { 'retry-after': '2' }));
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.message).toMatch(/credit or quota/);
    expect(e).not.toHaveProperty('retryAfterMs');
  });
});

describe('context length', () => {
  it('recognises context_length_exceeded', () => {
    expect(map(apiError(400, { code: 'context_length_exceeded' }))).toMatchObject({ code: 'CONTEXT_TOO_LONG' });
  });

  it('recognises the wording of servers that send no code', () => {
    const e = apiError(400, { code: null, message: "This model's maximum context length is 8192 tokens." });
    expect(map(e)).toMatchObject({ code: 'CONTEXT_TOO_LONG' });
  });
});

describe('network and protocol failures', () => {
  it('calls an APIConnectionError a network problem', () => {
    expect(map(new OpenAI.APIConnectionError({ message: 'Connection error.' }))).toMatchObject({ code: 'NETWORK' });
  });

  it('calls an APIConnectionTimeoutError a timeout', () => {
    expect(map(new OpenAI.APIConnectionTimeoutError())).toMatchObject({ code: 'TIMEOUT' });
  });

  it("calls undici's TypeError('terminated') a dropped connection", () => {
    expect(map(new TypeError('terminated'))).toMatchObject({ code: 'NETWORK', message: expect.stringContaining('so far is kept') });
  });

  it('calls a socket error with an errno code a network problem', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(map(reset).code).toBe('NETWORK');
    expect(map(refused).code).toBe('NETWORK');
  });

  it('calls a SyntaxError from a broken chunk a bad response', () => {
    expect(map(new SyntaxError('Unexpected end of JSON input'))).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('leaves an AppError as it is', () => {
    const original = new AppError('INCOMPLETE', 'cut');
    expect(toAppError(original, model)).toBe(original);
  });

  it('calls anything else internal', () => {
    expect(map(new RangeError('boom'))).toMatchObject({ code: 'INTERNAL' });
    expect(map('a string thrown')).toMatchObject({ code: 'INTERNAL' });
  });
});
