import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.js';

describe('a simulator holding pages', () => {
  it('makes whenHeld wait for a hold under the current plan, not one under the plan before', async () => {
    const plan = new FaultInjector({ holdPages: [2] });
    const held = plan.holdFor(2);
    await plan.whenHeld();
    plan.release();
    await held;

    plan.set({ holdPages: [2] });
    let noticed = false;
    const waiting = plan.whenHeld().then(() => {
      noticed = true;
    });
    await Promise.resolve();
    expect(noticed).toBe(false);
    void plan.holdFor(2);
    await waiting;
    expect(noticed).toBe(true);
  });
});
