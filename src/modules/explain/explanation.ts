import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { extensionReportOn } from '../extension/extension-report.js';
import type { ContributingSource } from './explain-sources.js';

/** Why a figure is what it is: computed from the data each time, never canned. */
export interface Explanation {
  what: string;
  subject: string | null;
  /** The figure(s) being explained. */
  figure: Record<string, number | null>;
  /** How the figure is computed, in one or two sentences. */
  computation: string;
  sources: ContributingSource[];
  /** What in the data makes the figure look the way it does; each cause with the numbers behind it. */
  causes: { code: string; text: string; count?: number }[];
  /** What is not counted, and why. */
  excluded: { what: string; count: number; why: string }[];
  /** What would make the figure more complete. */
  toImprove: string[];
}

/** What would fill an app's usage gap: what the browser extension has reported on it (or that it is not deployed), and an integration. */
export async function fillUsageGap(db: Kysely<DB>, appId: number): Promise<string[]> {
  return [
    await extensionReportOn(db, appId),
    'Connect an integration of this app that reports sign-in or last-used dates.',
  ];
}
