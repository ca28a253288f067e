// The labelled text and secret inputs of the profile form.
import { type ReactNode, useId } from 'react';

export interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  inputMode?: 'numeric' | 'decimal' | 'url';
  wide?: boolean;
  /** A text area, for pasted text of several lines such as a certificate. */
  multiline?: boolean;
  disabled?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}

export function TextField({ name, label, value, onChange, error, hint, inputMode, wide, multiline, disabled, inputRef }: TextFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const described = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name,
    value,
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
    disabled,
  } as const;
  return (
    <div className={wide ? 'field field--wide' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} className="profile-form__key" rows={6} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input ref={inputRef} {...common} type="text" inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

interface SecretEntryProps {
  name: string;
  label: string;
  /** "set" / "not set" in words, when editing a saved profile. */
  state?: string;
  hint: string;
  multiline: boolean;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  clearLabel?: string;
  cleared: boolean;
  onClear: (clear: boolean) => void;
}

/** A secret: typed, never shown back; what is stored is only said to be set or not. */
export function SecretEntry({ name, label, state, hint, multiline, value, onChange, disabled, clearLabel, cleared, onClear }: SecretEntryProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field field--wide">
      <label className="field__label" htmlFor={id}>
        {label}
        {state !== undefined && <span className="profile-form__state"> ({state})</span>}
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          className="profile-form__key"
          value={value}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.value)}
          disabled={disabled}
        />
      ) : (
        <input
          id={id}
          name={name}
          type="password"
          value={value}
          autoComplete="new-password"
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.value)}
          disabled={disabled}
        />
      )}
      <span id={hintId} className="field__hint">
        {hint}
      </span>
      {clearLabel !== undefined && (
        <label className="check">
          <input type="checkbox" checked={cleared} onChange={(e) => onClear(e.target.checked)} />
          {clearLabel}
        </label>
      )}
    </div>
  );
}
