import { randomBytes } from 'node:crypto';
import type { FaultOptions } from '../kit/faults.js';
import {
  bearerToken,
  type RunningSimulator,
  type SimulatorRequest,
  type SimulatorResponse,
  startSimulator,
} from '../kit/simulator-server.js';
import { dmChannelOf, type SlackChannel, type SlackMember, SlackWorkspace } from './slack-workspace.js';

/**
 * A simulated Slack Web API, as Slack documents it: `users.lookupByEmail` (GET, `email` in the query) and
 * `chat.postMessage` (POST, JSON or form body: `channel` an id, name or member id, `text`). Every answer
 * is HTTP 200 with `ok`, errors as `{ ok: false, error }` (`not_authed` without a token, `invalid_auth`
 * with a wrong one, `users_not_found`, `channel_not_found`, `not_in_channel`, `is_archived`, `no_text`,
 * `msg_too_long`), except rate limiting: HTTP 429 with `Retry-After` in seconds and `ratelimited`.
 */

export interface SlackSimulatorOptions {
  members?: SlackMember[];
  channels?: SlackChannel[];
  faults?: FaultOptions;
  /** Seconds a rate-limited answer asks the client to wait; default 1. */
  retryAfterSeconds?: number;
  port?: number;
}

export interface RunningSlack extends RunningSimulator {
  /** The bot token the simulator accepts. */
  botToken: string;
  /** Base URL of the Web API methods, like https://slack.com/api. */
  apiUrl: string;
  workspace: SlackWorkspace;
}

/** chat.postMessage truncates past 40,000 characters and refuses far longer text. */
const textLimit = 40_000;

const defaultMembers: SlackMember[] = [
  { id: 'U0001ANN', email: 'ann@acme.io', name: 'Ann Lee' },
  { id: 'U0002MAYA', email: 'maya.chen@acme.io', name: 'Maya Chen' },
  { id: 'U0003GONE', email: 'gone@acme.io', name: 'Gone Person', deleted: true },
];

const defaultChannels: SlackChannel[] = [
  { id: 'C0001IT', name: 'it-ops', appIsMember: true },
  { id: 'C0002SEC', name: 'security', appIsMember: false },
  { id: 'C0003OLD', name: 'old-news', appIsMember: true, archived: true },
];

export async function startSlackSimulator(options: SlackSimulatorOptions = {}): Promise<RunningSlack> {
  const botToken = `xoxb-${randomBytes(12).toString('hex')}`;
  const workspace = new SlackWorkspace(
    structuredClone(options.members ?? defaultMembers),
    structuredClone(options.channels ?? defaultChannels),
  );
  const retryAfter = options.retryAfterSeconds ?? 1;
  let server: RunningSimulator | undefined;

  const ok = (json: Record<string, unknown>): SimulatorResponse => ({
    status: 200,
    json: { ok: true, ...json },
  });
  const error = (code: string): SimulatorResponse => ({ status: 200, json: { ok: false, error: code } });

  /** Authentication, then the fault plan, as Slack answers each. */
  function gate(request: SimulatorRequest, params: URLSearchParams): SimulatorResponse | undefined {
    const token = bearerToken(request) ?? params.get('token') ?? undefined;
    if (!token) return error('not_authed');
    if (token !== botToken) return error('invalid_auth');
    const fault = server?.faults.decide(`${request.method} ${request.url.pathname} ${params.toString()}`);
    if (fault === 'throttle' || fault === 'error')
      return fault === 'throttle'
        ? {
            status: 429,
            headers: { 'retry-after': String(retryAfter) },
            json: { ok: false, error: 'ratelimited' },
          }
        : { status: 500, json: { ok: false, error: 'internal_error' } };
    return undefined;
  }

  server = await startSimulator(
    [
      {
        method: 'GET',
        path: /^\/api\/users\.lookupByEmail$/,
        handle(request) {
          const params = request.url.searchParams;
          const refused = gate(request, params);
          if (refused) return refused;
          const email = params.get('email');
          if (!email) return error('invalid_arguments');
          const member = workspace.memberByEmail(email);
          if (!member) return error('users_not_found');
          return ok({
            user: {
              id: member.id,
              team_id: 'T0001ACME',
              name: member.email.split('@')[0],
              deleted: false,
              real_name: member.name,
              profile: { email: member.email, real_name: member.name },
            },
          });
        },
      },
      {
        method: 'POST',
        path: /^\/api\/chat\.postMessage$/,
        handle(request) {
          const params = bodyParams(request);
          const refused = gate(request, params);
          if (refused) return refused;
          const text = params.get('text') ?? '';
          const target = params.get('channel');
          if (!target) return error('channel_not_found');
          if (!text.trim()) return error('no_text');
          if (text.length > textLimit * 1.5) return error('msg_too_long');
          const found = workspace.resolve(target);
          if (!found) return error('channel_not_found');
          if ('member' in found) {
            const posted = workspace.post({
              channel: dmChannelOf(found.member),
              user: found.member.id,
              text: text.slice(0, textLimit),
            });
            return ok({
              channel: posted.channel,
              ts: posted.ts,
              message: { type: 'message', text: posted.text, ts: posted.ts },
            });
          }
          if (found.channel.archived) return error('is_archived');
          if (!found.channel.appIsMember) return error('not_in_channel');
          const posted = workspace.post({ channel: found.channel.id, text: text.slice(0, textLimit) });
          return ok({
            channel: posted.channel,
            ts: posted.ts,
            message: { type: 'message', text: posted.text, ts: posted.ts },
          });
        },
      },
    ],
    {
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.port ? { port: options.port } : {}),
    },
  );
  return Object.assign(server, { botToken, apiUrl: `${server.url}/api`, workspace });
}

/** Slack takes POST arguments as JSON (with a bearer token) or as a form. */
function bodyParams(request: SimulatorRequest): URLSearchParams {
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) {
    try {
      const parsed = JSON.parse(request.body) as Record<string, unknown>;
      return new URLSearchParams(
        Object.entries(parsed)
          .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          .map(([k, v]): [string, string] => [k, String(v)]),
      );
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(request.body);
}
