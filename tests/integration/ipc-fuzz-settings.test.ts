import { describeChannelFuzz } from '../fixtures/ipc-fuzz-channel-suites';
import { settingsRequests } from '../fixtures/ipc-fuzz-requests';
import { useFuzzedBackend } from '../fixtures/fuzzed-backend';

describeChannelFuzz(useFuzzedBackend(), settingsRequests);
