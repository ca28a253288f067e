import type { Summary } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';

export const IMPORT_STEPS = ['file', 'columns', 'check', 'target', 'send'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

interface Props {
  step: ImportStep;
  reachable: (step: ImportStep) => boolean;
  onStep: (step: ImportStep) => void;
  summary: Summary;
  profileName: string | undefined;
}

/** The import's steps in order, the current one marked; any step can be gone to that has what it needs. */
export function ImportSteps({ step, reachable, onStep, summary, profileName }: Props) {
  const { t } = useT();
  const notes: Partial<Record<ImportStep, string>> = {
    check: t.wizard.checkNote(summary.valid, summary.invalid + summary.duplicate),
    ...(profileName === undefined ? {} : { target: profileName }),
  };
  return (
    <nav className="steps" aria-label={t.wizard.steps}>
      <ol className="steps__list">
        {IMPORT_STEPS.map((s, i) => (
          <li key={s} className="steps__item">
            <button type="button" className="steps__button" aria-current={s === step ? 'step' : undefined} disabled={!reachable(s)} onClick={() => onStep(s)}>
              <span className="steps__number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="steps__name">{t.wizard.names[s]}</span>
              {/* Always there, empty or not, so every step is as tall and a note arriving moves nothing. */}
              <span className="steps__note">{notes[s] ?? '\u00a0'}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
