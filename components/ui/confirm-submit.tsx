"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A submit button that asks for confirmation first and shows progress while the action runs. */
export function ConfirmSubmit({ message, children, variant = "primary" }: { message: string; children: React.ReactNode; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={pending}
      onClick={(e) => {
        if (!window.confirm(message)) e.preventDefault();
      }}
    >
      {pending ? "Working…" : children}
    </Button>
  );
}
