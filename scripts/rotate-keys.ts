/**
 * `npm run keys:rotate`: reseal every secret at rest with the newest key in SEALING_KEYS.
 * Put the new key first and keep the old ones after it, run this, then drop the old keys.
 * Idempotent. Prints counts, never values.
 */
import { closeDb, getDb } from "../server/db/client";
import { requireSealingKeys } from "../server/env";
import { rotateSealedSecrets } from "../server/maintenance/rotate-secrets";
import { localEnvironment } from "./lib/local-env";

async function main(): Promise<void> {
  for (const [k, v] of Object.entries(localEnvironment())) if (v !== undefined && process.env[k] === undefined) process.env[k] = v;
  const keys = requireSealingKeys();
  const { accounts, connections } = await rotateSealedSecrets(await getDb(), keys);
  console.log(`Resealed with key "${keys[0]?.id}": ${accounts} TrainingPeaks account(s), ${connections} Peloton connection(s). Remove old keys once every instance runs with the new SEALING_KEYS.`);
}

main()
  .then(
    () => 0,
    (error: unknown) => {
      console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    },
  )
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  });
