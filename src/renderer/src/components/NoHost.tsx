/** Shown when the page was opened on its own, outside the desktop app and the web host. */
export function NoHost() {
  return (
    <main className="empty-state" role="alert">
      <h1>Dialsheet cannot reach its engine</h1>
      <p>
        Start the desktop app with <code>npm start</code>, or run <code>npm run web</code> and open the address it
        prints.
      </p>
    </main>
  );
}
