import { describeProviderFaultMatrix } from '../../../test/support/provider-fault-matrix.js';
import { startOktaOAuthSimulator, startOktaSimulator } from '../../simulators/okta/okta-simulator.js';

describeProviderFaultMatrix('Okta', startOktaSimulator);
// A service app's OAuth token: a 401 first gets a new token, a second 401 ends the run.
describeProviderFaultMatrix('Okta (OAuth)', startOktaOAuthSimulator);
