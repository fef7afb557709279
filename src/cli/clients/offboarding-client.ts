import type { OffboardingPreview } from '../../modules/offboarding/offboarding.routes.js';
import type { TaskRef } from '../../modules/offboarding/offboarding-admin.js';
import type { OffboardingCandidate } from '../../modules/offboarding/offboarding-candidates.js';
import type { DriftItem } from '../../modules/offboarding/offboarding-drift.js';
import type {
  MethodSetting,
  MethodSettingInput,
} from '../../modules/offboarding/offboarding-method-settings.js';
import type { OffboardingView } from '../../modules/offboarding/offboarding-read.js';
import type { StartInput } from '../../modules/offboarding/offboarding-start.js';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

/**
 * Offboardings, found by any of the person's emails. Starting one and retrying a task answer once Roster
 * acted on the tasks it can act on (here, or in the serving process), so the command shows how they ended.
 */
export interface OffboardingClient {
  candidates(): Promise<OffboardingCandidate[]>;
  start(input: StartInput): Promise<OffboardingPreview | OffboardingView>;
  show(email: string): Promise<OffboardingView>;
  markTaskDone(email: string, ref: TaskRef): Promise<OffboardingView>;
  retryTask(email: string, ref: TaskRef): Promise<OffboardingView>;
  complete(email: string): Promise<OffboardingView>;
  reopen(email: string): Promise<OffboardingView>;
  drift(): Promise<DriftItem[]>;
  setMethod(input: MethodSettingInput): Promise<MethodSetting>;
}

const services = async () => ({
  ...(await import('../../modules/offboarding/offboarding-admin.js')),
  ...(await import('../../modules/offboarding/offboarding-candidates.js')),
  ...(await import('../../modules/offboarding/offboarding-drift.js')),
  ...(await import('../../modules/offboarding/offboarding-method-settings.js')),
  ...(await import('../../modules/offboarding/offboarding-person.js')),
  ...(await import('../../modules/offboarding/offboarding-read.js')),
  ...(await import('../../modules/offboarding/offboarding-runner.js')),
  ...(await import('../../modules/offboarding/offboarding-start.js')),
  ...(await import('../../modules/offboarding/offboarding.routes.js')),
});

const local = (roster: Roster): OffboardingClient => {
  const { db } = roster.database;
  /** Acts on the offboarding's tasks here and now, then reads it. */
  const runAndRead = async (email: string) => {
    const rt = await services();
    const before = await rt.offboardingOf(db, email);
    await rt.runOffboardingTasks(roster, before.id);
    return rt.offboardingOf(db, email);
  };
  return {
    candidates: async () => {
      const rt = await services();
      return rt.offboardingCandidates(db, rt.dayOf(new Date()));
    },
    start: async (input) => {
      const rt = await services();
      const started = await rt.startOffboarding(roster, cliActor(), input);
      // A dry run in the API's shape: the plan also carries internal ids the API does not answer.
      return started.dryRun ? rt.offboardingPreviewSchema.parse(started) : runAndRead(input.email);
    },
    show: async (email) => (await services()).offboardingOf(db, email),
    markTaskDone: async (email, ref) => {
      const rt = await services();
      await rt.markTaskDone(roster, cliActor(), email, ref);
      return rt.offboardingOf(db, email);
    },
    retryTask: async (email, ref) => {
      await (await services()).retryTask(roster, cliActor(), email, ref);
      return runAndRead(email);
    },
    complete: async (email) => {
      const rt = await services();
      await rt.completeOffboarding(roster, cliActor(), email);
      return rt.offboardingOf(db, email);
    },
    reopen: async (email) => {
      const rt = await services();
      await rt.reopenOffboarding(roster, cliActor(), email);
      return rt.offboardingOf(db, email);
    },
    drift: async () => (await services()).listDrift(db),
    setMethod: async (input) => (await services()).setOffboardingMethod(roster, cliActor(), input),
  };
};

const api = (client: ApiClient): OffboardingClient => {
  /** The person's offboarding (any of their emails); the API answers its not-found as the services do. */
  const idOf = async (email: string) => {
    const found = await client.call<{ items: { id: number }[] }>('GET', '/api/offboardings', {
      query: { email },
    });
    return (found.items[0] as { id: number }).id;
  };
  const offboarding = (id: number) => `/api/offboardings/${id}`;
  /** The task the reference names, found by the server's own rule (ambiguity is an error listing choices). */
  const taskOf = async (id: number, ref: TaskRef) =>
    (await client.call<{ id: number }>('GET', `${offboarding(id)}/task`, { query: { ...ref } })).id;
  return {
    candidates: async () =>
      (await client.call<{ items: OffboardingCandidate[] }>('GET', '/api/offboarding/candidates')).items,
    // `wait`: the server acts on the tasks before answering, as this process would on its own data.
    start: (input) => client.call('POST', '/api/offboardings', { query: { wait: true }, body: input }),
    show: async (email) => client.call('GET', offboarding(await idOf(email))),
    markTaskDone: async (email, ref) => {
      const id = await idOf(email);
      return client.call('POST', `${offboarding(id)}/tasks/${await taskOf(id, ref)}/done`);
    },
    retryTask: async (email, ref) => {
      const id = await idOf(email);
      return client.call('POST', `${offboarding(id)}/tasks/${await taskOf(id, ref)}/retry`, {
        query: { wait: true },
      });
    },
    complete: async (email) => client.call('POST', `${offboarding(await idOf(email))}/complete`),
    reopen: async (email) => client.call('POST', `${offboarding(await idOf(email))}/reopen`),
    drift: async () => (await client.call<{ items: DriftItem[] }>('GET', '/api/offboarding/drift')).items,
    setMethod: (input) => client.call('PUT', '/api/offboarding/methods', { body: input }),
  };
};

export const offboardingClient: ClientFactory<OffboardingClient> = { local, api };
