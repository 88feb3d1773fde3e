import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, createLogger } from '../../electron/services/logging/logger';
import { errorCode, errorFields, REDACTED, scrubText } from '../../electron/services/logging/redaction';
import { rotatedName } from '../../electron/services/logging/rotating-file';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeTempDir));
const tempDir = () => {
  const d = makeTempDir('parley-log-');
  dirs.push(d);
  return d;
};

function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>), now: () => new Date('2026-01-02T03:04:05.000Z') });
  return { logger, lines };
}

describe('the log', () => {
  it('writes one JSON object a line with time, level, area, message and fields', () => {
    const { logger, lines } = memoryLogger();
    logger.info('startup', 'Parley backend ready', { schema: 5, packaged: false });
    expect(lines).toEqual([{ time: '2026-01-02T03:04:05.000Z', level: 'info', area: 'startup', message: 'Parley backend ready', schema: 5, packaged: false }]);
  });

  it('leaves out debug lines below its level', () => {
    const { logger, lines } = memoryLogger();
    logger.debug('chat', 'noise');
    logger.warn('chat', 'Model request failed');
    expect(lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('never writes fields that hold text, keys or credentials, whatever they contain', () => {
    const { logger, lines } = memoryLogger();
    logger.warn('chat', 'x', { content: 'my secret plans', apiKey: 'abc', fileText: 'a,b,c', Authorization: 'Bearer x', systemPrompt: 'You are', providerId: 'openai', promptTokens: 12 });
    expect(lines[0]).toMatchObject({ content: REDACTED, apiKey: REDACTED, fileText: REDACTED, Authorization: REDACTED, systemPrompt: REDACTED, providerId: 'openai', promptTokens: 12 });
    expect(JSON.stringify(lines)).not.toMatch(/secret plans|a,b,c|You are/);
  });

  it('keeps its own time, level, area and message whatever fields are given', () => {
    const { logger, lines } = memoryLogger();
    logger.info('chat', 'Parley sentence', { message: 'a person wrote this', level: 'error', time: 'then' });
    expect(lines[0]).toEqual({ time: '2026-01-02T03:04:05.000Z', level: 'info', area: 'chat', message: 'Parley sentence' });
  });

  it('does not write objects whole, so a message or request cannot slip in through one', () => {
    const { logger, lines } = memoryLogger();
    logger.error('ipc', 'x', { detail: { content: 'hidden words' } as never });
    expect(lines[0]!.detail).toBe('[object]');
  });

  it('scrubs anything shaped like a key from messages and string fields', () => {
    const { logger, lines } = memoryLogger();
    logger.error('ipc', 'failed with sk-proj-abcDEF1234567890xyz', {
      errorMessage: '401 Incorrect API key provided: sk-test-0123456789abcdef. Authorization: Bearer sk-abc.def and Bearer eyJhbGciOi.x.y',
      url: 'https://example.test/v1?api-key=zzzz1234&x=1',
    });
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/abcDEF1234567890xyz|0123456789abcdef|eyJhbGciOi|zzzz1234/);
    expect(lines[0]!.url).toBe(`https://example.test/v1?api-key=${REDACTED}&x=1`);
  });

  it('scrubs the exact text of a key it was told of, even one with no recognisable shape', () => {
    const { logger, lines } = memoryLogger();
    const azureKey = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    logger.redact(azureKey);
    logger.error('chat', `request with ${azureKey} failed`, { errorMessage: `key=${azureKey}`, note: `-${azureKey}-` });
    expect(JSON.stringify(lines)).not.toContain(azureKey);
  });

  it('turns an error into its class, code, status, message and stack frames; a provider error into code and status only', () => {
    const err = Object.assign(new Error('boom with sk-test-zzzzzzzzzzzz'), { code: 'SQLITE_FULL', status: 500 });
    expect(errorFields(err)).toMatchObject({ errorName: 'Error', errorMessage: 'boom with sk-test-zzzzzzzzzzzz', errorCode: 'SQLITE_FULL', status: 500 });
    expect(scrubText(String(errorFields(err).errorMessage), [])).toBe(`boom with sk-${REDACTED}`);
    expect(errorCode(Object.assign(new Error('the model said: your question was …'), { status: 401, code: 'invalid_api_key' }))).toEqual({ errorName: 'Error', errorCode: 'invalid_api_key', status: 401 });
  });

  it('cuts long strings', () => {
    const { logger, lines } = memoryLogger();
    logger.info('files', 'x', { name: 'n'.repeat(2000) });
    expect(String(lines[0]!.name).length).toBeLessThan(600);
  });
});

describe('the log file', () => {
  it('is written under logs/ as parley.log', () => {
    const dir = path.join(tempDir(), 'logs');
    const logger = createFileLogger({ dir });
    logger.info('startup', 'hello');
    const file = path.join(dir, 'parley.log');
    expect(logger.files()[0]).toBe(file);
    expect(JSON.parse(readFileSync(file, 'utf8').trim())).toMatchObject({ level: 'info', area: 'startup', message: 'hello' });
  });

  it('rotates by size and keeps a few files, the newest first', () => {
    const dir = tempDir();
    const logger = createFileLogger({ dir, maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 100; i++) logger.info('test', `line ${i}`, { pad: 'x'.repeat(80) });
    const file = path.join(dir, 'parley.log');
    expect(existsSync(file)).toBe(true);
    expect(existsSync(rotatedName(file, 1))).toBe(true);
    expect(existsSync(rotatedName(file, 2))).toBe(true);
    expect(existsSync(rotatedName(file, 3))).toBe(false);
    for (const f of logger.files()) expect(readFileSync(f).length).toBeLessThanOrEqual(1000);
    const last = readFileSync(file, 'utf8').trim().split('\n').at(-1)!;
    expect(JSON.parse(last).message).toBe('line 99');
    const older = readFileSync(rotatedName(file, 1), 'utf8').trim().split('\n').map((l) => JSON.parse(l).message as string);
    const newer = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).message as string);
    expect(Number(older.at(-1)!.split(' ')[1]) + 1).toBe(Number(newer[0]!.split(' ')[1]));
  });

  it('never throws when the folder cannot be written', () => {
    const blocked = path.join(tempDir(), 'file-not-dir');
    createFileLogger({ dir: tempDir() }).info('x', 'y');
    writeFileSync(blocked, '');
    const logger = createFileLogger({ dir: path.join(blocked, 'logs') });
    expect(() => logger.error('startup', 'cannot write')).not.toThrow();
  });
});
