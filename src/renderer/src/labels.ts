import type { Provider } from '../../shared/profiles/profile-schemas';

// Every word the window shows is in i18n/messages (English and Ukrainian); only names that are the
// same in every language stay here.

/** The providers by their product names, the same in every language. */
export const PROVIDER_LABELS: Record<Provider, string> = { mor: 'MOR', ringostat: 'Ringostat', isales: 'CC-iSales' };
