/** Asks for a token or API key when the service answers 401, and keeps it in sessionStorage only. */
import { storeCredential } from './api';
import { byId } from './dom';

export function askForCredential(reason: string): Promise<void> {
  const dialog = byId<HTMLDialogElement>('auth-dialog');
  const form = byId<HTMLFormElement>('auth-form');
  const input = byId<HTMLInputElement>('credential');
  byId('auth-error').textContent = reason;
  input.value = '';
  return new Promise((resolve) => {
    const submitted = () => {
      storeCredential(input.value);
      form.removeEventListener('submit', submitted);
      resolve();
    };
    form.addEventListener('submit', submitted);
    if (!dialog.open) dialog.showModal();
    input.focus();
  });
}

export function wireCredentialButtons(onChange: () => void): void {
  byId('auth-forget').addEventListener('click', () => {
    storeCredential(null);
    byId<HTMLDialogElement>('auth-dialog').close();
    onChange();
  });
  byId('sign-in').addEventListener('click', () => {
    void askForCredential('').then(onChange);
  });
}
