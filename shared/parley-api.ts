import type { ChannelName, EventName } from './channels';
import type { ChannelInput, ChannelOutput, EventPayload } from './contract';
import type { Result } from './error-codes';

type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never;
type MethodOf<C extends string> = C extends `${string}:${infer M}` ? M : never;

/**
 * The shape of `window.parley`: one named method per channel, grouped by
 * area, each answering a Result. Derived from the channel list so it can
 * never offer a channel the contract lacks.
 */
export type ParleyApi = {
  [A in AreaOf<ChannelName>]: {
    [C in ChannelName as AreaOf<C> extends A ? MethodOf<C> : never]: (
      input: ChannelInput<C>,
    ) => Promise<Result<ChannelOutput<C>>>;
  };
} & {
  files: {
    /**
     * Electron only (absent in the browser host, which sends the bytes): the
     * path of a dropped File, through webUtils.getPathForFile, for
     * `files:prepare { source: { kind: 'path', path } }`. '' for a File that is not on disk.
     */
    pathOf?: (file: File) => string;
  };
} & {
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
