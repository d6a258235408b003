import Link from "@/components/ui/link";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";
import { Logo } from "@/components/layout/logo";
import { buttonClass } from "@/components/ui/button";

const FEATURES = [
  { title: "Every ride, every second", body: "Your whole Peloton history synced at 1-second fidelity — power, cadence, resistance, speed and heart rate." },
  { title: "Class targets, drawn for you", body: "Power-zone bands from your own FTP, cadence and resistance ranges, tread pace targets — against what you actually did." },
  { title: "TrainingPeaks, both ways", body: "Your thresholds and activities from TrainingPeaks, next to your Peloton data. Private by design: tokens sealed at rest." },
];

/** The public front page: what AutoCoach does, and the way in (or back to the dashboard when signed in). */
export function Landing({ signedIn, demo }: { signedIn: boolean; demo: boolean }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-5xl flex-col px-4 py-6 sm:px-6">
      <header className="flex items-center justify-between">
        <Logo />
        {signedIn && (
          <Link href="/dashboard" className={buttonClass("secondary")}>
            Open dashboard
          </Link>
        )}
      </header>
      <section className="flex flex-1 flex-col justify-center gap-8 py-12">
        <div className="max-w-2xl space-y-4">
          <h1 className="text-4xl font-extrabold tracking-tight sm:text-5xl">Your Peloton training, coached by the numbers.</h1>
          <p className="text-lg text-muted">
            AutoCoach brings your Peloton rides and runs together with your TrainingPeaks thresholds, so every workout is measured against the
            targets that matter.
          </p>
        </div>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          {signedIn ? (
            <Link href="/dashboard" className={buttonClass("primary")}>
              Go to your dashboard
            </Link>
          ) : (
            <SignInWithTrainingPeaks />
          )}
          {demo && !signedIn && <p className="text-sm text-muted">Demo mode: sign in through the local TrainingPeaks simulator — no real account needed.</p>}
        </div>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {FEATURES.map((f) => (
            <li key={f.title} className="rounded-xl border border-border bg-surface p-4">
              <h2 className="font-semibold">{f.title}</h2>
              <p className="mt-1 text-sm text-muted">{f.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
