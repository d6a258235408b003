import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-start justify-center gap-4 px-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-muted">That page doesn&apos;t exist, or it isn&apos;t yours to see.</p>
      <Link href="/dashboard" className={buttonClass("primary")}>
        Back to the dashboard
      </Link>
    </main>
  );
}
