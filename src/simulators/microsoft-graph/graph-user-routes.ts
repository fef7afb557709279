import type { Fault } from '../kit/faults.js';
import type { SimulatorRequest, SimulatorResponse } from '../kit/simulator-server.js';
import type { GraphTenant, GraphUser } from './graph-tenant.js';

/**
 * One user of the simulated tenant, read and written the way Graph documents it: `GET /users/{id |
 * userPrincipalName}` with `$select`, `PATCH /users/{id}` (204, no body) and `POST /users/{id}/assignLicense`
 * (200 with the user). Writes change the tenant itself, so a later `/users` listing (a sync) sees them.
 */
export type GraphPermission =
  | 'User.Read.All'
  | 'AuditLog.Read.All'
  | 'Domain.Read.All'
  | 'Organization.Read.All'
  | 'Application.Read.All'
  | 'GroupMember.Read.All'
  | 'Directory.Read.All'
  | 'User.EnableDisableAccount.All'
  | 'LicenseAssignment.ReadWrite.All'
  | 'User.ReadWrite.All'
  | 'Directory.ReadWrite.All';

export interface UserRouteHelpers {
  tenant: GraphTenant;
  /** 403 Authorization_RequestDenied unless one of these permissions was granted. */
  denied(...allowing: GraphPermission[]): SimulatorResponse | null;
  /** The fault plan's say on this call (keyed by method, path and query). */
  fault(request: SimulatorRequest): Fault | null;
  error(status: number, code: string, message: string): SimulatorResponse;
  notFound(id: string): SimulatorResponse;
  ok(json: unknown): SimulatorResponse;
  project(item: object, select: readonly string[]): Record<string, unknown>;
  userDefaultProperties: readonly string[];
  userProperties: ReadonlySet<string>;
}

/** Properties Graph computes or owns, which a PATCH cannot set. */
const readOnlyProperties = new Set([
  'id',
  'createdDateTime',
  'assignedLicenses',
  'licenseAssignmentStates',
  'signInActivity',
  'proxyAddresses',
]);

/** Graph's `$filter` subset the simulator answers: `mail eq '…'` and `userPrincipalName eq '…'`, joined by `or`. */
export function userFilter(filter: string | undefined): ((user: GraphUser) => boolean) | undefined {
  if (!filter || /signInActivity/.test(filter)) return undefined;
  const terms = filter.split(/\s+or\s+/i).map((term) => {
    const match = /^\s*(mail|userPrincipalName)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(term);
    if (!match) return null;
    const property = match[1]!.toLowerCase() === 'mail' ? 'mail' : 'userPrincipalName';
    // OData writes a quote inside a string literal as two; Graph compares addresses case-insensitively.
    const value = match[2]!.replace(/''/g, "'").toLowerCase();
    return (user: GraphUser) => (user[property] ?? '').toLowerCase() === value;
  });
  if (terms.some((t) => t === null)) return () => false;
  return (user) => terms.some((t) => t!(user));
}

export function userRoutes(h: UserRouteHelpers) {
  const find = (key: string): GraphUser | undefined => {
    const wanted = decodeURIComponent(key).toLowerCase();
    return h.tenant.users.find((u) => u.id === wanted || u.userPrincipalName.toLowerCase() === wanted);
  };
  const parse = (
    request: SimulatorRequest,
  ): { body: Record<string, unknown> } | { refused: SimulatorResponse } => {
    try {
      const body = JSON.parse(request.body) as unknown;
      if (body && typeof body === 'object' && !Array.isArray(body))
        return { body: body as Record<string, unknown> };
    } catch {}
    return {
      refused: h.error(
        400,
        'BadRequest',
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      ),
    };
  };

  return {
    get(request: SimulatorRequest, key: string): SimulatorResponse | Fault {
      const refused = h.denied(
        'User.Read.All',
        'Directory.Read.All',
        'User.ReadWrite.All',
        'Directory.ReadWrite.All',
      );
      if (refused) return refused;
      const select =
        (request.url.searchParams.get('$select') ?? request.url.searchParams.get('select'))
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean) ?? h.userDefaultProperties;
      const unknown = select.find((p) => !h.userProperties.has(p));
      if (unknown)
        return h.error(
          400,
          'Request_BadRequest',
          `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
        );
      const injected = h.fault(request);
      if (injected) return injected;
      const user = find(key);
      if (!user) return h.notFound(key);
      return h.ok(h.project(user, select));
    },

    /** PATCH: only `accountEnabled` needs no more than User.EnableDisableAccount.All. */
    patch(request: SimulatorRequest, key: string): SimulatorResponse | Fault {
      const parsed = parse(request);
      if ('refused' in parsed) return parsed.refused;
      const body = parsed.body;
      const keys = Object.keys(body);
      const unknown = keys.find((k) => !h.userProperties.has(k) || readOnlyProperties.has(k));
      if (unknown)
        return h.error(
          400,
          'Request_BadRequest',
          `Property '${unknown}' is read-only or does not exist on type 'microsoft.graph.user'.`,
        );
      const onlyEnabling = keys.every((k) => k === 'accountEnabled');
      const refused = onlyEnabling
        ? h.denied('User.EnableDisableAccount.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All')
        : h.denied('User.ReadWrite.All', 'Directory.ReadWrite.All');
      if (refused) return refused;
      if ('accountEnabled' in body && typeof body.accountEnabled !== 'boolean')
        return h.error(
          400,
          'Request_BadRequest',
          "Invalid value specified for property 'accountEnabled' of resource 'User'.",
        );
      const injected = h.fault(request);
      if (injected) return injected;
      const user = find(key);
      if (!user) return h.notFound(key);
      Object.assign(user, body);
      return { status: 204, headers: { 'request-id': crypto.randomUUID() } };
    },

    assignLicense(request: SimulatorRequest, key: string): SimulatorResponse | Fault {
      const parsed = parse(request);
      if ('refused' in parsed) return parsed.refused;
      const body = parsed.body;
      const refused = h.denied(
        'LicenseAssignment.ReadWrite.All',
        'User.ReadWrite.All',
        'Directory.ReadWrite.All',
      );
      if (refused) return refused;
      const add = body.addLicenses;
      const remove = body.removeLicenses;
      // Both are required, even when empty.
      if (!Array.isArray(add) || !Array.isArray(remove))
        return h.error(
          400,
          'Request_BadRequest',
          'Invalid value specified for property addLicenses or removeLicenses.',
        );
      const injected = h.fault(request);
      if (injected) return injected;
      const user = find(key);
      if (!user) return h.notFound(key);
      const skus = h.tenant.subscribedSkus as { skuId: string; consumedUnits: number }[];
      const states = user.licenseAssignmentStates;
      const direct = (skuId: unknown) => states.some((l) => l.skuId === skuId && l.assignedByGroup === null);
      for (const skuId of remove) {
        if (direct(skuId)) continue;
        // A licence a group hands out goes only when the user leaves the group (group-based licensing).
        if (states.some((l) => l.skuId === skuId))
          return h.error(
            400,
            'Request_BadRequest',
            'User license is inherited from a group membership and it cannot be removed directly from the user.',
          );
        return h.error(400, 'Request_BadRequest', 'User does not have a corresponding license.');
      }
      for (const license of add as { skuId?: unknown }[])
        if (!skus.some((s) => s.skuId === license?.skuId))
          return h.error(
            400,
            'Request_BadRequest',
            `License ${String(license?.skuId)} does not correspond to a valid company License.`,
          );
      user.licenseAssignmentStates = states.filter(
        (l) => !(l.assignedByGroup === null && remove.includes(l.skuId)),
      );
      for (const license of add as { skuId: string }[])
        if (!direct(license.skuId))
          user.licenseAssignmentStates.push({
            skuId: license.skuId,
            assignedByGroup: null,
            disabledPlans: [],
            state: 'Active',
            error: 'None',
          });
      // A licence held both directly and through a group stays assigned.
      const skuIds = [...new Set(user.licenseAssignmentStates.map((l) => l.skuId))];
      user.assignedLicenses = skuIds.map((skuId) => ({ disabledPlans: [], skuId }));
      // Seats follow the assignments, as subscribedSkus' consumedUnits does.
      for (const sku of skus)
        sku.consumedUnits = h.tenant.users.filter((u) =>
          u.assignedLicenses.some((l) => l.skuId === sku.skuId),
        ).length;
      return h.ok(h.project(user, h.userDefaultProperties));
    },
  };
}
