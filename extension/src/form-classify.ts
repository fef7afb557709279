/**
 * Which submitted forms are sign-ins and which are sign-ups, decided from the form's shape and wording only.
 * The content script describes a form with this plain data (never the values typed into it), so the rules
 * are testable without a browser.
 */
export interface FormField {
  /** The input's `type` attribute, lower-cased (`password`, `email`, `text`). */
  type: string;
  name: string;
  id: string;
  autocomplete: string;
  placeholder: string;
  /** The text of the field's label, when it has one. */
  label: string;
}

export interface FormDescriptor {
  /** The visible fields only: hidden inputs say nothing about what the person is doing. */
  fields: FormField[];
  /** The text (or value) of the button that submitted the form. */
  submitText: string;
  /** The form's id, name, class and action path, and its nearest heading: words that name the form. */
  formText: string;
}

export type FormKind = 'sign_in' | 'sign_up';

const signInWords =
  /\b(sign[\s_-]?in|log[\s_-]?in|log[\s_-]?on|single[\s_-]sign[\s_-]on|sso|saml|authenticate)\b/;
const signUpWords =
  /\b(sign[\s_-]?up|register|registration|create[\s_-](an[\s_-]|your[\s_-]|new[\s_-])?account|join|get[\s_-]started|start[\s_-](a[\s_-])?(free[\s_-])?trial|subscribe|newsletter)\b/;

const identityHint = /e-?mail|user(name)?|login|identifier|account/;

function describe(field: FormField): string {
  return `${field.name} ${field.id} ${field.autocomplete} ${field.placeholder} ${field.label}`.toLowerCase();
}

/** Whether a field is where a person types who they are: an email or a username. */
export function isIdentityField(field: FormField): boolean {
  if (field.type === 'email') return true;
  if (field.type !== 'text' && field.type !== '') return false;
  return /\b(email|username)\b/.test(field.autocomplete.toLowerCase()) || identityHint.test(describe(field));
}

/** Sign-in or sign-up words, when the text says one and not the other. */
function wordsSay(text: string): FormKind | null {
  const lower = text.toLowerCase();
  const signIn = signInWords.test(lower);
  const signUp = signUpWords.test(lower);
  if (signIn === signUp) return null;
  return signIn ? 'sign_in' : 'sign_up';
}

/**
 * A form with a password is a sign-in unless it asks for a new password (or the password twice) or its words
 * say sign-up; a form without a password is a sign-in (single sign-on, one-time link) or a sign-up (including
 * newsletter and event forms: Roster keeps apps seen only at sign-up out of "in use") only when its words say
 * so. Any other form (search, comments, checkout) is neither.
 */
export function classifyForm(form: FormDescriptor): FormKind | null {
  const passwords = form.fields.filter((f) => f.type === 'password');
  const autocompletes = passwords.map((f) => f.autocomplete.toLowerCase());
  const hasIdentity = form.fields.some(isIdentityField);
  const said = wordsSay(form.submitText) ?? wordsSay(form.formText);

  if (passwords.length > 0) {
    if (autocompletes.some((a) => a.includes('current-password'))) return 'sign_in';
    if (passwords.length >= 2 || autocompletes.some((a) => a.includes('new-password'))) return 'sign_up';
    return said ?? 'sign_in';
  }
  if (!hasIdentity) return null;
  return said;
}

/**
 * The address typed into the form's identity field, when it is an email address: it says whose account the
 * sign-in is. The content script calls this with the values it reads and passes on only what it returns.
 */
export function typedEmail(fields: readonly (FormField & { value: string })[]): string | null {
  for (const field of fields) {
    if (!isIdentityField(field)) continue;
    const value = field.value.trim().toLowerCase();
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return value;
  }
  return null;
}
