import { DELIMITERS, ENCODINGS } from '../../../shared/intake-options';
import type { SheetSettings, SheetView } from '../../../shared/sheet-schemas';

interface Props {
  view: SheetView;
  disabled: boolean;
  onChange: (settings: SheetSettings) => void;
}

const detectedMark = (isDetected: boolean): string => (isDetected ? ' (detected)' : '');

/** How the file was read, each choice with what was detected, any of it changeable. */
export function FileSettings({ view, disabled, onChange }: Props) {
  return (
    <fieldset className="panel settings" disabled={disabled}>
      <legend className="panel__title">File</legend>
      {view.encoding && (
        <label className="field">
          <span className="field__label">Encoding</span>
          <select
            aria-label="Encoding"
            value={view.encoding.value}
            title={view.encoding.reason}
            onChange={(e) => onChange({ encoding: e.target.value as (typeof ENCODINGS)[number]['id'] })}
          >
            {ENCODINGS.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
                {detectedMark(e.id === view.encoding?.detected)}
              </option>
            ))}
          </select>
        </label>
      )}
      {view.delimiter && (
        <label className="field">
          <span className="field__label">Separator</span>
          <select
            aria-label="Separator"
            value={view.delimiter.value}
            title={view.delimiter.reason}
            onChange={(e) => onChange({ delimiter: e.target.value as (typeof DELIMITERS)[number]['id'] })}
          >
            {DELIMITERS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
                {detectedMark(d.id === view.delimiter?.detected)}
              </option>
            ))}
          </select>
        </label>
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
