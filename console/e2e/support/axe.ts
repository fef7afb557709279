import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page and returns its serious and critical violations. It is evaluated through
 * the browser's debugging protocol, so the console's strict content security policy stays on.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Colours read mid-transition (a dialog fading in, a button easing back from its pressed look) are not the
  // page's: finite animations and transitions are let finish first.
  await page.evaluate(() => {
    type Running = {
      effect: { getComputedTiming: () => { iterations?: number } } | null;
      finished: Promise<unknown>;
    };
    const animations = (globalThis as unknown as { document: { getAnimations: () => Running[] } }).document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY);
    return Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
  });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
