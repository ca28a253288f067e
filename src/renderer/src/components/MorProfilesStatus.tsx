import type { ListedProfile } from '../hooks/useMorProfiles';
import { useT } from '../i18n/I18nProvider';
import type { Problem } from '../i18n/problem';
import { ErrorBanner } from './ErrorBanner';

interface Props {
  profiles: ListedProfile[] | null;
  loadError: Problem | null;
  reading: string;
  none: string;
}

/** What the MOR tools' screens say while their MOR profiles load, when there are none, or when they could not be read. */
export function MorProfilesStatus({ profiles, loadError, reading, none }: Props) {
  const { problem } = useT();
  return (
    <>
      {profiles === null && loadError === null && <p className="receipt__loading">{reading}</p>}
      {profiles !== null && profiles.length === 0 && <p className="receipt__empty">{none}</p>}
      {loadError !== null && (
        <ErrorBanner>
          {problem(loadError)}
        </ErrorBanner>
      )}
    </>
  );
}
