import type { Access } from './principal.js';

/**
 * Who may call each route (levels in principal.ts: any, own-apps, read, write, admin); `one-time-token` and
 * `password` for the routes that authenticate the caller themselves (setup, sign-in and password links,
 * password sign-in). The only place this is decided;
 * a route missing here stops the server from starting.
 */
export type RoutePermission =
  | Access
  | 'one-time-token'
  | 'password'
  | 'console'
  | 'api-reference'
  | 'probe'
  | 'extension-token';

/**
 * Routes anyone may call: those that authenticate the caller themselves (a one-time link, or email and
 * password), and the console's static files (`console`: the page must load before anyone signs in; it
 * holds no data, and every figure it shows comes from the API), and the health probes (`probe`: load
 * balancers carry no token; they answer only whether Roster is up and ready), and the API reference's page
 * and its files (`api-reference`: no data; the document it loads and the routes it tries need access),
 * and the browser extension's routes (`extension-token`: they take an extension token, checked by the route,
 * and nothing else).
 */
export const selfAuthenticating = (permission: RoutePermission | undefined) =>
  permission === 'one-time-token' ||
  permission === 'password' ||
  permission === 'console' ||
  permission === 'api-reference' ||
  permission === 'probe' ||
  permission === 'extension-token';

export const permissions: Readonly<Record<string, RoutePermission>> = {
  'GET /': 'console',
  'GET /*': 'console',
  'GET /api/openapi.json': 'read',
  'GET /api/docs': 'api-reference',
  'GET /api/docs/static/index.html': 'api-reference',
  'GET /api/docs/static/swagger-initializer.js': 'api-reference',
  'GET /api/docs/static/*': 'api-reference',
  'GET /api/docs/json': 'read',
  'GET /api/docs/yaml': 'read',
  'GET /healthz': 'probe',
  'GET /readyz': 'probe',
  'GET /metrics': 'metrics',
  'GET /api/me': 'any',
  'POST /api/setup': 'one-time-token',
  'GET /auth/link': 'one-time-token',
  'POST /auth/link': 'one-time-token',
  'GET /auth/oidc/start': 'one-time-token',
  'GET /auth/oidc/callback': 'one-time-token',
  'POST /api/session/sign-in': 'password',
  'POST /api/session/password': 'one-time-token',
  'POST /api/session/sign-out': 'any',
  'POST /api/session/sign-out-everywhere': 'any',
  'GET /api/settings': 'read',
  'PATCH /api/settings': 'admin',
  'GET /api/backup': 'admin',
  'GET /api/employees/source': 'read',
  'PUT /api/employees/source': 'admin',
  'GET /api/source-kinds': 'read',
  'GET /api/sources': 'read',
  'POST /api/sources': 'write',
  'GET /api/sources/:ref': 'read',
  'PATCH /api/sources/:ref': 'write',
  'DELETE /api/sources/:ref': 'write',
  'POST /api/sources/:ref/sync': 'write',
  'PUT /api/sources/:ref/removal-threshold': 'write',
  'POST /api/sources/:ref/held-run/confirm': 'write',
  'POST /api/sources/:ref/held-run/discard': 'write',
  'POST /api/imports/csv': 'write',
  'POST /api/imports/custom': 'write',
  'POST /api/imports/expenses': 'write',
  'POST /api/expenses/lines': 'write',
  'GET /api/expenses/sources/:ref/accounts': 'read',
  'POST /api/expenses/sources/:ref/accounts/exclude': 'admin',
  'POST /api/expenses/sources/:ref/accounts/include': 'admin',
  'POST /api/expenses/rates': 'admin',
  'GET /api/sync-runs': 'read',
  'GET /api/sync-runs/:id': 'read',
  'GET /api/apps': 'own-apps',
  'GET /api/apps.csv': 'own-apps',
  'POST /api/apps': 'write',
  'GET /api/apps/:ref': 'own-apps',
  'PATCH /api/apps/:ref': 'write',
  'PUT /api/apps/:ref/owners': 'write',
  'PUT /api/apps/:ref/domains': 'write',
  'GET /api/apps/:ref/users.csv': 'own-apps',
  'GET /api/users': 'read',
  'GET /api/users.csv': 'read',
  'GET /api/users/:email': 'read',
  'GET /api/merge/preview': 'read',
  'GET /api/merge/preview.csv': 'read',
  'GET /api/merge/alias-fields': 'read',
  'PUT /api/merge/configuration': 'admin',
  'POST /api/merge/apply': 'admin',
  'POST /api/merge/revoke': 'admin',
  'POST /api/merge/preview/email': 'admin',
  'GET /api/licenses/inactive': 'own-apps',
  'GET /api/licenses/inactive/summary': 'own-apps',
  'GET /api/licenses/inactive.csv': 'own-apps',
  'GET /api/explain/:what': 'own-apps',
  'GET /api/catalog': 'read',
  'GET /api/expenses/rules': 'read',
  'POST /api/expenses/rules': 'write',
  'DELETE /api/expenses/rules/:id': 'write',
  'POST /api/expenses/rules/test': 'read',
  'PUT /api/expenses/lines/:id/app': 'write',
  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'DELETE /api/tokens/:name': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/audit.csv': 'admin',
  'GET /api/members': 'admin',
  'POST /api/members': 'admin',
  'PATCH /api/members/:email': 'admin',
  'POST /api/members/:email/sign-in-link': 'admin',
  'POST /api/members/:email/password-link': 'admin',
  'GET /api/overview': 'read',
  'GET /api/expenses/summary': 'read',
  'GET /api/expenses/apps/:app': 'own-apps',
  'GET /api/expenses/lines': 'read',
  'GET /api/expenses/lines.csv': 'read',
  'GET /api/offboarding/candidates': 'read',
  'GET /api/offboarding/drift': 'read',
  'GET /api/offboarding/methods': 'read',
  'PUT /api/offboarding/methods': 'write',
  'GET /api/offboardings': 'read',
  'POST /api/offboardings': 'write',
  'GET /api/offboardings/:id': 'read',
  'GET /api/offboardings/:id/task': 'read',
  'POST /api/offboardings/:id/complete': 'write',
  'POST /api/offboardings/:id/reopen': 'write',
  'POST /api/offboardings/:id/tasks/:taskId/done': 'write',
  'POST /api/offboardings/:id/tasks/:taskId/retry': 'write',
  'POST /api/extension/events': 'extension-token',
  'GET /api/extension/config': 'extension-token',
  'POST /api/extension/enroll': 'extension-token',
  'GET /api/extension/status': 'read',
  'POST /api/extension/remind': 'admin',
  'GET /api/extension/tokens': 'admin',
  'POST /api/extension/tokens': 'admin',
  'DELETE /api/extension/tokens/:id': 'admin',
  'GET /extension/connect': 'one-time-token',
  'POST /extension/connect/email': 'one-time-token',
  'GET /extension/connect/link': 'one-time-token',
  'POST /extension/connect/link': 'one-time-token',
  'GET /extension/connect/sso': 'one-time-token',
  'GET /offboarding/confirm': 'one-time-token',
  'POST /offboarding/confirm': 'one-time-token',
  'GET /api/workflows/schema': 'read',
  'GET /api/workflows/fields': 'read',
  'GET /api/workflows': 'read',
  'POST /api/workflows': 'admin',
  'GET /api/workflows/:ref': 'read',
  'PUT /api/workflows/:ref': 'admin',
  'GET /api/workflows/:ref/versions': 'read',
  'POST /api/workflows/:ref/enable': 'admin',
  'POST /api/workflows/:ref/disable': 'admin',
  'GET /api/workflows/:ref/runs': 'read',
  'GET /api/workflows/:ref/test': 'read',
  'POST /api/workflow-runs/:id/retry': 'write',
  'GET /api/workflow-credentials': 'admin',
  'PUT /api/workflow-credentials/:type': 'admin',
};

export function permissionOf(method: string, url: string): RoutePermission | undefined {
  return permissions[`${method} ${url}`];
}
