import { createContext } from 'react';

/**
 * Inside a form that edits a saved source: secret fields start empty and an empty one keeps the stored
 * value (the server merges credentials field by field), so they are never required and say so.
 */
export const KeepStoredSecrets = createContext(false);

export const keepSecretHint = 'Leave empty to keep the stored value';
