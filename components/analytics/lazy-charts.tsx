"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The analytics charts, loaded on the pages that draw them only (Recharts stays out of every other bundle). */
const loading = () => <Skeleton className="h-full min-h-24" />;

export const LazyPmcChart = dynamic(() => import("@/components/charts/pmc-chart").then((m) => m.PmcChart), { ssr: false, loading });
export const LazyCurveChart = dynamic(() => import("@/components/charts/curve-chart").then((m) => m.CurveChart), { ssr: false, loading });
export const LazyFtpHistoryChart = dynamic(() => import("@/components/charts/ftp-history-chart").then((m) => m.FtpHistoryChart), { ssr: false, loading });
export const LazyTimeInZoneChart = dynamic(() => import("@/components/charts/time-in-zone-chart").then((m) => m.TimeInZoneChart), { ssr: false, loading });
