import type { FastifyRequest } from 'fastify';
import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import {
  authenticateExtensionToken,
  type ExtensionCaller,
  type ExtensionTokenKind,
} from './extension-tokens.js';

/**
 * The extension token a request to an extension route carries, of the kind the route takes (a reporting
 * token reports and reads its config; an enrollment token only enrolls). API tokens and sessions open
 * nothing here: these routes answer people's browsers, not the console.
 */
export async function extensionCallerOf(
  roster: Roster,
  request: FastifyRequest,
  kind: ExtensionTokenKind,
): Promise<ExtensionCaller & { email: string | null }> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const caller = match ? await authenticateExtensionToken(roster, match[1]!) : undefined;
  if (!caller)
    throw new RosterError(
      'unauthenticated',
      kind === 'reporting'
        ? 'Send an extension token (Authorization: Bearer rxt_…): this one is missing, unknown or revoked'
        : 'Send an enrollment token (roster extension token --enrollment): this one is missing, unknown or revoked',
    );
  if (caller.kind !== kind)
    throw new RosterError(
      'forbidden',
      kind === 'reporting'
        ? 'An enrollment token may only enroll (POST /api/extension/enroll)'
        : 'Only an enrollment token may enroll',
    );
  return caller;
}
