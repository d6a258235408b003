"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { DELETE_ACCOUNT_CONFIRMATION, isDeleteConfirmation } from "@/lib/domain/account";
import { deleteAccount } from "@/server/accounts/delete-account";
import { runUserAction, type ActionResult } from "@/server/handlers/action";

const schema = z.object({ confirmation: z.string().max(100, "That is longer than the confirmation.") });

/**
 * "Delete my account": with the typed confirmation, everything of the user is removed and TrainingPeaks access
 * revoked; the session row goes with the user, so the browser is signed out and lands on the sign-in page.
 */
export async function deleteAccountAction(_prev: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  const result = await runUserAction("account.delete", schema, { confirmation: formData.get("confirmation") ?? "" }, async ({ userId, input }) => {
    if (!isDeleteConfirmation(input.confirmation)) {
      throw new AppError("account.confirmation_mismatch", { fields: { confirmation: `Type “${DELETE_ACCOUNT_CONFIRMATION}” to confirm.` } });
    }
    await deleteAccount(userId);
    return null;
  });
  if (result.ok) redirect("/signin?reason=account_deleted");
  return result;
}
