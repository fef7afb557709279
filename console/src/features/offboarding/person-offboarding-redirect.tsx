import { Navigate, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { offboardingPath } from './offboarding-rules';
import { usePersonOffboarding } from './use-offboarding';

/**
 * `/offboarding/person/:email`: a person's offboarding by any of their emails, for lists that name the
 * person but not the offboarding (accounts active again).
 */
export function PersonOffboardingRedirect() {
  const email = useParams().email ?? '';
  const found = usePersonOffboarding(email);
  if (found.data) return <Navigate to={offboardingPath(found.data.id)} replace />;
  if (found.data === null) return <Navigate to={`/people/${encodeURIComponent(email)}`} replace />;
  return <QueryState query={found} what={`the offboarding of ${email}`} />;
}
