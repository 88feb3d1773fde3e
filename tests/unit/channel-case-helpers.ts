/**
 * What the area tables of channel cases (conversation-, chat- and
 * settings-channel-cases.ts) share: the shape of one channel's cases, and the
 * ids that must never reach a handler.
 */
export interface ChannelCases {
  valid: Record<string, unknown>;
  invalid: [string, unknown][];
}

export const long = (n: number) => 'a'.repeat(n);

/** Provider ids the contract refuses (shared/providers.ts ProviderId): empty, uppercase, spaced, path-like, too long, wrong type. */
export const badProviderIds: [string, unknown][] = [
  ['an empty provider id', ''],
  ['an uppercase provider id', 'OpenAI'],
  ['a provider id with a space', 'open ai'],
  ['a provider id with a slash', 'a/b'],
  ['a provider id of 41 characters', long(41)],
  ['a number as provider id', 3],
];

/** Ids that must never reach a handler: empty, too long, path-like, spaced, non-ASCII, wrong type. */
export const badIds: [string, unknown][] = [
  ['an empty id', ''],
  ['an id of 65 characters', long(65)],
  ['a path as id', '../etc/passwd'],
  ['an id with a space', 'conv 1'],
  ['an id with a quote', "x' OR '1'='1"],
  ['a non-ASCII id', 'convé'],
  ['a number as id', 42],
  ['null as id', null],
];

/** The refusals of an id field: missing, or each of `badIds`, in an otherwise valid request. */
export function idCases(field: string, valid: Record<string, unknown>): [string, unknown][] {
  return [[`missing ${field}`, { ...valid, [field]: undefined }], ...badIds.map(([what, id]): [string, unknown] => [`${what} in ${field}`, { ...valid, [field]: id }])];
}
