import { useMemo } from 'react';

import type { CheckOptions } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';

interface Props {
  options: CheckOptions;
  countries: string[];
  disabled: boolean;
  onChange: (options: CheckOptions) => void;
}

/** How numbers are read: the country for numbers without a code, the mode, and the type filters. */
export function CheckOptionsPanel({ options, countries, disabled, onChange }: Props) {
  const { t, f } = useT();
  const named = useMemo(
    () =>
      countries
        .map((code) => ({ code, name: f.region(code) }))
        .sort((a, b) => f.compare(a.name, b.name)),
    [countries, f],
  );

  return (
    <fieldset className="panel check-options" disabled={disabled}>
      <legend className="panel__title">{t.checkOptions.title}</legend>
      <label className="field">
        <span className="field__label">{t.checkOptions.country}</span>
        <select value={options.country} onChange={(e) => onChange({ ...options, country: e.target.value })}>
          {named.map(({ code, name }) => (
            <option key={code} value={code}>
              {t.checkOptions.countryOption(name, code)}
            </option>
          ))}
        </select>
      </label>
      <div className="field" role="radiogroup" aria-label={t.checkOptions.howToRead}>
        <span className="field__label">{t.checkOptions.readAs}</span>
        <div className="segmented">
          <label>
            <input type="radio" name="mode" checked={options.mode === 'e164'} onChange={() => onChange({ ...options, mode: 'e164' })} />
            {t.checkOptions.e164}
          </label>
          <label>
            <input type="radio" name="mode" checked={options.mode === 'digits'} onChange={() => onChange({ ...options, mode: 'digits' })} />
            {t.checkOptions.digits}
          </label>
        </div>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={options.mobileOnly}
          disabled={options.mode === 'digits'}
          onChange={(e) => onChange({ ...options, mobileOnly: e.target.checked })}
        />
        {t.checkOptions.mobileOnly}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={options.noPremium}
          disabled={options.mode === 'digits'}
          onChange={(e) => onChange({ ...options, noPremium: e.target.checked })}
        />
        {t.checkOptions.noPremium}
      </label>
    </fieldset>
  );
}
