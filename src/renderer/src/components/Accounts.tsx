import { useCallback, useEffect, useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { PinPrompt, TestVerdict } from '../../../shared/contract';
import type { Provider, SecretField } from '../../../shared/profiles/profile-schemas';
import { useT } from '../i18n/I18nProvider';
import { type Problem, problemOf } from '../i18n/problem';
import { PROVIDER_LABELS } from '../labels';
import { ConfirmDialog } from './ConfirmDialog';
import { type ListedProfile, ProfileForm, SECRETS } from './ProfileForm';
import { ErrorBanner } from './ErrorBanner';

const PROVIDER_ORDER: readonly Provider[] = ['mor', 'ringostat', 'isales'];

type Editing = { provider: Provider; profile?: ListedProfile } | null;

/** A profile's last connection test: running, its verdict, or why it could not run. */
type TestState = { running: true } | { running: false; verdict: TestVerdict } | { running: false; failed: Problem };

type Notice = { kind: 'saved' | 'deleted'; name: string };

/** The Accounts screen: the profiles, with add, edit, delete and Test connection. */
export function Accounts({ api, onChanged }: { api: DialsheetApi; onChanged?: () => void }) {
  const { t, problem } = useT();
  const ta = t.accounts;
  const [profiles, setProfiles] = useState<ListedProfile[] | null>(null);
  const [loadError, setLoadError] = useState<Problem | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [tests, setTests] = useState<Partial<Record<string, TestState>>>({});
  const [pinNotes, setPinNotes] = useState<Partial<Record<string, Problem | 'pinned'>>>({});
  const [deleting, setDeleting] = useState<ListedProfile | null>(null);
  const [deleteError, setDeleteError] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const listRef = useRef<HTMLElement>(null);
  // Back from the form, the keyboard's place is the list again, not the top of the page.
  const [backFromForm, setBackFromForm] = useState(false);
  useEffect(() => {
    if (editing === null && backFromForm) {
      listRef.current?.focus();
      setBackFromForm(false);
    }
  }, [editing, backFromForm]);

  const load = useCallback(() => {
    api.listProfiles({}).then(
      (list) => {
        setProfiles(list);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(problemOf(error, 'profilesNotLoaded')),
    );
  }, [api]);
  useEffect(load, [load]);

  const replace = (saved: ListedProfile): void =>
    setProfiles((list) => {
      const rest = (list ?? []).filter((p) => p.id !== saved.id);
      const builtIn = rest.filter((p) => p.builtIn);
      const own = [...rest.filter((p) => !p.builtIn), saved].sort((a, b) => a.name.localeCompare(b.name));
      return [...builtIn, ...own];
    });

  const test = async (profileId: string): Promise<void> => {
    setTests((s) => ({ ...s, [profileId]: { running: true } }));
    try {
      const verdict = await api.testConnection({ profileId });
      setTests((s) => ({ ...s, [profileId]: { running: false, verdict } }));
    } catch (error) {
      setTests((s) => ({ ...s, [profileId]: { running: false, failed: problemOf(error, 'unexpected') } }));
    }
  };

  const pin = async (profileId: string, prompt: PinPrompt): Promise<void> => {
    try {
      const saved =
        prompt.kind === 'pin-host-key'
          ? await api.pinHostKey({ profileId, fingerprint: prompt.fingerprint })
          : await api.pinCertificate({ profileId, sha256: prompt.sha256 });
      replace(saved);
      setPinNotes((n) => ({ ...n, [profileId]: 'pinned' }));
      await test(profileId);
    } catch (error) {
      setPinNotes((n) => ({ ...n, [profileId]: problemOf(error, 'unexpectedNothingChanged') }));
    }
  };

  const startEdit = (next: Editing): void => {
    setNotice(null);
    setEditing(next);
  };

  const confirmDelete = async (profile: ListedProfile): Promise<void> => {
    setDeleting(null);
    setDeleteError(null);
    try {
      await api.deleteProfile({ id: profile.id });
      setProfiles((list) => (list ?? []).filter((p) => p.id !== profile.id));
      setNotice({ kind: 'deleted', name: profile.name });
      onChanged?.();
      listRef.current?.focus();
    } catch (error) {
      setDeleteError(problemOf(error, 'unexpectedNothingChanged'));
    }
  };

  if (editing !== null) {
    return (
      <ProfileForm
        key={editing.profile?.id ?? `new-${editing.provider}`}
        api={api}
        provider={editing.provider}
        profile={editing.profile}
        onSaved={(saved) => {
          replace(saved);
          // A test of the old settings says nothing about the new ones.
          setTests((s) => ({ ...s, [saved.id]: undefined }));
          setPinNotes((n) => ({ ...n, [saved.id]: undefined }));
          setNotice({ kind: 'saved', name: saved.name });
          onChanged?.();
          setBackFromForm(true);
          setEditing(null);
        }}
        onCancel={() => {
          setBackFromForm(true);
          setEditing(null);
        }}
      />
    );
  }

  return (
    <section ref={listRef} className="panel accounts" aria-label={ta.title} tabIndex={-1}>
      <h2 className="panel__title">{ta.title}</h2>
      <p className="panel__hint">{ta.intro}</p>
      <div className="accounts__add" role="group" aria-label={ta.addGroup}>
        {PROVIDER_ORDER.map((provider) => (
          <button key={provider} type="button" className="button button--secondary" onClick={() => startEdit({ provider })}>
            {ta.add(PROVIDER_LABELS[provider])}
          </button>
        ))}
      </div>
      <div role="status" className="accounts__notice" data-testid="accounts-notice">
        {notice && (notice.kind === 'saved' ? ta.form.saved(notice.name) : ta.form.deleted(notice.name))}
      </div>
      {loadError !== null && (
        <ErrorBanner>
          {problem(loadError)}{' '}
          <button type="button" className="link-button" onClick={load}>
            {ta.tryAgain}
          </button>
        </ErrorBanner>
      )}
      {deleteError !== null && (
        <ErrorBanner>
          {ta.deleteFailed(problem(deleteError))}
        </ErrorBanner>
      )}
      {profiles === null && loadError === null && <p className="panel__hint">{ta.reading}</p>}
      {profiles !== null && (
        <ul className="accounts__list" aria-label={ta.list}>
          {profiles.map((profile) => (
            <ProfileCard
              key={profile.id}
              profile={profile}
              test={tests[profile.id]}
              pinNote={pinNotes[profile.id]}
              onTest={() => {
                setPinNotes((n) => ({ ...n, [profile.id]: undefined }));
                void test(profile.id);
              }}
              onPin={(prompt) => void pin(profile.id, prompt)}
              onEdit={() => startEdit({ provider: profile.provider, profile })}
              onDelete={() => {
                setDeleteError(null);
                setDeleting(profile);
              }}
            />
          ))}
        </ul>
      )}
      {deleting !== null && (
        <ConfirmDialog
          title={ta.deleteTitle(deleting.name)}
          confirmLabel={ta.deleteConfirm}
          cancelLabel={ta.deleteKeep}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{ta.deleteBody}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface CardProps {
  profile: ListedProfile;
  test: TestState | undefined;
  pinNote: Problem | 'pinned' | undefined;
  onTest: () => void;
  onPin: (prompt: PinPrompt) => void;
  onEdit: () => void;
  onDelete: () => void;
}

function ProfileCard({ profile, test, pinNote, onTest, onPin, onEdit, onDelete }: CardProps) {
  const { t, problem } = useT();
  const ta = t.accounts;
  const secretStates = profile.secrets as Partial<Record<SecretField, 'set' | 'not set'>>;
  const secretFields: readonly SecretField[] = SECRETS[profile.provider];
  const details: [string, string][] = [
    [ta.provider, PROVIDER_LABELS[profile.provider]],
    [ta.address, profile.baseUrl],
    [ta.country, profile.defaultCountry],
    [ta.campaign, profile.campaignId === null ? ta.noCampaign : String(profile.campaignId)],
  ];
  if (profile.provider === 'mor') details.push([ta.username, profile.username]);
  if (profile.provider === 'ringostat') details.push([ta.projectId, profile.projectId]);
  if (profile.provider === 'isales') {
    details.push([ta.vdnId, String(profile.vdnId)], [ta.accessKey, profile.accessKey]);
    const sftp = profile.sftp;
    details.push([ta.sftp, sftp === null ? ta.noSftp : ta.sftpTarget(sftp.username, sftp.host, sftp.port, sftp.remoteDir)]);
    if (sftp !== null) details.push([ta.hostKey, sftp.hostKeySha256 ?? ta.notPinned]);
  }
  if (profile.tls !== null) details.push([ta.tls, 'caPem' in profile.tls ? ta.tlsCa : ta.tlsSha256(profile.tls.sha256)]);

  return (
    <li className="account" aria-label={profile.name} data-testid={`profile-${profile.id}`}>
      <div className="account__head">
        <h3 className="account__name">{profile.name}</h3>
        {profile.builtIn && <span className="badge">{ta.builtIn}</span>}
      </div>
      <dl className="account__details">
        {details.map(([term, value]) => (
          <div key={term} className="account__detail">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="account__detail">
          <dt>{ta.secrets}</dt>
          <dd>
            <ul className="account__secrets">
              {secretFields.map((field) => (
                <li key={field} data-testid={`secret-${field}`}>
                  {ta.secretLabels[field]}: <strong>{ta.secretState[secretStates[field] ?? 'not set']}</strong>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <div className="account__actions">
        <button type="button" className="button button--secondary button--small" aria-label={ta.testLabel(profile.name)} disabled={test?.running === true} onClick={onTest}>
          {test?.running === true ? ta.testing : ta.test}
        </button>
        {!profile.builtIn && (
          <>
            <button type="button" className="button button--secondary button--small" aria-label={ta.editLabel(profile.name)} onClick={onEdit}>
              {ta.edit}
            </button>
            <button type="button" className="button button--secondary button--small button--danger-text" aria-label={ta.deleteLabel(profile.name)} onClick={onDelete}>
              {ta.delete}
            </button>
          </>
        )}
      </div>
      <div role="status" aria-label={ta.verdictRegion(profile.name)} data-testid="verdict">
        {test !== undefined && !test.running && 'verdict' in test && <Verdict verdict={test.verdict} onPin={onPin} />}
        {test !== undefined && !test.running && 'failed' in test && <p className="verdict verdict--bad">{ta.testFailed(problem(test.failed))}</p>}
        {pinNote === 'pinned' && test?.running === true && <p className="panel__hint">{ta.pinned}</p>}
        {pinNote !== undefined && pinNote !== 'pinned' && (
          <p className="verdict verdict--bad" role="alert">
            {ta.pinFailed(problem(pinNote))}
          </p>
        )}
      </div>
    </li>
  );
}

function Verdict({ verdict, onPin }: { verdict: TestVerdict; onPin: (prompt: PinPrompt) => void }) {
  const { t, f } = useT();
  const ta = t.accounts;
  const prompt = verdict.prompt;
  return (
    <div className={verdict.kind === 'ok' ? 'verdict verdict--ok' : 'verdict verdict--bad'} data-kind={verdict.kind}>
      <p>
        <strong data-testid="verdict-kind">{ta.verdict[verdict.kind]}</strong>
        {' — '}
        <span data-testid="verdict-message">{verdict.message}</span>
      </p>
      {verdict.providerText !== undefined && (
        <p data-testid="verdict-provider">
          {ta.providerSaid} <q className="verdict__provider">{verdict.providerText}</q>
        </p>
      )}
      {prompt?.kind === 'pin-host-key' && (
        <div className="pin-prompt" role="group" aria-label={ta.trustKey}>
          <p>{ta.hostKeyPrompt}</p>
          <dl className="account__details">
            <div className="account__detail">
              <dt>{ta.keyType}</dt>
              <dd>{prompt.keyType}</dd>
            </div>
            <div className="account__detail">
              <dt>{ta.fingerprint}</dt>
              <dd>
                <code data-testid="pin-fingerprint">{prompt.fingerprint}</code>
              </dd>
            </div>
          </dl>
          <button type="button" className="button" onClick={() => onPin(prompt)}>
            {ta.trustKey}
          </button>
        </div>
      )}
      {prompt?.kind === 'pin-certificate' && (
        <div className="pin-prompt" role="group" aria-label={ta.trustCertificate}>
          <p>{ta.certPrompt}</p>
          <dl className="account__details">
            <div className="account__detail">
              <dt>{ta.sha256}</dt>
              <dd>
                <code data-testid="pin-fingerprint">{prompt.sha256}</code>
              </dd>
            </div>
            <div className="account__detail">
              <dt>{ta.subject}</dt>
              <dd>{prompt.subject}</dd>
            </div>
            <div className="account__detail">
              <dt>{ta.issuer}</dt>
              <dd>{prompt.issuer}</dd>
            </div>
            <div className="account__detail">
              <dt>{ta.valid}</dt>
              <dd>{ta.validRange(f.dateTime(prompt.validFrom), f.dateTime(prompt.validTo))}</dd>
            </div>
            <div className="account__detail">
              <dt>{ta.selfSigned}</dt>
              <dd>{prompt.selfSigned ? ta.yes : ta.no}</dd>
            </div>
          </dl>
          <button type="button" className="button" onClick={() => onPin(prompt)}>
            {ta.trustCertificate}
          </button>
        </div>
      )}
    </div>
  );
}
