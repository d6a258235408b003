type Tone = "info" | "warn" | "danger" | "ok";

const TONES: Record<Tone, string> = {
  info: "border-border bg-surface-2 text-text",
  warn: "border-warn/40 bg-warn/10 text-text",
  danger: "border-danger/40 bg-danger/10 text-text",
  ok: "border-ok/40 bg-ok/10 text-text",
};

export function Alert({ tone = "info", title, children, action }: { tone?: Tone; title?: string; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div role={tone === "danger" || tone === "warn" ? "alert" : "status"} className={`flex flex-col gap-3 rounded-lg border p-4 sm:flex-row sm:items-center sm:justify-between ${TONES[tone]}`}>
      <div className="space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="text-sm text-muted">{children}</div>}
      </div>
      {action}
    </div>
  );
}
