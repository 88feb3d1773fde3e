import { describeChannelFuzz } from '../fixtures/ipc-fuzz-channel-suites';
import { conversationRequests } from '../fixtures/ipc-fuzz-requests';
import { useFuzzedBackend } from '../fixtures/fuzzed-backend';

describeChannelFuzz(useFuzzedBackend(), conversationRequests);
