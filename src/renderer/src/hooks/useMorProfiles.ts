import { useEffect, useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallOutput } from '../../../shared/contract';
import { type Problem, problemOf } from '../i18n/problem';

export type ListedProfile = CallOutput<'listProfiles'>[number];

/**
 * The MOR profiles for the MOR tools' screens, read again when `version` changes (a profile saved
 * or deleted on the Accounts screen). A profile already chosen stays chosen while it is still
 * there; otherwise the first is chosen and `onChosen` hears it (to fill in its default campaign).
 */
export function useMorProfiles(api: DialsheetApi, version: number, onChosen?: (profile: ListedProfile | undefined) => void) {
  const [profiles, setProfiles] = useState<ListedProfile[] | null>(null);
  const [profileId, setProfileId] = useState('');
  const [loadError, setLoadError] = useState<Problem | null>(null);
  const chosenRef = useRef('');
  const onChosenRef = useRef(onChosen);
  useEffect(() => {
    chosenRef.current = profileId;
    onChosenRef.current = onChosen;
  });

  useEffect(() => {
    api.listProfiles({}).then(
      (list) => {
        const mor = list.filter((p) => p.provider === 'mor');
        setProfiles(mor);
        setLoadError(null);
        if (mor.some((p) => p.id === chosenRef.current)) return;
        const first = mor[0];
        setProfileId(first?.id ?? '');
        onChosenRef.current?.(first);
      },
      (error: unknown) => setLoadError(problemOf(error, 'profilesNotLoaded')),
    );
  }, [api, version]);

  return { profiles, profileId, setProfileId, loadError };
}
