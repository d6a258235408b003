import { useMutation } from "@tanstack/react-query";
import type { ComparisonReport } from "@/lib/compare/build";
import { fetchJson } from "./fetch-json";

export interface CompareFitInput {
  file: File;
  /** watts as typed; empty means the file's own FTP, else the TrainingPeaks threshold */
  ftp: string;
}

function compareFitFile(input: CompareFitInput): Promise<ComparisonReport> {
  const body = new FormData();
  body.set("file", input.file);
  if (input.ftp.trim()) body.set("ftp", input.ftp.trim());
  return fetchJson<ComparisonReport>("/api/trainingpeaks/compare", { method: "POST", body });
}

/** Upload a .fit / .fit.gz to be compared with the matching TrainingPeaks workout; nothing is stored, so nothing to invalidate. */
export function useCompareFitFile() {
  return useMutation({ mutationFn: compareFitFile });
}
