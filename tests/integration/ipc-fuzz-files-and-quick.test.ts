import { describeChannelFuzz } from '../fixtures/ipc-fuzz-channel-suites';
import { fileAndQuickRequests } from '../fixtures/ipc-fuzz-requests';
import { useFuzzedBackend } from '../fixtures/fuzzed-backend';

describeChannelFuzz(useFuzzedBackend(), fileAndQuickRequests);
