"use client";

import { Button } from "@/components/ui/button";

export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-danger/40 bg-danger/10 p-6">
      <h1 className="text-lg font-semibold">Something went wrong loading this page</h1>
      <p className="text-sm text-muted">It was logged on our side. Try again; if it keeps happening, sign out and back in.</p>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
