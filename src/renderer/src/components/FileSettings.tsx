import { type Delimiter, DELIMITERS, type Encoding, ENCODINGS } from '../../../shared/intake-options';
import type { SheetSettings, SheetView } from '../../../shared/sheet-schemas';

interface Props {
  view: SheetView;
  disabled: boolean;
  onChange: (settings: SheetSettings) => void;
}

const detectedMark = (isDetected: boolean): string => (isDetected ? ' (detected)' : '');

interface GuessSelectProps {
  label: string;
  guess: { value: string; detected: string; reason: string };
  options: readonly { id: string; label: string }[];
  onPick: (id: string) => void;
}

/** A detected setting the user may override: the choice made, with the detected one marked. */
function GuessSelect({ label, guess, options, onPick }: GuessSelectProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select aria-label={label} value={guess.value} title={guess.reason} onChange={(e) => onPick(e.target.value)}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
            {detectedMark(option.id === guess.detected)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How the file was read, each choice with what was detected, any of it changeable. */
export function FileSettings({ view, disabled, onChange }: Props) {
  return (
    <fieldset className="panel settings" disabled={disabled}>
      <legend className="panel__title">File</legend>
      {view.encoding && (
        <GuessSelect
          label="Encoding"
          guess={view.encoding}
          options={ENCODINGS}
          onPick={(id) => onChange({ encoding: id as Encoding })}
        />
      )}
      {view.delimiter && (
        <GuessSelect
          label="Separator"
          guess={view.delimiter}
          options={DELIMITERS}
          onPick={(id) => onChange({ delimiter: id as Delimiter })}
        />
      )}
      {view.sheets.length > 0 && (
        <label className="field">
          <span className="field__label">Sheet</span>
          <select aria-label="Sheet" value={view.sheet} onChange={(e) => onChange({ sheet: Number(e.target.value) })}>
            {view.sheets.map((s) => (
              <option key={s.index} value={s.index}>
                {s.name}
                {s.hidden ? ' (hidden)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field field--wide">
        <span className="field__label">Header row</span>
        <select
          aria-label="Header row"
          value={view.headerRow.value === null ? 'none' : String(view.headerRow.value)}
          title={view.headerRow.reason}
          onChange={(e) => onChange({ headerRow: e.target.value === 'none' ? null : Number(e.target.value) })}
        >
          <option value="none">No header: every row is data{detectedMark(view.headerRow.detected === null)}</option>
          {view.headerChoices.map((choice) => (
            <option key={choice.index} value={choice.index}>
              Row {choice.row}: {choice.text}
              {detectedMark(choice.index === view.headerRow.detected)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
