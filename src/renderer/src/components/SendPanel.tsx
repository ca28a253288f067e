import { useEffect, useMemo, useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallOutput } from '../../../shared/contract';
import type { Jobs } from '../hooks/useJobs';
import { useUpload } from '../hooks/useUpload';
import { useT } from '../i18n/I18nProvider';
import type { Problem } from '../i18n/problem';
import { PROVIDER_LABELS } from '../labels';
import { PlanDetails } from './PlanDetails';
import { Receipt } from './Receipt';

type ListedProfile = CallOutput<'listProfiles'>[number];

/** What the campaign box starts with for a profile: its default campaign, or empty. */
const defaultCampaignText = (profile: ListedProfile | undefined): string => (profile?.campaignId == null ? '' : String(profile.campaignId));

interface Props {
  api: DialsheetApi;
  jobs: Jobs;
  sheetId: string;
  /** The sheet's check version: a plan made before a change no longer says what would be sent. */
  version: number;
  /** False while the file is still being read: a plan needs every row. */
  ready: boolean;
  /** Changes when a profile is saved or deleted on the Accounts screen: the list is read again. */
  profilesVersion?: number;
}

/** Where the checked list goes: a profile and campaign, the plan first, then the send, its progress and its receipt. */
export function SendPanel({ api, jobs, sheetId, version, ready, profilesVersion = 0 }: Props) {
  const { t, problem } = useT();
  const [profiles, setProfiles] = useState<ListedProfile[]>([]);
  const [profileId, setProfileId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [loadError, setLoadError] = useState<Problem | null>(null);
  const upload = useUpload(api, jobs, sheetId);
  const chosenRef = useRef('');
  useEffect(() => {
    chosenRef.current = profileId;
  }, [profileId]);

  useEffect(() => {
    api.listProfiles({}).then(
      (list) => {
        setProfiles(list);
        setLoadError(null);
        // A profile already chosen stays chosen while it is still there.
        const chosen = chosenRef.current;
        if (list.some((p) => p.id === chosen)) return;
        const first = list[0];
        setProfileId(first?.id ?? '');
        // A campaign typed while the profiles were first loading is kept.
        setCampaignId((typed) => (chosen === '' && typed !== '' ? typed : defaultCampaignText(first)));
      },
      () => setLoadError({ ui: 'profilesNotLoaded' }),
    );
  }, [api, profilesVersion]);

  const profile = useMemo(() => profiles.find((p) => p.id === profileId), [profiles, profileId]);
  const choose = (id: string): void => {
    setProfileId(id);
    setCampaignId(defaultCampaignText(profiles.find((p) => p.id === id)));
  };
  const sending = upload.busy === 'sending';
  const busy = upload.busy !== null;
  const canAct = ready && profile !== undefined && !busy;
  // A plan says what these choices would send; after another choice or a change to the sheet it is not shown.
  const planKey = `${version}|${profileId}|${campaignId}`;
  const error = loadError ?? upload.error;

  return (
    <section className="panel send" aria-label={t.send.region}>
      <h2 className="panel__title">{t.send.title}</h2>
      <div className="settings">
        <label className="field field--wide">
          <span className="field__label">{t.send.profile}</span>
          <select value={profileId} onChange={(e) => choose(e.target.value)} disabled={busy} data-testid="send-profile">
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name.includes(PROVIDER_LABELS[p.provider]) ? p.name : t.send.profileOption(p.name, PROVIDER_LABELS[p.provider])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t.send.campaign}</span>
          <input
            value={campaignId}
            onChange={(e) => setCampaignId(e.target.value.trim())}
            disabled={busy}
            data-testid="send-campaign"
          />
        </label>
        <button type="button" className="button button--secondary" disabled={!canAct} onClick={() => void upload.dryRun(profileId, campaignId, planKey)}>
          {upload.busy === 'planning' ? t.send.planning : t.send.plan}
        </button>
        <button type="button" className="button" disabled={!canAct} onClick={() => void upload.send(profileId, campaignId)}>
          {t.send.send}
        </button>
      </div>
      {!ready && <p className="panel__hint">{t.send.notReady}</p>}
      {error !== null && (
        <div className="banner banner--error" role="alert">
          {problem(error)}
        </div>
      )}
      {upload.plan && upload.planKey === planKey && <PlanDetails plan={upload.plan} />}
      {(upload.jobId !== null || sending) && (
        // Before the run's first progress names the job, the receipt shows only that it is starting.
        <div className="send__receipt" data-testid="send-receipt">
          <Receipt key={upload.jobId ?? 'starting'} api={api} jobs={jobs} jobId={upload.jobId} title={t.app.receipt} />
        </div>
      )}
    </section>
  );
}
