/**
 * Channel and event names alone, without their schemas, so the preload can
 * build `window.parley` without bundling zod. `contract.ts` declares a schema
 * for each name and the compiler refuses a name without one.
 */
export const channelNames = [
  'conversations:list',
  'conversations:get',
  'conversations:create',
  'conversations:rename',
  'conversations:delete',
  'conversations:getOptions',
  'conversations:setOptions',
  'conversations:setPinned',
  'conversations:setArchived',
  'conversations:listArchived',
  'conversations:export',
  'messages:list',
  'search:messages',
  'chat:send',
  'chat:stop',
  'chat:estimate',
  'chat:regenerate',
  'chat:edit',
  'chat:continue',
  'settings:getProvider',
  'settings:setProvider',
  'settings:getAppearance',
  'settings:setAppearance',
  'settings:getChatDefaults',
  'settings:setChatDefaults',
  'templates:list',
  'templates:save',
  'templates:delete',
  'templates:reset',
  'data:exportAll',
  'data:import',
  'secrets:status',
  'secrets:setKey',
  'secrets:deleteKey',
  'providers:list',
  'providers:add',
  'providers:update',
  'providers:remove',
  'providers:setDefault',
  'providers:models',
  'providers:test',
  'providers:detectLocal',
  'conversations:setProvider',
  'settings:getQuickAsk',
  'settings:setQuickAsk',
  'quick:clipboardText',
  'quick:hide',
  'quick:resize',
  'quick:setPinned',
  'quick:openInMain',
  'app:startupNotices',
  'files:prepare',
  'files:explain',
  'files:stop',
  'files:attachments',
  'files:takeOpened',
  'settings:getFiles',
  'settings:setFiles',
  'usage:summary',
  'usage:exportCsv',
  'usage:status',
  'settings:getBudgets',
  'settings:setBudgets',
  'settings:getPrices',
  'settings:setPrices',
  'settings:getUpdates',
  'settings:setUpdates',
  'app:restartToUpdate',
] as const;
export type ChannelName = (typeof channelNames)[number];

export const eventNames = ['chat:delta', 'chat:done', 'conversations:changed', 'app:openConversation', 'app:newChat', 'quick:shown', 'files:progress', 'files:opened', 'app:updateReady'] as const;
export type EventName = (typeof eventNames)[number];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && (channelNames as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

/** `conversations:list` is exposed as `parley.conversations.list`. */
export function splitChannelName(name: ChannelName): [string, string] {
  const [area, method] = name.split(':') as [string, string];
  return [area, method];
}
