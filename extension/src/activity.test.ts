import { describe, expect, it } from 'vitest';
import { type ActivityState, observe } from './activity.js';

const slack = { app: 'Slack', domain: 'slack.com' };
const org = ['acme.io'];
const at = (h: number) => new Date(Date.UTC(2026, 10, 30, h));
const empty: ActivityState = { queue: [], accounts: {} };

describe('what one thing seen in the browser reports', () => {
  it('reports a visit, without an address until a sign-in showed one', () => {
    const state = observe(empty, { type: 'visit', match: slack, typedEmail: null, at: at(9) }, org);
    expect(state.queue).toEqual([{ type: 'visit', domain: 'slack.com', at: at(9).toISOString() }]);
  });

  it('reports a sign-in with an organisation address, and later visits with that address', () => {
    let state = observe(
      empty,
      { type: 'sign_in', match: slack, typedEmail: 'ada.l@acme.io', at: at(9) },
      org,
    );
    state = observe(state, { type: 'visit', match: slack, typedEmail: null, at: at(10) }, org);
    expect(state.queue).toEqual([
      { type: 'sign_in', domain: 'slack.com', email: 'ada.l@acme.io', at: at(9).toISOString() },
      { type: 'visit', domain: 'slack.com', email: 'ada.l@acme.io', at: at(10).toISOString() },
    ]);
  });

  it('ignores a personal sign-in, drops the app’s unsent activity of the day, and its later visits', () => {
    let state = observe(empty, { type: 'visit', match: slack, typedEmail: null, at: at(8) }, org);
    state = observe(state, { type: 'sign_in', match: slack, typedEmail: 'ada@gmail.com', at: at(9) }, org);
    state = observe(state, { type: 'visit', match: slack, typedEmail: null, at: at(10) }, org);
    state = observe(state, { type: 'sign_up', match: slack, typedEmail: 'ada@gmail.com', at: at(11) }, org);
    expect(state.queue).toEqual([]);
    // A later sign-in with the work address reports again.
    state = observe(state, { type: 'sign_in', match: slack, typedEmail: 'ada@acme.io', at: at(12) }, org);
    expect(state.queue).toEqual([
      { type: 'sign_in', domain: 'slack.com', email: 'ada@acme.io', at: at(12).toISOString() },
    ]);
  });

  it('reports a sign-up as a sign-up only', () => {
    const state = observe(
      empty,
      { type: 'sign_up', match: slack, typedEmail: 'ada@acme.io', at: at(9) },
      org,
    );
    expect(state.queue.map((e) => e.type)).toEqual(['sign_up']);
  });
});
