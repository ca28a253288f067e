import type { ReactNode } from 'react';

/** What went wrong, said at once to a screen reader (role alert) and shown in the error colours. */
export function ErrorBanner({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner--error" role="alert">
      {children}
    </div>
  );
}
