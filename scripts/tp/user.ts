import { getDb } from "@/server/db/client";
import { PROVIDER_ID } from "@/server/providers/trainingpeaks/auth/config";

/** Which AutoCoach account's TrainingPeaks a command-line comparison uses. */
export type FoundUser =
  | { userId: string }
  | { kind: "none" | "not_found" | "ambiguous" | "unavailable"; problem: string };

/**
 * `email` matches the AutoCoach account's e-mail or its TrainingPeaks profile e-mail (case-insensitive). Without
 * one, the only account linked to TrainingPeaks is used; several are ambiguous rather than guessed.
 */
export async function findTrainingPeaksUser(email: string | null): Promise<FoundUser> {
  try {
    const db = await getDb();
    if (email) {
      const needle = email.toLowerCase();
      const user = await db.user.findFirst({
        where: {
          accounts: { some: { provider: PROVIDER_ID } },
          OR: [{ email: { equals: needle, mode: "insensitive" } }, { trainingPeaksProfile: { email: { equals: needle, mode: "insensitive" } } }],
        },
        select: { id: true },
      });
      return user ? { userId: user.id } : { kind: "not_found", problem: `No AutoCoach account with TrainingPeaks for ${email}. Sign in to the app with TrainingPeaks first.` };
    }
    const accounts = await db.account.findMany({ where: { provider: PROVIDER_ID }, select: { userId: true }, take: 2 });
    const [only, second] = accounts;
    if (!only) return { kind: "none", problem: "No AutoCoach account is linked to TrainingPeaks in this database." };
    if (second) return { kind: "ambiguous", problem: "Several AutoCoach accounts are linked to TrainingPeaks: choose one with --user <email>." };
    return { userId: only.userId };
  } catch (error) {
    return { kind: "unavailable", problem: `Couldn't read the database (${error instanceof Error ? error.message : String(error)}).` };
  }
}
