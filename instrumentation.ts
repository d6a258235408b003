/**
 * Runs once when the server starts (`next start`, the demo, `next dev`). In the Node.js runtime it starts the sync
 * sweeper (server/sync/sweeper.ts), so a started sync runs to its end with no page open; SYNC_BACKGROUND=false
 * turns it off. See docs/architecture.md "A sync step".
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSyncSweeper } = await import("./server/sync/sweeper");
  startSyncSweeper();
}
