import { describeProviderFaultMatrix } from '../../../test/support/provider-fault-matrix.js';
import { startJsonUrlSimulator } from '../../simulators/json-url/json-url-simulator.js';

describeProviderFaultMatrix('Custom integration (pull)', startJsonUrlSimulator, {
  faultPage: 1,
  paged: false,
});
