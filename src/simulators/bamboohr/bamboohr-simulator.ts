import { randomBytes } from 'node:crypto';
import { type Fault, isTransportFault } from '../kit/faults.js';
import type { RunningProvider, SimulatorOptions, StartProvider } from '../kit/simulated-provider.js';
import {
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
  startSimulator,
} from '../kit/simulator-server.js';
import { type ReportRow, reportFields, reportRows } from './report-fields.js';

/**
 * A simulated BambooHR API: `POST /api/gateway.php/{companyDomain}/v1/reports/custom`, the custom report
 * Roster reads employees from, with the rules BambooHR documents for it: HTTP Basic with the API key as user
 * name and any password; a JSON body only with `Content-Type: application/json` exactly (anything else is
 * read as XML); `format` case-insensitive, or else the exact `Accept` value; every employee, Active and
 * Inactive, in one answer (no paging; `onlyCurrent` only limits history-table fields to current values,
 * which this company does not future-date); unknown field ids silently left out; at most 400 fields; error
 * text in the `X-BambooHR-Error-Message` header; rate limiting as 429 with `Retry-After` (BambooHR's answer
 * since 16 September 2026; it was 503).
 */
export interface RunningBambooHr extends RunningProvider {
  /** The company's subdomain, e.g. "acme". */
  companyDomain: string;
  /** A valid API key whose user may not run reports: every call answers 403. */
  restrictedApiKey: string;
}

const errorHeader = 'X-BambooHR-Error-Message';

export const startBambooHrSimulator: StartProvider = async (options) => startBambooHr(options);

export async function startBambooHr(options: SimulatorOptions): Promise<RunningBambooHr> {
  const companyDomain = options.directory.domain.split('.')[0] ?? 'acme';
  const apiKey = randomBytes(20).toString('hex');
  const restrictedApiKey = randomBytes(20).toString('hex');
  const revoked = new Set<string>();
  const rows = reportRows(options.directory);
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  let faultOf: (key: string) => Fault | null = () => null;

  const fail = (
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ): SimulatorResponse => ({
    status,
    headers: { [errorHeader]: message, ...headers },
  });

  function customReport(request: SimulatorRequest, match: RegExpExecArray): SimulatorResponse {
    const key = basicUser(request);
    if (!key || revoked.has(key) || (key !== apiKey && key !== restrictedApiKey))
      return fail(401, 'Invalid API key');
    if (match[1] !== companyDomain) return fail(404, 'Company not found');
    const fault = faultOf(`${request.url.pathname}${request.url.search}`);
    if (fault === 'revoked') return fail(401, 'Invalid API key');
    if (fault === 'throttle') return fail(429, 'Too many requests', { 'Retry-After': retryAfter });
    if (fault === 'error') return fail(500, 'An internal error occurred');
    if (isTransportFault(fault)) return { ...report(request), fault };
    if (key === restrictedApiKey) return fail(403, 'You do not have access to run this report');
    return report(request);
  }

  function report(request: SimulatorRequest): SimulatorResponse {
    const format = request.url.searchParams.get('format');
    if (format === null ? request.headers.accept !== 'application/json' : format.toUpperCase() !== 'JSON')
      return format === null
        ? fail(404, 'Unsupported Accept value')
        : fail(400, 'This simulator answers format=JSON only');
    if (request.headers['content-type'] !== 'application/json') return fail(400, 'Malformed XML');
    let fields: unknown;
    try {
      fields = (JSON.parse(request.body) as { fields?: unknown }).fields;
    } catch {
      return fail(400, 'Malformed JSON');
    }
    if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string'))
      return fail(400, 'The report needs a non-empty "fields" list');
    if (fields.length > 400) return fail(400, 'A custom report may request at most 400 fields');
    // Unknown field ids are left out without a word, as BambooHR does.
    const wanted = [...new Set(fields as string[])].filter((f) => f in reportFields);
    const plan = faultsPlan();
    const employees: ReportRow[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as ReportRow;
      const out: ReportRow = {};
      for (const f of wanted) out[f] = row[f] ?? null;
      employees.push(out);
      // A record changed while BambooHR built the report can appear twice; Roster must count it once.
      if (plan.duplicates && i % 100 === 99) employees.push({ ...out });
    }
    return {
      status: 200,
      json: {
        title: 'Report',
        fields: wanted.map((id) => ({ id, ...(reportFields[id] as { type: string; name: string }) })),
        employees,
      },
    };
  }

  const faultsPlan = () => {
    const p = running.faults.plan;
    return { duplicates: Boolean(p.repeatUserAcrossPages || p.repeatPageLink) };
  };

  const routes: SimulatorRoute[] = [
    {
      method: 'POST',
      path: /^\/api\/gateway\.php\/([^/]+)\/v1\/reports\/custom\/?$/,
      handle: customReport,
    },
  ];
  const running = await startSimulator(routes, { faults: options.faults, port: options.port });
  faultOf = (key) => running.faults.decide(key, 1);
  return Object.assign(running, {
    kind: 'bamboohr',
    companyDomain,
    restrictedApiKey,
    source: {
      config: { companyDomain, baseUrl: running.url },
      credentials: { apiKey },
    },
    expireTokens() {
      // BambooHR API keys do not expire; the nearest event is an admin deleting the key.
      revoked.add(apiKey);
    },
  });
}

/** The user name of an HTTP Basic header (BambooHR's API key), or undefined. */
function basicUser(request: SimulatorRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? decoded : decoded.slice(0, colon);
}
