"use client";

import dynamic from "next/dynamic";
import { nearViewportChart } from "@/components/charts/lazy-chart";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The analytics charts, loaded on the pages that draw them only (Recharts stays out of every other bundle) and
 * mounted when they near the viewport (components/charts/lazy-chart.tsx).
 */
const loading = () => <Skeleton className="h-full min-h-24" />;

export const LazyCurveChart = nearViewportChart(dynamic(() => import("@/components/charts/curve-chart").then((m) => m.CurveChart), { ssr: false, loading }));
export const LazyFtpHistoryChart = nearViewportChart(dynamic(() => import("@/components/charts/ftp-history-chart").then((m) => m.FtpHistoryChart), { ssr: false, loading }));
export const LazyTimeInZoneChart = nearViewportChart(dynamic(() => import("@/components/charts/time-in-zone-chart").then((m) => m.TimeInZoneChart), { ssr: false, loading }));
