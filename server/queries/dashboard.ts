import "server-only";
import { getDb } from "@/server/db/client";
import type { CurrentFtp, FtpSourceLabel, RecentWorkout, WeekVolume } from "@/lib/domain/dashboard";
import { localDay } from "@/lib/time/time-zone";
import { readScoringContext } from "./analytics-settings";
import { getUserTimeZone } from "./user-time-zone";
import { WORKOUT_LIST_COLUMNS } from "./columns";
import { formatWorkoutDate } from "@/lib/format/date";

/** Dashboard data, always for the signed-in user. */

function mondayOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Time, output and TSS per week for the last `weeks` weeks (empty weeks included, oldest first). */
export async function getWeeklyVolume(userId: string, weeks = 12, now = new Date()): Promise<WeekVolume[]> {
  const db = await getDb();
  const tz = (await getUserTimeZone(userId)).timeZone;
  const localNow = new Date(new Date(now.toLocaleString("en-US", { timeZone: tz })).getTime());
  const thisMonday = mondayOf(localNow);
  const firstMonday = new Date(Date.parse(`${thisMonday}T00:00:00Z`) - (weeks - 1) * 7 * 86_400_000);
  const rows = await db.$queryRaw<{ week: Date; seconds: number | null; output: number | null; tss: number | null; n: bigint }[]>`
    SELECT date_trunc('week', w."startTime" AT TIME ZONE ${tz}) AS week,
           SUM(w."durationSeconds")::float8 AS seconds, SUM(d."totalOutputKj")::float8 AS output, SUM(COALESCE(a."score", d."tss"))::float8 AS tss, COUNT(*) AS n
    FROM "Workout" w LEFT JOIN "WorkoutDetails" d ON d."workoutId" = w."id" LEFT JOIN "WorkoutAnalytics" a ON a."workoutId" = w."id"
    WHERE w."userId" = ${userId} AND w."startTime" >= ${new Date(firstMonday.getTime() - 86_400_000)}
    GROUP BY 1`;
  const byWeek = new Map(rows.map((r) => [r.week.toISOString().slice(0, 10), r]));
  return Array.from({ length: weeks }, (_, i) => {
    const week = new Date(firstMonday.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10);
    const r = byWeek.get(week);
    return { week, seconds: Math.round(r?.seconds ?? 0), outputKj: Math.round(r?.output ?? 0), tss: Math.round(r?.tss ?? 0), workouts: Number(r?.n ?? 0) };
  });
}

export async function getRecentWorkouts(userId: string, limit = 6): Promise<RecentWorkout[]> {
  const db = await getDb();
  const [rows, zone] = await Promise.all([
    db.workout.findMany({
      where: { userId },
      orderBy: { startTime: "desc" },
      take: limit,
      select: {
        ...WORKOUT_LIST_COLUMNS,
        instructor: { select: { name: true } },
        details: { select: { totalOutputKj: true, tss: true } },
        analytics: { select: { score: true } },
      },
    }),
    getUserTimeZone(userId),
  ]);
  return rows.map((w) => ({
    id: w.id,
    title: w.title,
    instructor: w.instructor?.name ?? null,
    discipline: w.discipline,
    startTime: w.startTime.toISOString(),
    timezone: zone.timeZone,
    when: formatWorkoutDate(w.startTime.toISOString(), zone.timeZone),
    durationSeconds: w.durationSeconds,
    outputKj: w.details?.totalOutputKj ?? null,
    tss: w.analytics?.score ?? w.details?.tss ?? null,
  }));
}

const PELOTON_SOURCE: Record<string, FtpSourceLabel> = { workout: "Peloton FTP test", manual: "Manual entry (95 % rule)", estimated: "Peloton estimate" };

/** Today's FTP from the FTP source in Settings (lib/metrics/thresholds-at.ts), with TrainingPeaks' or Peloton's beside it. */
export async function getCurrentFtp(userId: string): Promise<CurrentFtp | null> {
  const db = await getDb();
  const [peloton, tp, ctx] = await Promise.all([
    db.pelotonProfile.findFirst({ where: { connection: { userId, status: "active" } }, select: { ftpWatts: true, ftpSource: true } }),
    db.trainingPeaksProfile.findUnique({ where: { userId }, select: { ftpWatts: true } }),
    readScoringContext(db, userId),
  ]);
  const ftp = ctx.resolver.on(localDay(new Date(), ctx.settings.timeZone)).ftp;
  if (!ftp) return null;
  const pelotonLabel = PELOTON_SOURCE[peloton?.ftpSource ?? ""] ?? "Peloton";
  const source: FtpSourceLabel = ftp.source === "peloton" ? pelotonLabel : ftp.source === "trainingpeaks" ? "TrainingPeaks threshold" : ftp.source === "ftp_test" ? "Your FTP test" : "Your FTP";
  const watts = Math.round(ftp.value);
  const other =
    ftp.source !== "trainingpeaks" && tp?.ftpWatts
      ? { watts: tp.ftpWatts, source: "TrainingPeaks threshold" as const }
      : ftp.source !== "peloton" && peloton?.ftpWatts
        ? { watts: peloton.ftpWatts, source: pelotonLabel }
        : null;
  return { watts, source, other };
}
