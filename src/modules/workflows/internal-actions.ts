import { z } from 'zod';
import type { ActionDefinition, ActionScope } from '../../actions/action.js';
import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { startOffboarding } from '../offboarding/offboarding-start.js';
import { deprovisionAccount, planDeprovision } from './deprovision-account.js';
import { licenseOf, planLicenseRemoval, removeLicense } from './remove-license.js';

const personEmail = (scope: ActionScope): string | null => {
  const person = scope.person as { email?: unknown } | undefined;
  return typeof person?.email === 'string' ? person.email : null;
};
const accountId = (scope: ActionScope): number | null => {
  const account = scope.account as { id?: unknown } | undefined;
  return typeof account?.id === 'number' ? account.id : null;
};

const offboardingStartSettings = z
  .object({
    /** Runs automatic offboarding actions although the employee source of truth says the person is current. */
    force_reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

const deprovisionSettings = z.object({}).strict();
const licenseRemoveSettings = z.object({}).strict();

/**
 * The actions that act inside Roster or through its integrations, with the interface of the external
 * ones. They need the installation, so they are made per Roster; their settings schemas are the same.
 */
export function internalActions(roster: Roster, actor: string): ActionDefinition[] {
  const offboardingStart: ActionDefinition<typeof offboardingStartSettings> = {
    type: 'offboarding.start',
    settings: offboardingStartSettings,
    preview(settings, scope) {
      const email = personEmail(scope);
      return {
        summary: email
          ? `Start the offboarding of ${email}${settings.force_reason ? ' (automatic actions forced)' : ''}`
          : 'Start an offboarding: this workflow has no person',
        requests: [],
      };
    },
    async run(settings, scope) {
      const email = personEmail(scope);
      if (!email)
        return {
          status: 'failed',
          error: 'This workflow has no person to offboard',
          retryable: false,
          requests: [],
        };
      try {
        const started = await startOffboarding(roster, actor, {
          email,
          ...(settings.force_reason ? { force: { reason: settings.force_reason } } : {}),
        });
        return {
          status: 'succeeded',
          output: { offboarding_id: started.dryRun ? null : started.id },
          requests: [],
        };
      } catch (error) {
        // An offboarding already started is what the action wanted: the person is being offboarded.
        if (error instanceof RosterError && error.code === 'conflict')
          return { status: 'succeeded', output: { already: error.message }, requests: [] };
        if (error instanceof RosterError)
          return { status: 'failed', error: error.message, retryable: false, requests: [] };
        throw error;
      }
    },
  };
  const deprovision: ActionDefinition<typeof deprovisionSettings> = {
    type: 'deprovision',
    settings: deprovisionSettings,
    preview(_settings, scope) {
      return planDeprovision(scope);
    },
    async run(_settings, scope, context) {
      const id = accountId(scope);
      if (id === null)
        return {
          status: 'failed',
          error: 'This workflow has no account to deprovision',
          retryable: false,
          requests: [],
        };
      return deprovisionAccount(roster, id, context);
    },
  };
  const licenseRemove: ActionDefinition<typeof licenseRemoveSettings> = {
    type: 'license.remove',
    settings: licenseRemoveSettings,
    preview(_settings, scope) {
      return planLicenseRemoval(scope);
    },
    async run(_settings, scope, context) {
      const license = licenseOf(scope);
      if (!license)
        return {
          status: 'failed',
          error: 'This workflow has no license to remove: use a license trigger or entity',
          retryable: false,
          requests: [],
        };
      return removeLicense(roster, license, context);
    },
  };
  return [offboardingStart, deprovision, licenseRemove];
}

/** The internal actions' settings, for the document's schema where no installation is at hand. */
export const internalActionTypes = ['offboarding.start', 'deprovision', 'license.remove'] as const;
