import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Loopback web sites standing in for SaaS apps: the browser reaches them under their real-looking names
 * through `--host-resolver-rules`, and each answers by the Host it was asked for. Every request is recorded.
 */
export interface AppSites {
  port: number;
  requests: { host: string; method: string; path: string }[];
  close(): Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const signInForm = `<h1>Log in</h1>
<form id="login-form" method="post" action="/session">
  <label>Email <input type="email" name="email" autocomplete="username"></label>
  <label>Password <input type="password" name="password" autocomplete="current-password"></label>
  <button type="submit">Log in</button>
</form>`;

const signUpForm = `<h1>Join our webinar</h1>
<form id="register" method="post" action="/registrations">
  <label>Name <input type="text" name="name"></label>
  <label>Work email <input type="email" name="email"></label>
  <button type="submit">Register</button>
</form>`;

function pageFor(req: IncomingMessage): string {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'POST') return page('Done', '<h1>Thanks</h1><p><a href="/">Home</a></p>');
  if (path === '/login') return page('Log in', signInForm);
  if (path === '/webinar') return page('Webinar', signUpForm);
  return page('Home', '<h1>Home</h1><p id="content">Welcome.</p><p><a href="/login">Log in</a></p>');
}

export async function startAppSites(): Promise<AppSites> {
  const requests: AppSites['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({
      host: (req.headers.host ?? '').split(':')[0]!,
      method: req.method ?? '',
      path: req.url ?? '',
    });
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pageFor(req));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
