"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { NavPending } from "./nav-pending";

// Every page's path is its label in lower case.
const LINKS = ["Dashboard", "Calendar", "Workouts", "Fitness", "Power", "Connections", "TrainingPeaks", "Settings"].map((label) => ({
  href: `/${label.toLowerCase()}`,
  label,
}));

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto py-1">
      {LINKS.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`relative whitespace-nowrap rounded-md px-2.5 py-2 text-sm font-medium sm:px-3 ${active ? "bg-surface-2 text-text" : "text-muted hover:bg-surface-2 hover:text-text"}`}
          >
            {link.label}
            <NavPending />
          </Link>
        );
      })}
    </nav>
  );
}
