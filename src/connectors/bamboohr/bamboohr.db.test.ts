import { describeProviderFaultMatrix } from '../../../test/support/provider-fault-matrix.js';
import { startBambooHrSimulator } from '../../simulators/bamboohr/bamboohr-simulator.js';

// BambooHR answers the whole report in one response: page faults hit that response, and there are no links.
describeProviderFaultMatrix('BambooHR', startBambooHrSimulator, { faultPage: 1, paged: false });
