import {
  PROVIDERS,
  profileSchema,
  type Profile,
  type ProfileInput,
  type ProfileInputOf,
  type Provider,
  type SecretInput,
} from '../../../../shared/profiles/profile-schemas';

/**
 * The built-in Demo profiles' settings and credentials, per provider, from whoever starts the
 * simulator: its ports and accounts are known only at run time. Id, name and provider are fixed.
 */
export type DemoSetup = {
  readonly [P in Provider]: { readonly profile: Omit<ProfileInputOf<P>, 'id' | 'name' | 'provider'>; readonly secrets: SecretInput<P> };
};

const DEMO_NAMES: Readonly<Record<Provider, string>> = {
  mor: 'Demo (MOR)',
  ringostat: 'Demo (Ringostat)',
  isales: 'Demo (CC-iSales)',
};

export const demoProfileId = (provider: Provider): string => `demo-${provider}`;

export function isDemoProfileId(id: string): boolean {
  return PROVIDERS.some((provider) => demoProfileId(provider) === id);
}

export interface DemoProfile {
  readonly profile: Profile;
  readonly secrets: Readonly<Record<string, string>>;
}

/** Checked once, on first need: a bad setup is the simulator starter's bug, so it fails loudly. */
export function buildDemoProfiles(setup: DemoSetup): DemoProfile[] {
  return PROVIDERS.map((provider) => {
    const entry = setup[provider];
    const input = { ...entry.profile, id: demoProfileId(provider), name: DEMO_NAMES[provider], provider } as ProfileInput;
    const parsed = profileSchema.safeParse(input);
    if (!parsed.success) throw new Error(`The ${provider} demo setup is not a valid profile: ${parsed.error.message}`);
    const secrets = Object.fromEntries(Object.entries(entry.secrets).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== ''));
    return { profile: parsed.data, secrets };
  });
}
