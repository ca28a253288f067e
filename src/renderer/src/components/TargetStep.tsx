import { useEffect } from 'react';

import type { SendTarget } from '../hooks/useSendTarget';
import { useT } from '../i18n/I18nProvider';
import { PROVIDER_LABELS } from '../labels';
import type { OptionErrors } from '../upload-options';
import { ProviderOptions } from './ProviderOptions';
import { ErrorBanner } from './ErrorBanner';

interface Props {
  target: SendTarget;
  errors: OptionErrors;
  disabled: boolean;
}

/** Where the list goes: the profile, its campaign, and the provider's options for this upload. */
export function TargetStep({ target, errors, disabled }: Props) {
  const { t, problem } = useT();
  const { profiles, profile, reload } = target;
  useEffect(reload, [reload]);
  return (
    <div className="target">
      {target.loadError !== null && (
        <ErrorBanner>
          {problem(target.loadError)}
        </ErrorBanner>
      )}
      <fieldset className="panel settings" disabled={disabled}>
        <legend className="panel__title">{t.target.where}</legend>
        <label className="field field--wide">
          <span className="field__label">{t.send.profile}</span>
          <select value={target.profileId} onChange={(e) => target.choose(e.target.value)} data-testid="send-profile" aria-busy={profiles === null}>
            {(profiles ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name.includes(PROVIDER_LABELS[p.provider]) ? p.name : t.send.profileOption(p.name, PROVIDER_LABELS[p.provider])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t.send.campaign}</span>
          <input type="text" value={target.campaignId} onChange={(e) => target.setCampaignId(e.target.value)} data-testid="send-campaign" />
        </label>
      </fieldset>
      {profile && <ProviderOptions profile={profile} draft={target.draft} errors={errors} disabled={disabled} onChange={target.setDraft} />}
    </div>
  );
}
