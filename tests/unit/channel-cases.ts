/**
 * Every channel's valid and refused inputs, by area, for the router's
 * validation tests: one test file an area (contract-input-validation-<area>.test.ts)
 * runs `channelCasesByArea.<area>`. A new channel's cases go into the table of
 * its area (the *-channel-cases.ts files); a table for a new area is spread
 * into one of the areas below, or into a new area with a test file of its own.
 */
import type { ChannelName } from '../../shared/channels';
import type { ChannelCases } from './channel-case-helpers';
import { chatChannelCases } from './chat-channel-cases';
import { conversationChannelCases } from './conversation-channel-cases';
import { fileChannelCases } from './file-channel-cases';
import { providerChannelCases } from './provider-channel-cases';
import { quickAskChannelCases } from './quick-ask-channel-cases';
import { settingsChannelCases } from './settings-channel-cases';
import { updateChannelCases } from './update-channel-cases';
import { usageChannelCases } from './usage-channel-cases';

export const channelCasesByArea = {
  conversations: conversationChannelCases,
  chat: chatChannelCases,
  settings: { ...settingsChannelCases, ...providerChannelCases, ...usageChannelCases, ...updateChannelCases },
  filesAndQuick: { ...fileChannelCases, ...quickAskChannelCases },
};

/** All areas at once: the compiler refuses a channel of the contract that no area has cases for. */
export const channelCases: Record<ChannelName, ChannelCases> = {
  ...channelCasesByArea.conversations,
  ...channelCasesByArea.chat,
  ...channelCasesByArea.settings,
  ...channelCasesByArea.filesAndQuick,
};
