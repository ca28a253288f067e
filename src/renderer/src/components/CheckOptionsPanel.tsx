import { useMemo } from 'react';

import type { CheckOptions } from '../../../shared/sheet-schemas';

interface Props {
  options: CheckOptions;
  countries: string[];
  disabled: boolean;
  onChange: (options: CheckOptions) => void;
}

/** How numbers are read: the country for numbers without a code, the mode, and the type filters. */
export function CheckOptionsPanel({ options, countries, disabled, onChange }: Props) {
  const named = useMemo(() => {
    const names = new Intl.DisplayNames(undefined, { type: 'region' });
    return countries
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [countries]);

  return (
    <fieldset className="panel check-options" disabled={disabled}>
      <legend className="panel__title">Numbers</legend>
      <label className="field">
        <span className="field__label">Country for numbers without a code</span>
        <select value={options.country} onChange={(e) => onChange({ ...options, country: e.target.value })}>
          {named.map(({ code, name }) => (
            <option key={code} value={code}>
              {name} ({code})
            </option>
          ))}
        </select>
      </label>
      <div className="field" role="radiogroup" aria-label="How to read numbers">
        <span className="field__label">Read as</span>
        <div className="segmented">
          <label>
            <input type="radio" name="mode" checked={options.mode === 'e164'} onChange={() => onChange({ ...options, mode: 'e164' })} />
            International (E.164), checked
          </label>
          <label>
            <input type="radio" name="mode" checked={options.mode === 'digits'} onChange={() => onChange({ ...options, mode: 'digits' })} />
            Digits as given
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
        Mobile numbers only
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={options.noPremium}
          disabled={options.mode === 'digits'}
          onChange={(e) => onChange({ ...options, noPremium: e.target.checked })}
        />
        No premium-rate numbers
      </label>
    </fieldset>
  );
}
