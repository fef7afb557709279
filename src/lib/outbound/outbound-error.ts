/**
 * Why Roster did not get an answer it asked for. `refused` means Roster never connected: the address is
 * one it keeps out of reach unless an admin allows it, or http:// to a host that is not allowed.
 */
export type OutboundProblem = 'refused' | 'too_large' | 'timeout' | 'unreachable' | 'redirects' | 'bad_url';

export class OutboundError extends Error {
  constructor(
    readonly problem: OutboundProblem,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

/** The OutboundError behind an error fetch wrapped (undici reports connect failures as a TypeError's cause). */
export function outboundErrorIn(error: unknown): OutboundError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof OutboundError) return current;
    current = (current as Error & { cause?: unknown }).cause;
  }
  return undefined;
}
