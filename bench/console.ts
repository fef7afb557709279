import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, installHint, launchChromium } from '../console/e2e/support/chromium.js';
import { ensureConsoleBuilt } from '../console/e2e/support/console-build.js';
import { loadConfig } from '../src/config.js';
import { consoleDist } from '../src/http/console.routes.js';
import { buildServer } from '../src/http/server.js';
import { appSortFields } from '../src/modules/apps/apps.repo.js';
import { createOneTimeToken, ensureMember } from '../src/modules/auth/auth.repo.js';
import { createToken } from '../src/modules/tokens/tokens.service.js';
import { userSortFields } from '../src/modules/users/people-order.js';
import { openRoster } from '../src/roster.js';
import { seedOrganisation } from './seed-organisation.js';

/**
 * The console at scale: the JavaScript a first visit downloads (gzip), and the time from navigation to a
 * usable Apps page with 1,000 apps and a People page with 50,000 people, in headless Chromium against a
 * real server on an embedded database. Lists page on the server: the browser never holds the whole list.
 */
const APPS = 1_000;
const PEOPLE = 50_000;
const RUNS = 5;

/**
 * What a first visit must download before any page: the entry script plus the modules index.html preloads,
 * and the stylesheets it links.
 */
function initialAssets(extension: 'js' | 'css'): { files: number; raw: number; gzip: number } {
  const html = readFileSync(join(consoleDist, 'index.html'), 'utf8');
  const linked = new RegExp(`(?:src|href)="(/assets/[^"]+\\.${extension})"`, 'g');
  const paths = [...html.matchAll(linked)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const path of paths) {
    const content = readFileSync(join(consoleDist, path));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: paths.length, raw, gzip };
}

const describeSize = (size: { files: number; raw: number; gzip: number }) =>
  `${size.files} files, ${(size.raw / 1024).toFixed(1)} KiB, ${(size.gzip / 1024).toFixed(1)} KiB gzip`;

/**
 * Opens a one-time sign-in link and presses its button, as a person does (the link's page signs in on its
 * POST only). A link that is not Roster's sign-in page (the static baseline) is only opened.
 */
async function signInThrough(context: BrowserContext, link: string) {
  const page = await context.newPage();
  await page.goto(link);
  if (link.includes('/auth/link?')) {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/auth/'));
  }
  await page.close();
}

/** Milliseconds from navigation until the list's first rows are on screen, median of fresh page loads. */
async function timeToUsable(
  browser: Browser,
  link: string,
  url: string,
  ready: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext();
  await signInThrough(context, link);
  const times: number[] = [];
  const apiTimes: number[] = [];
  let largestPage = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await context.newPage();
    page.on('response', async (response) => {
      if (!/\/api\/v1\/(apps|users)\?/.test(response.url())) return;
      const body = (await response.json().catch(() => null)) as { items?: unknown[] } | null;
      largestPage = Math.max(largestPage, body?.items?.length ?? 0);
      apiTimes.push(response.request().timing().responseEnd);
    });
    const start = performance.now();
    await page.goto(url);
    await ready(page);
    // The first load warms the server's caches and the browser's: it is not counted.
    if (i > 0) times.push(performance.now() - start);
    await page.close();
  }
  await context.close();
  const median = (values: number[]) =>
    Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
  // How much of it is the list request itself (request start to last byte), the rest being the browser.
  return { medianMs: median(times), apiMs: median(apiTimes.slice(1)), largestPage };
}

/**
 * The floor under every time above: a fresh page navigating to a one-table HTML document and waiting for
 * its first row, served from the same loopback. What the console adds is the time above this.
 */
/**
 * The first page of a list in every order the API sorts it by, median of 3 requests each, beside the
 * default order (keyset on an index): what sorting 1,000 apps or 50,000 people on the server costs.
 */
async function sortedFirstPages(
  app: FastifyInstance,
  token: string,
  list: string,
  fields: readonly string[],
) {
  const time = async (sort: string | undefined) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const answer = await app.inject({
        url: `/api/v1/${list}?limit=50${sort ? `&sort=${sort}` : ''}`,
        headers: { authorization: `Bearer ${token}` },
      });
      if (answer.statusCode !== 200) throw new Error(`${list} sort=${sort}: ${answer.body}`);
      times.push(performance.now() - start);
    }
    return Math.round(times.sort((a, b) => a - b)[1]!);
  };
  const rows = [`default order ${await time(undefined)} ms`];
  for (const field of fields.slice(1))
    rows.push(`${field} ${await time(field)}/${await time(`-${field}`)} ms`);
  return rows.join(', ');
}

/**
 * The landing page on a first visit (a new browser context each time, nothing cached): when its figures are
 * on screen, when its charts are, and how much JavaScript (gzip) arrived before each. The charts load after
 * the figures (a lazy chunk with the chart library): they must not hold the first paint back.
 */
async function overviewFirstVisit(browser: Browser, link: () => Promise<string>, base: string) {
  const figures: number[] = [];
  const charts: number[] = [];
  const jsBeforeFigures: number[] = [];
  const jsWithCharts: number[] = [];
  const overviewRequest: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext();
    await signInThrough(context, await link());
    // Signing in loaded the entry already: clear the cache so the landing page is a first visit.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    const scripts: { at: number; body: Promise<Buffer | null> }[] = [];
    page.on('requestfinished', (request) => {
      if (request.url().includes('/api/v1/overview')) overviewRequest.push(request.timing().responseEnd);
    });
    page.on('response', (response) => {
      if (!/\.js(\?|$)/.test(response.url())) return;
      scripts.push({ at: performance.now(), body: response.body().catch(() => null) });
    });
    const start = performance.now();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: /People: open the list/ }).waitFor();
    const figuresAt = performance.now();
    await page.getByRole('heading', { name: 'License use per app' }).waitFor();
    const chartsAt = performance.now();
    const gzipOf = async (list: typeof scripts) => {
      let total = 0;
      for (const script of list) {
        const body = await script.body;
        if (body) total += gzipSync(body, { level: 9 }).length;
      }
      return total;
    };
    if (i > 0) {
      figures.push(figuresAt - start);
      charts.push(chartsAt - start);
      jsBeforeFigures.push(await gzipOf(scripts.filter((s) => s.at <= figuresAt)));
      jsWithCharts.push(await gzipOf(scripts));
    }
    await context.close();
  }
  const median = (values: number[]) =>
    Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
  return {
    figuresMs: median(figures),
    chartsMs: median(charts),
    jsBeforeFiguresKiB: median(jsBeforeFigures) / 1024,
    jsWithChartsKiB: median(jsWithCharts) / 1024,
    // Request start to last byte of GET /api/v1/overview (the figures' data), the first load's left out.
    overviewApiMs: median(overviewRequest.slice(1)),
  };
}

async function staticPageFloor(browser: Browser) {
  const html =
    '<!doctype html><html lang="en"><title>floor</title><table aria-label="rows"><tbody><tr><td>1</td></tr></tbody></table></html>';
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  try {
    return await timeToUsable(browser, url, url, (page) =>
      page.getByRole('table', { name: 'rows' }).locator('tbody tr').first().waitFor(),
    );
  } finally {
    server.close();
  }
}

export async function run() {
  if (!hasChromium) {
    console.log(installHint);
    process.exit(2);
  }
  ensureConsoleBuilt();
  const js = initialAssets('js');
  const css = initialAssets('css');
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-bench-console-'));
  const roster = await openRoster(loadConfig({ ROSTER_DATA_DIR: dataDir, ROSTER_LOG_LEVEL: 'silent' }));
  let browser: Browser | undefined;
  try {
    await seedOrganisation(roster, { apps: APPS, people: PEOPLE });
    const member = await ensureMember(roster, 'bench', 'bench@bench.example', 'admin');
    const app = await buildServer(roster, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
    const link = async () =>
      `${base}/auth/link?token=${await createOneTimeToken(roster, 'sign_in', member.id)}`;
    const apps = await timeToUsable(browser, await link(), `${base}/apps`, (page) =>
      page.getByRole('table', { name: 'apps' }).locator('tbody tr').first().waitFor(),
    );
    const people = await timeToUsable(browser, await link(), `${base}/people`, (page) =>
      page.getByText(`of ${PEOPLE.toLocaleString('en')} people`).waitFor(),
    );
    const overview = await overviewFirstVisit(browser, link, base);
    const floor = await staticPageFloor(browser);
    // The console with no data to wait for: the sign-in page, signed out (the context never signs in).
    const signIn = await timeToUsable(browser, `${base}/sign-in`, `${base}/sign-in`, (page) =>
      page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor(),
    );
    const { token } = await createToken(roster, 'bench', {
      name: 'bench',
      role: 'admin',
      actsForEmail: null,
    });
    const appSorts = await sortedFirstPages(app, token, 'apps', appSortFields);
    const peopleSorts = await sortedFirstPages(app, token, 'users', userSortFields);
    console.log(`Initial JS: ${describeSize(js)}; initial CSS: ${describeSize(css)}`);
    console.log(
      `Apps page (${APPS} apps): usable in ${apps.medianMs} ms (median of ${RUNS}; the list request ${apps.apiMs} ms); largest list response ${apps.largestPage} rows`,
    );
    console.log(
      `People page (${PEOPLE} people): usable in ${people.medianMs} ms (median of ${RUNS}; the list request ${people.apiMs} ms); largest list response ${people.largestPage} rows`,
    );
    console.log(
      `Overview (landing page), first visit: figures on screen in ${overview.figuresMs} ms after ${overview.jsBeforeFiguresKiB.toFixed(1)} KiB of JS (gzip); charts in ${overview.chartsMs} ms, ${overview.jsWithChartsKiB.toFixed(1)} KiB of JS in all; the overview request ${overview.overviewApiMs} ms (medians of ${RUNS})`,
    );
    console.log(
      `Baseline: a one-table static page on the same loopback is usable in ${floor.medianMs} ms (median of ${RUNS}); the console's sign-in page, which waits for no list, in ${signIn.medianMs} ms`,
    );
    console.log(`Sorted first page of apps (ascending/descending): ${appSorts}`);
    console.log(`Sorted first page of people (ascending/descending): ${peopleSorts}`);
    await app.close();
  } finally {
    await browser?.close();
    await roster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
