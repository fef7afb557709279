import { classifyForm, type FormField, typedEmail } from './form-classify.js';
import type { ExtensionMessage } from './messages.js';

/**
 * Runs only on the app domains Roster named (registered by the service worker). It tells the worker that a
 * page was visited and which sign-in or sign-up forms were submitted; of what was typed, only an email address
 * in a form's identity field is passed on, and the worker decides whether even that is reported.
 */
function send(message: ExtensionMessage): void {
  void chrome.runtime.sendMessage(message).catch(() => undefined);
}

function labelOf(input: HTMLInputElement): string {
  const labels = input.labels ? [...input.labels].map((l) => l.textContent ?? '') : [];
  return [...labels, input.getAttribute('aria-label') ?? ''].join(' ');
}

function visibleInputs(form: HTMLFormElement): HTMLInputElement[] {
  return [...form.querySelectorAll('input')].filter(
    (input) =>
      input.type !== 'hidden' &&
      input.type !== 'submit' &&
      input.type !== 'button' &&
      input.getClientRects().length > 0,
  );
}

function describeField(input: HTMLInputElement): FormField {
  return {
    type: (input.getAttribute('type') ?? 'text').toLowerCase(),
    name: input.name,
    id: input.id,
    autocomplete: input.getAttribute('autocomplete') ?? '',
    placeholder: input.placeholder,
    label: labelOf(input),
  };
}

function formText(form: HTMLFormElement): string {
  const heading = form.querySelector('h1, h2, h3, legend') ?? document.querySelector('h1');
  const action = form.getAttribute('action') ?? '';
  // The action's path only: its query may carry anything.
  const actionPath = action.split(/[?#]/)[0] ?? '';
  return [
    form.id,
    form.getAttribute('name') ?? '',
    form.className,
    actionPath,
    heading?.textContent ?? '',
  ].join(' ');
}

function submitTextOf(form: HTMLFormElement, submitter: HTMLElement | null): string {
  const button =
    submitter ?? form.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
  if (!button) return '';
  return button instanceof HTMLInputElement ? button.value : (button.textContent ?? '');
}

function classify(form: HTMLFormElement, submitter: HTMLElement | null) {
  const inputs = visibleInputs(form);
  const fields = inputs.map(describeField);
  const kind = classifyForm({ fields, submitText: submitTextOf(form, submitter), formText: formText(form) });
  return { kind, inputs, fields };
}

/**
 * A visit is reported when the person clicks or types on the page, not on load: a page open in a background
 * tab is not use, and a page where a sign-in or sign-up form was used is reported by that form alone, so a
 * newsletter sign-up never reads as use of the app and a personal sign-in leaves no visit behind.
 */
let visitReported = false;
let formUsed = false;

function reportVisit(): void {
  if (visitReported || formUsed) return;
  visitReported = true;
  send({ kind: 'visit' });
}

function onInteraction(event: Event): void {
  const form = event.target instanceof Element ? event.target.closest('form') : null;
  // Typing into a sign-in or sign-up form is not yet a visit: its submission says what it was.
  if (form && classify(form, null).kind) return;
  reportVisit();
}

document.addEventListener('pointerdown', onInteraction, true);
document.addEventListener('keydown', onInteraction, true);
document.addEventListener('visibilitychange', () => {
  // Coming back to a tab later is new activity, reported at the next click or key.
  if (document.visibilityState === 'visible') visitReported = false;
});

document.addEventListener(
  'submit',
  (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const { kind, inputs, fields } = classify(form, (event as SubmitEvent).submitter);
    if (!kind) return;
    formUsed = true;
    const email = typedEmail(inputs.map((input, i) => ({ ...fields[i]!, value: input.value })));
    send({ kind: 'form', form: kind, email });
  },
  true,
);
