import type { z } from 'zod';
import { isChannelName, type ChannelName } from '../../shared/channels';
import { contract, type ChannelOutput, type ParsedInput } from '../../shared/contract';
import type { Result } from '../../shared/error-codes';
import { damagedMessage, diskFullMessage, isCorruption, isDiskFull } from '../db/storage-errors';
import { AppError } from '../services/app-error';

export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Whatever the transport knows about who is calling; only `isTrustedSender` interprets it. */
export type Sender = unknown;

export interface RouterOptions {
  isTrustedSender: (sender: Sender) => boolean;
  onInternalError?: (channel: string, err: unknown) => void;
  /** SQLite found the database damaged while serving a request. */
  onDatabaseDamage?: (channel: string, err: unknown) => void;
}

export type Router = (channel: unknown, input: unknown, sender: Sender) => Promise<Result<unknown>>;

function failure(code: AppError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * zod takes any non-array object for an object schema, so a Date, Map, Set,
 * RegExp or Error (all of which Electron's structured clone carries) would
 * pass as `{}` to a channel whose fields are all optional. Every request is
 * a plain record: anything else is refused before zod sees it. The test is
 * "its prototype is a root one", not `=== Object.prototype`, so a record made
 * in another realm (a vm context, a test environment) still counts.
 */
function isPlainRecord(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** For the refusal message: never throws, whatever the caller sent (a null-prototype object has no toString). */
function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? channel.slice(0, 60) : `a ${channel === null ? 'null' : typeof channel}`;
}

/**
 * The refusal names what was wrong, but never repeats what the caller sent at
 * length: an undeclared key is named only when it looks like a field name (a
 * pasted API key used as a key, or 5,000 characters of one, is not), and the
 * whole message is capped.
 */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid input';
  const where = issue.path.length ? `${issue.path.map(String).join('.').slice(0, 80)}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.every((k) => /^[A-Za-z_$][\w$]{0,39}$/.test(k)) && issue.keys.length <= 5;
    return `${where}${named ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : 'a field the contract does not declare'}`;
  }
  const text = `${where}${issue.message}`;
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

/**
 * The one door into main: checks the sender, the channel and the input
 * against the shared contract, runs the handler, and answers with data
 * (never a thrown string). Outputs are parsed too, which strips any field
 * the contract does not declare, so a handler cannot leak one by accident.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  return async (channel, input, sender) => {
    if (!options.isTrustedSender(sender)) return failure('UNKNOWN_SENDER', 'This request did not come from a Parley window.');
    if (!isChannelName(channel)) return failure('UNKNOWN_CHANNEL', `There is no channel called ${describeChannel(channel)}.`);
    const spec = contract[channel];
    if (input !== undefined && input !== null && !isPlainRecord(input)) return failure('BAD_INPUT', `Invalid request to ${channel}: expected an object`);
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return failure('BAD_INPUT', `Invalid request to ${channel}: ${describeIssue(parsed.error.issues[0])}`);
    }
    try {
      const handler = handlers[channel] as (i: unknown) => unknown;
      const value = spec.output.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      if (isDiskFull(err)) return failure('DISK_FULL', `${diskFullMessage} Nothing you typed was lost.`);
      if (isCorruption(err)) {
        options.onDatabaseDamage?.(channel, err);
        return failure('DATABASE_DAMAGED', `${damagedMessage} Nothing you typed was lost.`);
      }
      options.onInternalError?.(channel, err);
      return failure('INTERNAL', 'Something went wrong inside Parley. Nothing you typed was lost.');
    }
  };
}
