import type { FormKind } from './form-classify.js';

/** What the extension's own pages and content script send to its service worker. */
export type ExtensionMessage =
  /** The content script ran on a page of an app domain (the worker reads the host from the sender, not from this). */
  | { kind: 'visit' }
  /** A sign-in or sign-up form was submitted on an app domain, with the address typed into it when there was one. */
  | { kind: 'form'; form: FormKind; email: string | null }
  /** The popup's "Sign in to Roster" button. */
  | { kind: 'connect' }
  /** connected.html, with what Roster put in its fragment. */
  | { kind: 'connected'; token: string; email: string; state: string }
  /** The popup asks what to show. */
  | { kind: 'status' };

export interface ExtensionStatus {
  mode: string;
  rosterUrl: string | null;
  email: string | null;
  reporting: boolean;
  needsSignIn: boolean;
  queued: number;
  problems: string[];
}
