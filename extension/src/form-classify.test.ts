import { describe, expect, it } from 'vitest';
import { classifyForm, type FormField, typedEmail } from './form-classify.js';

const field = (over: Partial<FormField>): FormField => ({
  type: 'text',
  name: '',
  id: '',
  autocomplete: '',
  placeholder: '',
  label: '',
  ...over,
});
const email = field({ type: 'email', name: 'email' });
const password = field({ type: 'password', name: 'password' });

describe('classifying a submitted form', () => {
  it.each([
    ['email + password, "Log in"', [email, password], 'Log in', '', 'sign_in'],
    [
      'username + current password, any wording',
      [field({ name: 'username' }), field({ type: 'password', autocomplete: 'current-password' })],
      'Continue',
      'signup-modal',
      'sign_in',
    ],
    [
      'password twice',
      [email, password, field({ type: 'password', name: 'confirm' })],
      'Continue',
      '',
      'sign_up',
    ],
    [
      'new password',
      [email, field({ type: 'password', autocomplete: 'new-password' })],
      'Continue',
      '',
      'sign_up',
    ],
    [
      'email + password, "Create account"',
      [field({ name: 'name' }), email, password],
      'Create account',
      '',
      'sign_up',
    ],
    ['email + password, no words', [email, password], 'Go', '', 'sign_in'],
    ['single sign-on, email only', [email], 'Continue with SSO', '', 'sign_in'],
    ['identifier first, "Next" on a login form', [email], 'Next', 'login-form /login', 'sign_in'],
    ['newsletter', [email], 'Subscribe', '', 'sign_up'],
    [
      'event registration',
      [field({ name: 'name' }), field({ name: 'work_email', type: 'text' })],
      'Register',
      '',
      'sign_up',
    ],
    ['search box', [field({ type: 'search', name: 'q' })], 'Search', '', null],
    ['comment form', [field({ name: 'comment' })], 'Post', '', null],
    ['email only, no words', [email], 'Send', 'contact', null],
    ['"Sign in or sign up" says neither', [email], 'Sign in or sign up', '', null],
  ] as const)('%s', (_name, fields, submitText, formText, expected) => {
    expect(classifyForm({ fields: [...fields], submitText, formText })).toBe(expected);
  });
});

describe('the address typed into a form', () => {
  it('is taken from the identity field only, lower-cased', () => {
    expect(
      typedEmail([
        { ...field({ name: 'company' }), value: 'x@y.z' },
        { ...email, value: ' Ada@Acme.IO ' },
        { ...password, value: 'hunter2@secret.com' },
      ]),
    ).toBe('ada@acme.io');
  });

  it('is none when the identity field holds a username, and never a password', () => {
    expect(
      typedEmail([
        { ...field({ name: 'username' }), value: 'ada' },
        { ...password, value: 'a@b.co' },
      ]),
    ).toBeNull();
  });
});
