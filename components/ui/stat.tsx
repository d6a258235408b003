export function Stat({
  label,
  value,
  unit,
  hint,
  data,
}: {
  label: string;
  value: React.ReactNode;
  unit?: string;
  hint?: React.ReactNode;
  /** data-* attributes for the stat's group (tests and styling hooks) */
  data?: Record<`data-${string}`, string>;
}) {
  return (
    <div className="min-w-0" {...data}>
      <dt className="text-xs font-medium uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums">
        {value}
        {unit && <span className="ml-1 text-sm font-medium text-muted">{unit}</span>}
      </dd>
      {hint && <dd className="mt-0.5 text-xs text-muted">{hint}</dd>}
    </div>
  );
}
