import type { Config } from '../config.js';

/** The address people reach Roster at: ROSTER_PUBLIC_URL, else the local listen address. */
export function publicUrlOf(config: Config, port = config.port): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
