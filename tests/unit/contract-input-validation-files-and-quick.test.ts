import { describe } from 'vitest';
import { channelCasesByArea } from './channel-cases';
import { describeChannelValidation } from './router-validation-suite';

describe('input validation at the router', () => {
  describeChannelValidation(channelCasesByArea.filesAndQuick);
});
