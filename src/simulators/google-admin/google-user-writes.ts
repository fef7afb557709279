import type { SimulatorRequest, SimulatorResponse } from '../kit/simulator-server.js';
import type { GoogleOrganisation, GoogleUser } from './google-directory.js';
import { badRequest, googleError } from './google-errors.js';

/**
 * One user and one licence assignment, read and written as Google documents them: Directory API
 * `users.get` and `users.update`/`users.patch` (`PUT`/`PATCH /admin/directory/v1/users/{userKey}`, 200 with
 * the user), Enterprise License Manager `licenseAssignments.get` and `.delete` (`DELETE
 * /apps/licensing/v1/product/{productId}/sku/{skuId}/user/{userId}`, an empty answer). Writes change the
 * organisation itself, so a later listing (a sync) sees them.
 */

/** Fields an update may set here; Google knows more, the simulator keeps to what Roster writes and shows. */
const writable = new Set(['suspended', 'archived', 'orgUnitPath', 'includeInGlobalAddressList']);

function userAt(o: GoogleOrganisation, userKey: string): GoogleUser | undefined {
  const position = o.userIndex.get(userKey.toLowerCase()) ?? o.userIndex.get(userKey);
  return position === undefined ? undefined : o.user(position);
}

const userNotFound = () => googleError(404, 'Resource Not Found: userKey', 'notFound');

export function getUser(userKey: string, o: GoogleOrganisation): SimulatorResponse {
  const user = userAt(o, userKey);
  return user ? { status: 200, json: user } : userNotFound();
}

export function updateUser(
  request: SimulatorRequest,
  userKey: string,
  o: GoogleOrganisation,
): SimulatorResponse {
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return badRequest('Invalid JSON payload received.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return badRequest('Invalid JSON payload received. Expected an object.');
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((k) => !writable.has(k));
  if (unknown)
    return badRequest(`Invalid JSON payload received. Unknown name "${unknown}": Cannot find field.`);
  for (const flag of ['suspended', 'archived'] as const)
    if (flag in fields && typeof fields[flag] !== 'boolean')
      return badRequest(`Invalid value for ${flag}: ${JSON.stringify(fields[flag])}`);
  const user = userAt(o, userKey);
  if (!user) return userNotFound();
  Object.assign(user, fields);
  // Google says why a user is suspended; an admin's suspension reads ADMIN, and the reason goes with it.
  if (user.suspended === true) user.suspensionReason ??= 'ADMIN';
  else delete user.suspensionReason;
  return { status: 200, json: user };
}

function assignmentIndex(o: GoogleOrganisation, productId: string, skuId: string, userId: string): number {
  const wanted = userId.toLowerCase();
  return (o.licenses.get(productId) ?? []).findIndex(
    (l) => l.skuId === skuId && l.userId.toLowerCase() === wanted,
  );
}

const noLicense = () =>
  googleError(404, 'User does not have a license for specified sku and product', 'notFound');

export function getLicense(
  o: GoogleOrganisation,
  productId: string,
  skuId: string,
  userId: string,
): SimulatorResponse {
  const at = assignmentIndex(o, productId, skuId, userId);
  return at < 0 ? noLicense() : { status: 200, json: o.licenses.get(productId)![at] };
}

export function deleteLicense(
  o: GoogleOrganisation,
  productId: string,
  skuId: string,
  userId: string,
): SimulatorResponse {
  const at = assignmentIndex(o, productId, skuId, userId);
  if (at < 0) return noLicense();
  o.licenses.get(productId)!.splice(at, 1);
  return { status: 204 };
}
