import { type Delimiter, DELIMITERS, type Encoding, ENCODINGS } from '../../../shared/intake-options';
import type { SheetSettings, SheetView } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';
import { delimiterReasonText, encodingReasonText, headerReasonText } from '../i18n/sheet-notes';

interface Props {
  view: SheetView;
  disabled: boolean;
  onChange: (settings: SheetSettings) => void;
}

interface GuessSelectProps {
  label: string;
  guess: { value: string; detected: string };
  /** Why it was detected so, in the window's language: the tooltip. */
  reason: string;
  options: readonly { id: string; label: string }[];
  onPick: (id: string) => void;
}

/** A detected setting the user may override: the choice made, with the detected one marked. */
function GuessSelect({ label, guess, reason, options, onPick }: GuessSelectProps) {
  const { t } = useT();
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select aria-label={label} value={guess.value} title={reason} onChange={(e) => onPick(e.target.value)}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
            {option.id === guess.detected ? t.fileSettings.detected : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How the file was read, each choice with what was detected, any of it changeable. */
export function FileSettings({ view, disabled, onChange }: Props) {
  const { t } = useT();
  const detectedMark = (isDetected: boolean): string => (isDetected ? t.fileSettings.detected : '');
  return (
    <fieldset className="panel settings" disabled={disabled}>
      <legend className="panel__title">{t.fileSettings.title}</legend>
      {view.encoding && (
        <GuessSelect
          label={t.fileSettings.encoding}
          guess={view.encoding}
          reason={encodingReasonText(t, view.encoding.reason)}
          options={ENCODINGS.map(({ id }) => ({ id, label: t.fileSettings.encodings[id] }))}
          onPick={(id) => onChange({ encoding: id as Encoding })}
        />
      )}
      {view.delimiter && (
        <GuessSelect
          label={t.fileSettings.separator}
          guess={view.delimiter}
          reason={delimiterReasonText(t, view.delimiter.reason)}
          options={DELIMITERS.map(({ id }) => ({ id, label: t.fileSettings.delimiters[id] }))}
          onPick={(id) => onChange({ delimiter: id as Delimiter })}
        />
      )}
      {view.sheets.length > 0 && (
        <label className="field">
          <span className="field__label">{t.fileSettings.sheet}</span>
          <select aria-label={t.fileSettings.sheet} value={view.sheet} onChange={(e) => onChange({ sheet: Number(e.target.value) })}>
            {view.sheets.map((s) => (
              <option key={s.index} value={s.index}>
                {s.name}
                {s.hidden ? t.fileSettings.hidden : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field field--wide">
        <span className="field__label">{t.fileSettings.headerRow}</span>
        <select
          aria-label={t.fileSettings.headerRow}
          value={view.headerRow.value === null ? 'none' : String(view.headerRow.value)}
          title={headerReasonText(t, view.headerRow.reason)}
          onChange={(e) => onChange({ headerRow: e.target.value === 'none' ? null : Number(e.target.value) })}
        >
          <option value="none">
            {t.fileSettings.noHeader}
            {detectedMark(view.headerRow.detected === null)}
          </option>
          {view.headerChoices.map((choice) => (
            <option key={choice.index} value={choice.index}>
              {t.fileSettings.headerChoice(choice.row, choice.text)}
              {detectedMark(choice.index === view.headerRow.detected)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
