import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallInput, CallOutput } from '../../../shared/contract';
import type { Provider, SecretField } from '../../../shared/profiles/profile-schemas';
import { type CaPemShape, caPemShape, normaliseFingerprint, type TlsPin } from '../../../shared/profiles/tls-pin';
import { useT } from '../i18n/I18nProvider';
import { type Problem, problemOf } from '../i18n/problem';
import { PROVIDER_LABELS } from '../labels';
import { SecretEntry, TextField } from './FormFields';

export type ListedProfile = CallOutput<'listProfiles'>[number];
type ProfileInput = CallInput<'saveProfile'>['profile'];

/** The secrets of each provider, in the order the form shows them (SECRET_FIELDS, without pulling zod into the window). */
export const SECRETS: { readonly [P in Provider]: readonly SecretField<P>[] } = {
  mor: ['apiSecret'],
  ringostat: ['authKey'],
  isales: ['secretKey', 'sftpPassword', 'sftpPrivateKey', 'sftpKeyPassphrase'],
};

/** The form's text fields; every one is kept as typed, and turned into the profile only on save. */
type FieldName =
  | 'name'
  | 'baseUrl'
  | 'defaultCountry'
  | 'campaignId'
  | 'username'
  | 'numbersPerFile'
  | 'projectId'
  | 'concurrency'
  | 'requestsPerSecond'
  | 'vdnId'
  | 'accessKey'
  | 'sftpHost'
  | 'sftpPort'
  | 'sftpUsername'
  | 'sftpRemoteDir'
  | 'sftpServerId'
  | 'tlsSha256'
  | 'tlsCaPem';
type Fields = Record<FieldName, string>;
type FieldError = 'required' | 'wholeNumber' | 'number' | 'badFingerprint' | 'caTooLong' | 'caPrivateKey' | 'caNotPem';

const CA_PEM_ERRORS: Readonly<Record<CaPemShape, FieldError>> = { 'too-long': 'caTooLong', 'private-key': 'caPrivateKey', 'not-pem': 'caNotPem' };

/** How the server's certificate is checked: the usual authorities, a pinned fingerprint, or our own CA. */
type TrustChoice = 'system' | 'sha256' | 'caPem';
const trustOf = (tls: TlsPin | undefined): TrustChoice => (tls === null || tls === undefined ? 'system' : 'caPem' in tls ? 'caPem' : 'sha256');

/** Plain http has no certificate to check, and the schema refuses a pin on it. */
function isPlainHttp(address: string): boolean {
  try {
    return new URL(address.trim()).protocol === 'http:';
  } catch {
    return false;
  }
}

/** What the core said about one field when it refused a save ("The profile was not saved: tls.caPem: …; …"). */
function coreFieldMessage(message: string, path: string): string | undefined {
  const escaped = path.replace(/\./g, '\\.');
  return new RegExp(`(?:: |; )${escaped}: (.*?)(?=; [\\w.]+: |$)`).exec(message)?.[1];
}

const text = (value: number | string | null | undefined): string => (value === null || value === undefined ? '' : String(value));

function initialFields(provider: Provider, profile: ListedProfile | undefined): Fields {
  const fields: Fields = {
    name: profile?.name ?? '',
    baseUrl: profile?.baseUrl ?? (provider === 'ringostat' ? 'https://api.ringostat.net' : ''),
    defaultCountry: profile?.defaultCountry ?? 'UA',
    campaignId: text(profile?.campaignId),
    username: '',
    numbersPerFile: '100000',
    projectId: '',
    concurrency: '2',
    requestsPerSecond: '2',
    vdnId: '',
    accessKey: '',
    sftpHost: '',
    sftpPort: '22',
    sftpUsername: '',
    sftpRemoteDir: '/',
    sftpServerId: '',
    tlsSha256: profile?.tls && 'sha256' in profile.tls ? profile.tls.sha256 : '',
    tlsCaPem: profile?.tls && 'caPem' in profile.tls ? profile.tls.caPem : '',
  };
  if (profile?.provider === 'mor') {
    fields.username = profile.username;
    fields.numbersPerFile = text(profile.options.numbersPerFile);
  } else if (profile?.provider === 'ringostat') {
    fields.projectId = profile.projectId;
    fields.concurrency = text(profile.options.concurrency);
    fields.requestsPerSecond = text(profile.options.requestsPerSecond);
  } else if (profile?.provider === 'isales') {
    fields.vdnId = text(profile.vdnId);
    fields.accessKey = profile.accessKey;
    if (profile.sftp) {
      fields.sftpHost = profile.sftp.host;
      fields.sftpPort = text(profile.sftp.port);
      fields.sftpUsername = profile.sftp.username;
      fields.sftpRemoteDir = profile.sftp.remoteDir;
      fields.sftpServerId = profile.sftp.serverId;
    }
  }
  return fields;
}

/** A new profile's id: its name in letters and digits where it has them, and a random tail. */
function newProfileId(name: string, provider: Provider): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const tail = Math.random().toString(36).slice(2, 8).padEnd(6, '0');
  return `${slug === '' ? provider : slug}-${tail}`;
}

interface Props {
  api: DialsheetApi;
  provider: Provider;
  /** The profile to edit; a new one when absent. */
  profile?: ListedProfile;
  onSaved: (profile: ListedProfile) => void;
  onCancel: () => void;
}

/** Adds or edits one profile. Secrets are write-only: left empty, a stored one is kept. */
export function ProfileForm({ api, provider, profile, onSaved, onCancel }: Props) {
  const { t, problem } = useT();
  const tf = t.accounts.form;
  const [fields, setFields] = useState<Fields>(() => initialFields(provider, profile));
  const [useSftp, setUseSftp] = useState(profile?.provider === 'isales' && profile.sftp !== null);
  const [signingEncoding, setSigningEncoding] = useState<'hex' | 'base64'>(profile?.provider === 'isales' ? profile.options.signingEncoding : 'hex');
  const [secrets, setSecrets] = useState<Partial<Record<SecretField, string>>>({});
  const [clear, setClear] = useState<Partial<Record<SecretField, boolean>>>({});
  const [trust, setTrust] = useState<TrustChoice>(() => trustOf(profile?.tls));
  const [errors, setErrors] = useState<Partial<Record<FieldName, FieldError>>>({});
  const [saveError, setSaveError] = useState<Problem | null>(null);
  /** The core's own words about a field it refused on save, shown next to that field. */
  const [coreErrors, setCoreErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [saving, setSaving] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const errorId = useId();
  const trustName = useId();
  const plainHttp = isPlainHttp(fields.baseUrl);
  const chosenTrust: TrustChoice = plainHttp ? 'system' : trust;

  useEffect(() => firstField.current?.focus(), []);

  const set = (name: FieldName) => (value: string) => setFields((f) => ({ ...f, [name]: value }));
  const secretFields: readonly SecretField[] = SECRETS[provider];
  const visibleSecrets = secretFields.filter((field) => useSftp || !field.startsWith('sftp'));

  /** The checks the schema makes obvious: required fields and numbers. The core words the rest. */
  function check(): Partial<Record<FieldName, FieldError>> {
    const found: Partial<Record<FieldName, FieldError>> = {};
    const required = (name: FieldName): void => {
      if (fields[name].trim() === '') found[name] = 'required';
    };
    const whole = (name: FieldName, optional = false): void => {
      const value = fields[name].trim();
      if (value === '') {
        if (!optional) found[name] = 'required';
      } else if (!/^\d+$/.test(value)) found[name] = 'wholeNumber';
    };
    required('name');
    required('baseUrl');
    required('defaultCountry');
    if (provider === 'mor') {
      required('username');
      whole('campaignId', true);
      whole('numbersPerFile');
    } else if (provider === 'ringostat') {
      required('projectId');
      whole('campaignId', true);
      whole('concurrency');
      const rps = fields.requestsPerSecond.trim();
      if (rps === '') found.requestsPerSecond = 'required';
      else if (!/^\d+([.,]\d+)?$/.test(rps)) found.requestsPerSecond = 'number';
    } else {
      whole('vdnId');
      required('accessKey');
      if (useSftp) {
        required('sftpHost');
        whole('sftpPort');
        required('sftpUsername');
        required('sftpRemoteDir');
        required('sftpServerId');
      }
    }
    if (chosenTrust === 'sha256') {
      required('tlsSha256');
      if (found.tlsSha256 === undefined && normaliseFingerprint(fields.tlsSha256) === null) found.tlsSha256 = 'badFingerprint';
    } else if (chosenTrust === 'caPem') {
      required('tlsCaPem');
      const shape = found.tlsCaPem === undefined ? caPemShape(fields.tlsCaPem) : null;
      if (shape !== null) found.tlsCaPem = CA_PEM_ERRORS[shape];
    }
    return found;
  }

  function tlsPin(): TlsPin {
    switch (chosenTrust) {
      case 'system':
        return null;
      case 'sha256':
        return { sha256: normaliseFingerprint(fields.tlsSha256) ?? fields.tlsSha256 };
      case 'caPem':
        return { caPem: fields.tlsCaPem };
    }
  }

  function build(): ProfileInput {
    const common = {
      id: profile?.id ?? newProfileId(fields.name, provider),
      name: fields.name,
      baseUrl: fields.baseUrl,
      defaultCountry: fields.defaultCountry,
      tls: tlsPin(),
    };
    const int = (name: FieldName): number => Number(fields[name].trim());
    const optionalInt = (name: FieldName): number | null => (fields[name].trim() === '' ? null : int(name));
    switch (provider) {
      case 'mor':
        return { ...common, provider, username: fields.username, campaignId: optionalInt('campaignId'), options: { numbersPerFile: int('numbersPerFile') } };
      case 'ringostat':
        return {
          ...common,
          provider,
          projectId: fields.projectId,
          campaignId: optionalInt('campaignId'),
          options: { concurrency: int('concurrency'), requestsPerSecond: Number(fields.requestsPerSecond.trim().replace(',', '.')) },
        };
      case 'isales': {
        const before = profile?.provider === 'isales' ? profile.sftp : null;
        const host = fields.sftpHost.trim();
        const port = int('sftpPort');
        return {
          ...common,
          provider,
          vdnId: int('vdnId'),
          accessKey: fields.accessKey,
          campaignId: fields.campaignId.trim() === '' ? null : fields.campaignId,
          options: { signingEncoding },
          sftp: useSftp
            ? {
                host: fields.sftpHost,
                port,
                username: fields.sftpUsername,
                remoteDir: fields.sftpRemoteDir,
                serverId: fields.sftpServerId,
                // A key trusted for another server says nothing about this one.
                hostKeySha256: before !== null && before.host === host && before.port === port ? before.hostKeySha256 : null,
              }
            : null,
        };
      }
    }
  }

  function secretInput(): Partial<Record<SecretField, string>> {
    const out: Partial<Record<SecretField, string>> = {};
    for (const field of secretFields) {
      const value = secrets[field] ?? '';
      if (clear[field] === true) out[field] = '';
      else if (value !== '') out[field] = value;
    }
    return out;
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setSaveError(null);
    setCoreErrors({});
    if (Object.keys(found).length > 0) {
      // The field's own message is next to it; focus moves there once it is rendered.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      const saved = await api.saveProfile({ profile: build(), secrets: secretInput() });
      onSaved(saved);
    } catch (error) {
      const refused = problemOf(error, 'unexpectedNothingChanged');
      setSaveError(refused);
      // The core has the last word on a pasted CA; what it says about it goes next to the field.
      const caPem = 'core' in refused ? coreFieldMessage(refused.core, 'tls.caPem') : undefined;
      if (caPem !== undefined) setCoreErrors({ tlsCaPem: caPem });
    } finally {
      setSaving(false);
    }
  }

  const field = (
    name: FieldName,
    label: string,
    extra: { hint?: ReactNode; inputMode?: 'numeric' | 'decimal' | 'url'; wide?: boolean; multiline?: boolean; first?: boolean } = {},
  ): ReactNode => (
    <TextField
      key={name}
      name={name}
      label={label}
      value={fields[name]}
      onChange={set(name)}
      error={errors[name] === undefined ? coreErrors[name] : tf[errors[name]]}
      hint={extra.hint}
      inputMode={extra.inputMode}
      wide={extra.wide}
      multiline={extra.multiline}
      inputRef={extra.first ? firstField : undefined}
      disabled={saving}
    />
  );

  const fingerprint = normaliseFingerprint(fields.tlsSha256);
  const trustChoices: readonly { choice: TrustChoice; label: string; hint: string; field?: ReactNode }[] = [
    { choice: 'system', label: tf.tlsSystem, hint: profile?.tls ? tf.tlsSystemHintUnpins : tf.tlsSystemHint },
    {
      choice: 'sha256',
      label: tf.tlsSha256,
      hint: tf.tlsSha256Hint,
      field: field('tlsSha256', tf.fingerprint, {
        wide: true,
        hint: (
          <>
            {tf.fingerprintHint}
            {fingerprint !== null && (
              <span className="trust-choice__normalised">
                {tf.fingerprintSavedAs} <code data-testid="fingerprint-normalised">{fingerprint}</code>
              </span>
            )}
          </>
        ),
      }),
    },
    { choice: 'caPem', label: tf.tlsCa, hint: tf.tlsCaHint, field: field('tlsCaPem', tf.caPem, { wide: true, multiline: true, hint: tf.caPemHint }) },
  ];

  const secretStates = profile?.secrets as Partial<Record<SecretField, 'set' | 'not set'>> | undefined;
  return (
    <section className="panel profile-form" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        {profile ? tf.editTitle(profile.name) : tf.newTitle(PROVIDER_LABELS[provider])}
      </h2>
      <form ref={form} noValidate onSubmit={(e) => void submit(e)} aria-describedby={saveError ? errorId : undefined}>
        <div className="settings profile-form__fields">
          {field('name', tf.name, { first: true })}
          {field('baseUrl', tf.baseUrl, { hint: tf.baseUrlHint, inputMode: 'url', wide: true })}
          {field('defaultCountry', tf.defaultCountry)}
          {provider === 'mor' && field('username', tf.username)}
          {provider === 'ringostat' && field('projectId', tf.projectId, { inputMode: 'numeric' })}
          {provider === 'isales' && field('vdnId', tf.vdnId, { inputMode: 'numeric' })}
          {provider === 'isales' && field('accessKey', tf.accessKey)}
          {field('campaignId', tf.campaignId, { inputMode: provider === 'isales' ? undefined : 'numeric' })}
          {provider === 'mor' && field('numbersPerFile', tf.numbersPerFile, { inputMode: 'numeric' })}
          {provider === 'ringostat' && field('concurrency', tf.concurrency, { inputMode: 'numeric' })}
          {provider === 'ringostat' && field('requestsPerSecond', tf.requestsPerSecond, { inputMode: 'decimal' })}
          {provider === 'isales' && (
            <label className="field">
              <span className="field__label">{tf.signingEncoding}</span>
              <select value={signingEncoding} onChange={(e) => setSigningEncoding(e.target.value === 'base64' ? 'base64' : 'hex')} disabled={saving}>
                <option value="hex">{tf.encodings.hex}</option>
                <option value="base64">{tf.encodings.base64}</option>
              </select>
            </label>
          )}
        </div>
        <fieldset className="profile-form__group">
          <legend>{tf.tlsTitle}</legend>
          {plainHttp ? (
            <p className="field__hint trust-choices__none">
              {tf.tlsPlainHttp}
              {profile?.tls ? ` ${tf.tlsPlainHttpDropsPin}` : ''}
            </p>
          ) : (
            <div className="trust-choices">
              {trustChoices.map(({ choice, label, hint, field: chosenField }) => (
                <div key={choice} className="trust-choice">
                  <label className="check">
                    <input
                      type="radio"
                      name={trustName}
                      value={choice}
                      checked={trust === choice}
                      onChange={() => setTrust(choice)}
                      aria-describedby={`${trustName}-${choice}`}
                      disabled={saving}
                    />
                    {label}
                  </label>
                  <span id={`${trustName}-${choice}`} className="field__hint trust-choice__hint">
                    {hint}
                  </span>
                  {trust === choice && chosenField !== undefined && <div className="settings trust-choice__field">{chosenField}</div>}
                </div>
              ))}
            </div>
          )}
        </fieldset>
        {provider === 'isales' && (
          <fieldset className="profile-form__group">
            <legend>
              <label className="check">
                <input type="checkbox" checked={useSftp} onChange={(e) => setUseSftp(e.target.checked)} disabled={saving} />
                {tf.useSftp}
              </label>
            </legend>
            {useSftp && (
              <div className="settings">
                {field('sftpHost', tf.sftpHost)}
                {field('sftpPort', tf.sftpPort, { inputMode: 'numeric' })}
                {field('sftpUsername', tf.sftpUsername)}
                {field('sftpRemoteDir', tf.sftpRemoteDir)}
                {field('sftpServerId', tf.sftpServerId)}
              </div>
            )}
          </fieldset>
        )}
        <fieldset className="profile-form__group">
          <legend>{tf.secretsTitle}</legend>
          <div className="settings">
            {visibleSecrets.map((secret) => {
              const label = t.accounts.secretLabels[secret];
              const state = secretStates?.[secret];
              const isSet = state === 'set';
              return (
                <SecretEntry
                  key={secret}
                  name={secret}
                  label={label}
                  state={state === undefined ? undefined : isSet ? tf.secretIsSet : tf.secretNotSet}
                  hint={isSet ? tf.secretHintKeep : tf.secretHintNew}
                  multiline={secret === 'sftpPrivateKey'}
                  value={secrets[secret] ?? ''}
                  onChange={(value) => setSecrets((s) => ({ ...s, [secret]: value }))}
                  disabled={saving || clear[secret] === true}
                  clearLabel={isSet ? tf.clearSecret(label) : undefined}
                  cleared={clear[secret] === true}
                  onClear={(value) => setClear((c) => ({ ...c, [secret]: value }))}
                />
              );
            })}
          </div>
        </fieldset>
        {Object.keys(errors).length > 0 && <p className="panel__hint">{tf.fixFields}</p>}
        {saveError !== null && (
          <div id={errorId} className="banner banner--error" role="alert" data-testid="profile-save-error">
            {problem(saveError)}
          </div>
        )}
        <div className="profile-form__actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? tf.saving : tf.save}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={saving}>
            {tf.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
