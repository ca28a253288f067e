import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallOutput } from '../../../shared/contract';
import { type Problem, problemOf } from '../i18n/problem';

export type ListedProfile = CallOutput<'listProfiles'>[number];

/** The provider options as typed in the target step: text, so a half-typed value is kept as it is. */
export interface OptionsDraft {
  readonly numbersPerFile: string;
  readonly concurrency: string;
  readonly requestsPerSecond: string;
  /** iSales over SFTP: import when the file is there, or at a time of day. */
  readonly schedule: 'now' | 'at';
  /** HH:MM, as an <input type="time"> gives it. */
  readonly at: string;
}

/** The draft a profile starts with: its own defaults. */
export function draftOf(profile: ListedProfile | undefined): OptionsDraft {
  const draft: OptionsDraft = { numbersPerFile: '', concurrency: '', requestsPerSecond: '', schedule: 'now', at: '' };
  switch (profile?.provider) {
    case 'mor':
      return { ...draft, numbersPerFile: String(profile.options.numbersPerFile) };
    case 'ringostat':
      return { ...draft, concurrency: String(profile.options.concurrency), requestsPerSecond: String(profile.options.requestsPerSecond) };
    default:
      return draft;
  }
}

const campaignOf = (profile: ListedProfile | undefined): string => (profile?.campaignId == null ? '' : String(profile.campaignId));

export interface SendTarget {
  /** Null until the first list arrives. */
  readonly profiles: ListedProfile[] | null;
  readonly profile: ListedProfile | undefined;
  readonly profileId: string;
  readonly campaignId: string;
  readonly draft: OptionsDraft;
  readonly loadError: Problem | null;
  readonly choose: (profileId: string) => void;
  readonly setCampaignId: (campaignId: string) => void;
  readonly setDraft: (change: Partial<OptionsDraft>) => void;
  /** Reads the list again (the Target step does on show: profiles may have changed elsewhere). */
  readonly reload: () => void;
}

/**
 * Where the checked list goes: a profile, its campaign and the provider's options for this upload.
 * It outlives one sheet, so the next file of the day goes to the same place unless changed. The
 * list is read again when `profilesVersion` changes (a profile saved or deleted on Accounts); a
 * profile still there stays chosen, with what was typed for it.
 */
export function useSendTarget(api: DialsheetApi, profilesVersion: number): SendTarget {
  const [profiles, setProfiles] = useState<ListedProfile[] | null>(null);
  const [profileId, setProfileId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [draft, setDraftState] = useState<OptionsDraft>(draftOf(undefined));
  const [loadError, setLoadError] = useState<Problem | null>(null);
  const chosenRef = useRef('');
  useEffect(() => {
    chosenRef.current = profileId;
  }, [profileId]);

  const start = useCallback((profile: ListedProfile | undefined) => {
    setProfileId(profile?.id ?? '');
    setCampaignId(campaignOf(profile));
    setDraftState(draftOf(profile));
  }, []);

  const reload = useCallback(() => {
    api.listProfiles({}).then(
      (list) => {
        setProfiles(list);
        setLoadError(null);
        if (!list.some((p) => p.id === chosenRef.current)) start(list[0]);
      },
      (error: unknown) => setLoadError(problemOf(error, 'profilesNotLoaded')),
    );
  }, [api, start]);
  useEffect(reload, [reload, profilesVersion]);

  const profile = useMemo(() => profiles?.find((p) => p.id === profileId), [profiles, profileId]);
  return {
    profiles,
    profile,
    profileId,
    campaignId,
    draft,
    loadError,
    choose: (id) => start(profiles?.find((p) => p.id === id)),
    setCampaignId: (id) => setCampaignId(id.trim()),
    setDraft: (change) => setDraftState((d) => ({ ...d, ...change })),
    reload,
  };
}
