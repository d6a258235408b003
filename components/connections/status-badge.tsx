const STATUS = {
  active: { label: "Connected", className: "bg-ok/15 text-ok" },
  reauth_required: { label: "Reconnect needed", className: "bg-warn/15 text-warn" },
  disconnected: { label: "Disconnected", className: "bg-surface-2 text-muted" },
  missing: { label: "Not connected", className: "bg-surface-2 text-muted" },
} as const;

/** A connection's state as a coloured pill with words (never colour alone). */
export function ConnectionStatusBadge({ status, testId }: { status: keyof typeof STATUS; testId?: string }) {
  return (
    <span className={`rounded-full px-2.5 py-1 text-xs font-semibold ${STATUS[status].className}`} data-testid={testId}>
      {STATUS[status].label}
    </span>
  );
}
