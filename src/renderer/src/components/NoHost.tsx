import { useT } from '../i18n/I18nProvider';

/** Shown when the page was opened on its own, outside the desktop app and the web host. */
export function NoHost() {
  const { t } = useT();
  return (
    <main className="empty-state" role="alert">
      <h1>{t.noHost.title}</h1>
      <p>
        {t.noHost.beforeStart}
        <code>npm start</code>
        {t.noHost.beforeWeb}
        <code>npm run web</code>
        {t.noHost.afterWeb}
      </p>
    </main>
  );
}
