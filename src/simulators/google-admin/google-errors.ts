import type { SimulatorResponse } from '../kit/simulator-server.js';

/** Google's error bodies (Admin SDK "Errors" and the OAuth token endpoint). */

export function googleError(
  code: number,
  message: string,
  reason: string,
  domain = 'global',
): SimulatorResponse {
  return { status: code, json: { error: { code, message, errors: [{ message, domain, reason }] } } };
}

export function badRequest(message: string): SimulatorResponse {
  return googleError(400, message, 'invalid');
}

export function unauthenticated(): SimulatorResponse {
  const message =
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
  return {
    status: 401,
    headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    json: {
      error: {
        code: 401,
        message,
        errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError' }],
        status: 'UNAUTHENTICATED',
      },
    },
  };
}

export function notAuthorized(): SimulatorResponse {
  return googleError(403, 'Not Authorized to access this resource/api', 'forbidden');
}

export function insufficientScopes(): SimulatorResponse {
  return {
    status: 403,
    json: {
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
        status: 'PERMISSION_DENIED',
      },
    },
  };
}

export function oauthError(status: number, error: string, description: string): SimulatorResponse {
  return { status, json: { error, error_description: description } };
}
