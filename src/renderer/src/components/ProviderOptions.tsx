import { useId } from 'react';

import type { ListedProfile, OptionsDraft } from '../hooks/useSendTarget';
import { useT } from '../i18n/I18nProvider';
import type { NumericOption, OptionErrors } from '../upload-options';
import { TextField } from './FormFields';

interface Props {
  profile: ListedProfile;
  draft: OptionsDraft;
  errors: OptionErrors;
  disabled: boolean;
  onChange: (change: Partial<OptionsDraft>) => void;
}

/** The options the profile's provider takes for one upload, starting at the profile's own. */
export function ProviderOptions({ profile, draft, errors, disabled, onChange }: Props) {
  const { t } = useT();
  const to = t.target;
  const scheduleName = useId();
  const error = (field: NumericOption): string | undefined => {
    const found = errors[field];
    return found === undefined ? undefined : to.errors[field](found.min, found.max);
  };
  return (
    <fieldset className="panel settings" disabled={disabled} data-testid="provider-options">
      <legend className="panel__title">{to.options}</legend>
      {profile.provider === 'mor' && (
        <TextField
          name="numbersPerFile"
          label={to.numbersPerFile}
          hint={to.numbersPerFileHint}
          value={draft.numbersPerFile}
          inputMode="numeric"
          error={error('numbersPerFile')}
          onChange={(numbersPerFile) => onChange({ numbersPerFile })}
        />
      )}
      {profile.provider === 'ringostat' && (
        <>
          <TextField
            name="concurrency"
            label={to.concurrency}
            hint={to.concurrencyHint}
            value={draft.concurrency}
            inputMode="numeric"
            error={error('concurrency')}
            onChange={(concurrency) => onChange({ concurrency })}
          />
          <TextField
            name="requestsPerSecond"
            label={to.requestsPerSecond}
            hint={to.requestsPerSecondHint}
            value={draft.requestsPerSecond}
            inputMode="decimal"
            error={error('requestsPerSecond')}
            onChange={(requestsPerSecond) => onChange({ requestsPerSecond })}
          />
        </>
      )}
      {profile.provider === 'isales' &&
        (profile.sftp === null ? (
          <p className="panel__hint">{to.noSchedule}</p>
        ) : (
          <div className="field field--wide" role="radiogroup" aria-label={to.schedule}>
            <span className="field__label">{to.schedule}</span>
            <label className="choice">
              <input type="radio" name={scheduleName} checked={draft.schedule === 'now'} onChange={() => onChange({ schedule: 'now' })} />
              {to.importNow}
            </label>
            <label className="choice">
              <input type="radio" name={scheduleName} checked={draft.schedule === 'at'} onChange={() => onChange({ schedule: 'at' })} />
              {to.importAt}
              <input
                type="time"
                aria-label={to.importTime}
                value={draft.at}
                disabled={draft.schedule !== 'at'}
                aria-invalid={errors.at ? true : undefined}
                onChange={(e) => onChange({ at: e.target.value })}
              />
            </label>
            {errors.at && <span className="field__error">{to.errors.at}</span>}
          </div>
        ))}
    </fieldset>
  );
}
