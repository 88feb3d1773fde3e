import { isChannelName, type ChannelName } from '../../shared/channels';
import { contract, type ChannelOutput, type ParsedInput } from '../../shared/contract';
import type { Result } from '../../shared/error-codes';
import { AppError } from '../services/app-error';

export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Whatever the transport knows about who is calling; only `isTrustedSender` interprets it. */
export type Sender = unknown;

export interface RouterOptions {
  isTrustedSender: (sender: Sender) => boolean;
  onInternalError?: (channel: string, err: unknown) => void;
}

export type Router = (channel: unknown, input: unknown, sender: Sender) => Promise<Result<unknown>>;

function failure(code: AppError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
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
    if (!isChannelName(channel)) return failure('UNKNOWN_CHANNEL', `There is no channel called ${String(channel).slice(0, 60)}.`);
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return failure('BAD_INPUT', `Invalid request to ${channel}: ${where}${issue?.message ?? 'invalid input'}`);
    }
    try {
      const handler = handlers[channel] as (i: unknown) => unknown;
      const value = spec.output.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      options.onInternalError?.(channel, err);
      return failure('INTERNAL', 'Something went wrong inside Parley. Nothing you typed was lost.');
    }
  };
}
