import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-accent text-accent-fg hover:opacity-90",
  secondary: "border border-border bg-surface text-text hover:bg-surface-2",
  danger: "border border-danger/40 bg-surface text-danger hover:bg-danger/10",
  ghost: "text-muted hover:bg-surface-2 hover:text-text",
};

export function buttonClass(variant: Variant = "primary", extra = ""): string {
  return `inline-flex min-h-10 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${extra}`;
}

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

/** A form's submit button: disabled while the form is pending, and saying so (`busyLabel`) meanwhile. */
export function SubmitButton({ pending, busyLabel, children }: { pending: boolean; busyLabel: string; children: React.ReactNode }) {
  return (
    <Button type="submit" disabled={pending}>
      {pending ? busyLabel : children}
    </Button>
  );
}

/** A form's last row: the submit button, then whatever answers it (a status message, a hint). */
export function SubmitRow({ pending, busyLabel, label, children }: { pending: boolean; busyLabel: string; label: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SubmitButton pending={pending} busyLabel={busyLabel}>
        {label}
      </SubmitButton>
      {children}
    </div>
  );
}
