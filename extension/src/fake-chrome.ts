/**
 * The few `chrome.*` calls the service worker's parts make, in memory, for unit tests of those parts (the
 * real browser is exercised by test/extension/extension.e2e.test.ts). Not bundled: only tests import it.
 */
export interface FakeChrome {
  local: Record<string, unknown>;
  registered: { id: string; matches: string[] }[];
  openedTabs: string[];
  profileEmail: string;
  alarms: { name: string; when?: number }[];
}

export function installFakeChrome(): FakeChrome {
  const fake: FakeChrome = { local: {}, registered: [], openedTabs: [], profileEmail: '', alarms: [] };
  const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
  const api = {
    storage: {
      local: {
        get: async (keys: string[]) =>
          Object.fromEntries(keys.filter((k) => k in fake.local).map((k) => [k, clone(fake.local[k])])),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) fake.local[k] = clone(v);
        },
      },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        fake.registered.filter((s) => ids.includes(s.id)),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        fake.registered = fake.registered.filter((s) => !ids.includes(s.id));
      },
      registerContentScripts: async (scripts: { id: string; matches: string[] }[]) => {
        fake.registered.push(...scripts.map((s) => ({ id: s.id, matches: s.matches })));
      },
    },
    identity: {
      AccountStatus: { ANY: 'ANY', SYNC: 'SYNC' },
      getProfileUserInfo: async () => ({ email: fake.profileEmail, id: '' }),
    },
    tabs: {
      create: async ({ url }: { url: string }) => {
        fake.openedTabs.push(url);
      },
    },
    runtime: { getURL: (path: string) => `chrome-extension://phofnkmjfbkcldbpdchbcinigcnbeaie/${path}` },
    alarms: {
      create: async (name: string, info: { when?: number }) => {
        fake.alarms.push({ name, ...info });
      },
    },
  };
  (globalThis as unknown as { chrome: unknown }).chrome = api;
  return fake;
}

/** A fetch that answers from a table of handlers and records every request. */
export function recordingFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { method: string; url: string; body: string | null; authorization: string | null }[] = [];
  const fetchFn = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input);
    const headers = new Headers(init.headers);
    calls.push({
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? init.body : null,
      authorization: headers.get('authorization'),
    });
    return answer(url, init);
  }) as typeof fetch;
  return { fetchFn, calls };
}
