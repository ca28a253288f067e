import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { PROVIDER_NAMES } from '../providers/connect';
import { UserError } from '../user-error';

/** The campaign asked for, else the profile's default one; undefined when there is neither. */
export function campaignOrDefault(wanted: string | undefined, profile: { readonly campaignId: number | string | null }): string | undefined {
  return wanted ?? (profile.campaignId === null ? undefined : String(profile.campaignId));
}

/** The campaign an upload goes to: the one asked for, else the profile's default; checked for its provider. */
export function campaignFor(unlocked: UnlockedProfile, wanted: string | undefined): string {
  const campaign = campaignOrDefault(wanted, unlocked.profile);
  if (campaign === undefined) {
    throw new UserError('bad-input', `Say which campaign to load (--campaign ID, or the campaign field): the profile "${unlocked.profile.name}" names no default one. Nothing was sent.`);
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(campaign)) throw new UserError('bad-input', `A campaign id is letters, digits, - or _, not "${campaign.slice(0, 64)}". Nothing was sent.`);
  if (unlocked.profile.provider !== 'isales' && !/^\d+$/.test(campaign)) {
    throw new UserError('bad-input', `${PROVIDER_NAMES[unlocked.profile.provider]} campaign ids are numbers; "${campaign}" is not. Nothing was sent.`);
  }
  return campaign;
}
