import type { ReactNode } from "react";

export interface Column {
  label: ReactNode;
  /** numbers line up on the right */
  numeric?: boolean;
}

/**
 * A data table's header row: every cell a column header (scope="col"), numbers right-aligned, a gap between
 * columns but none after the last.
 */
export function TableHead({
  columns,
  rowClassName = "text-left text-xs uppercase tracking-wide text-muted",
  cellClassName = "py-2 font-medium",
  gapClassName = "pr-3",
}: {
  columns: (string | Column)[];
  rowClassName?: string;
  cellClassName?: string;
  gapClassName?: string;
}) {
  return (
    <thead>
      <tr className={rowClassName}>
        {columns.map((column, i) => {
          const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
          const classes = [cellClassName, i < columns.length - 1 ? gapClassName : "", numeric ? "text-right" : ""].filter(Boolean).join(" ");
          return (
            <th key={i} scope="col" className={classes}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
