import { useEffect, useMemo, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallOutput } from '../../../shared/contract';
import { RECEIPT_STATUSES } from '../../../shared/receipt';
import { useUpload } from '../hooks/useUpload';
import { formatCount } from '../labels';

type ListedProfile = CallOutput<'listProfiles'>[number];

/** What the campaign box starts with for a profile: its default campaign, or empty. */
const defaultCampaignText = (profile: ListedProfile | undefined): string => (profile?.campaignId == null ? '' : String(profile.campaignId));

const PROVIDER_LABELS: Record<ListedProfile['provider'], string> = { mor: 'MOR', ringostat: 'Ringostat', isales: 'CC-iSales' };
const RECEIPT_LABELS: Record<(typeof RECEIPT_STATUSES)[number], string> = {
  imported: 'imported',
  rejected: 'rejected',
  invalid: 'invalid',
  duplicate: 'duplicate',
  unknown: 'unknown',
};

interface Props {
  api: DialsheetApi;
  sheetId: string;
  /** False while the file is still being read: a plan needs every row. */
  ready: boolean;
}

/** Where the checked list goes: a profile and campaign, the plan first, then the send and its receipt. */
export function SendPanel({ api, sheetId, ready }: Props) {
  const [profiles, setProfiles] = useState<ListedProfile[]>([]);
  const [profileId, setProfileId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const upload = useUpload(api, sheetId);

  useEffect(() => {
    api.listProfiles({}).then(
      (list) => {
        setProfiles(list);
        const first = list[0];
        if (first) {
          setProfileId(first.id);
          setCampaignId(defaultCampaignText(first));
        }
      },
      () => setLoadError('The profiles could not be loaded.'),
    );
  }, [api]);

  const profile = useMemo(() => profiles.find((p) => p.id === profileId), [profiles, profileId]);
  const choose = (id: string): void => {
    setProfileId(id);
    setCampaignId(defaultCampaignText(profiles.find((p) => p.id === id)));
  };
  const busy = upload.busy !== null;
  const canAct = ready && profile !== undefined && !busy;

  return (
    <section className="panel send" aria-label="Send">
      <h2 className="panel__title">Send to a campaign</h2>
      <div className="settings">
        <label className="field field--wide">
          <span className="field__label">Profile</span>
          <select value={profileId} onChange={(e) => choose(e.target.value)} disabled={busy} data-testid="send-profile">
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name.includes(PROVIDER_LABELS[p.provider]) ? p.name : `${p.name} (${PROVIDER_LABELS[p.provider]})`}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Campaign</span>
          <input value={campaignId} onChange={(e) => setCampaignId(e.target.value.trim())} disabled={busy} data-testid="send-campaign" />
        </label>
        <button type="button" className="button button--secondary" disabled={!canAct} onClick={() => void upload.dryRun(profileId, campaignId)}>
          Plan (dry run)
        </button>
        <button type="button" className="button" disabled={!canAct} onClick={() => void upload.send(profileId, campaignId)}>
          Send
        </button>
      </div>
      {!ready && <p className="panel__hint">The plan and the send are ready once the whole file is read.</p>}
      {(loadError ?? upload.error) !== null && (
        <div className="banner banner--error" role="alert">
          {loadError ?? upload.error}
        </div>
      )}
      {upload.plan && (
        <p className="send__plan" data-testid="send-plan">
          Will send {formatCount(upload.plan.planned)} rows ({formatCount(upload.plan.numbers)} numbers) to campaign {upload.plan.campaignId}, as{' '}
          {upload.plan.batches}. Left out: {formatCount(upload.plan.invalid)} invalid, {formatCount(upload.plan.duplicate)} duplicate. Nothing was sent.
        </p>
      )}
      {upload.busy === 'sending' && (
        <div className="progress" role="status" aria-live="polite">
          <span className="progress__label">
            Sending{upload.progress ? ` — ${formatCount(upload.progress.done)} of ${formatCount(upload.progress.total)} rows` : '…'}
          </span>
          <progress className="progress__bar" max={upload.progress?.total ?? 1} value={upload.progress?.done} aria-label="Sending" />
        </div>
      )}
      {upload.sent && (
        <div className="send__receipt" data-testid="send-receipt">
          <p className="summary__figures">
            {RECEIPT_STATUSES.map((status) => (
              <span key={status} className={`receipt-count tone-${status}`}>
                <strong data-testid={`receipt-${status}`}>{formatCount(upload.sent?.counts[status] ?? 0)}</strong> {RECEIPT_LABELS[status]}
              </span>
            ))}
          </p>
          {upload.notImported.length > 0 && (
            <table className="receipt-table">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Number</th>
                  <th scope="col">Status</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {upload.notImported.map((line) => (
                  <tr key={line.row}>
                    <td>{line.row}</td>
                    <td>{line.number}</td>
                    <td>{RECEIPT_LABELS[line.status]}</td>
                    <td>{line.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
