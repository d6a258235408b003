/**
 * `defer`: for cards that start below a phone's first screen. The browser skips their style, layout and paint until
 * they near the viewport (`defer-render` in app/globals.css), which shortens the page's first rendering pass.
 */
export function Card({ title, action, children, className = "", defer = false }: { title?: React.ReactNode; action?: React.ReactNode; children: React.ReactNode; className?: string; defer?: boolean }) {
  return (
    <section className={`rounded-xl border border-border bg-surface p-4 shadow-sm sm:p-5 ${defer ? "defer-render" : ""} ${className}`}>
      {(title || action) && (
        <header className="mb-3 flex flex-wrap items-center justify-between gap-3">
          {title && <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">{title}</h2>}
          {action}
        </header>
      )}
      {children}
    </section>
  );
}

/** A card that holds only a short muted note, such as why a section has nothing to show. */
export function NoteCard({ title, testId, children }: { title: string; testId?: string; children: React.ReactNode }) {
  return (
    <Card title={title}>
      <p className="text-sm text-muted" data-testid={testId}>
        {children}
      </p>
    </Card>
  );
}
