import { classifyForm, type FormField, typedEmail } from './form-classify.js';
import type { ExtensionMessage } from './messages.js';

/**
 * Runs only on the app domains Roster named (registered by the service worker). It tells the worker that the
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

function submitTextOf(event: SubmitEvent, form: HTMLFormElement): string {
  const submitter =
    event.submitter ?? form.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
  if (!submitter) return '';
  return submitter instanceof HTMLInputElement ? submitter.value : (submitter.textContent ?? '');
}

document.addEventListener(
  'submit',
  (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const inputs = visibleInputs(form);
    const fields = inputs.map(describeField);
    const kind = classifyForm({
      fields,
      submitText: submitTextOf(event as SubmitEvent, form),
      formText: formText(form),
    });
    if (!kind) return;
    const email = typedEmail(inputs.map((input, i) => ({ ...fields[i]!, value: input.value })));
    send({ kind: 'form', form: kind, email });
  },
  true,
);

send({ kind: 'visit' });
