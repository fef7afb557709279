import { randomBytes } from 'node:crypto';
import type { Fault } from '../kit/faults.js';
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
 * Roster reads employees from, with BambooHR's rules: HTTP Basic with the API key as user name and any
 * password, JSON only when asked for (`Accept: application/json`), the whole company in one answer (no
 * paging), inactive employees only with `onlyCurrent=false`, error text in the `X-BambooHR-Error-Message`
 * header, and rate limiting as 429 with `Retry-After` (BambooHR's answer since September 2026; it was 503).
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
    if (fault === 'timeout' || fault === 'truncate') return { ...report(request), fault };
    if (key === restrictedApiKey) return fail(403, 'You do not have access to run this report');
    return report(request);
  }

  function report(request: SimulatorRequest): SimulatorResponse {
    if (!String(request.headers.accept ?? '').includes('application/json'))
      return fail(406, 'This simulator answers JSON only: send Accept: application/json');
    if ((request.url.searchParams.get('format') ?? '').toUpperCase() !== 'JSON')
      return fail(400, 'Unsupported format; this simulator answers format=JSON only');
    let fields: unknown;
    try {
      fields = (JSON.parse(request.body) as { fields?: unknown }).fields;
    } catch {
      return fail(400, 'The request body is not valid JSON');
    }
    if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string'))
      return fail(400, 'The report needs a non-empty "fields" list');
    const unknown = fields.filter((f) => !(f in reportFields));
    if (unknown.length) return fail(400, `Invalid field(s): ${unknown.join(', ')}`);
    const wanted = [...new Set(fields as string[])];
    const onlyCurrent = request.url.searchParams.get('onlyCurrent') !== 'false';
    const plan = faultsPlan();
    const employees: ReportRow[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as ReportRow;
      if (onlyCurrent && row.status !== 'Active') continue;
      const out: ReportRow = { id: row.id ?? null };
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
