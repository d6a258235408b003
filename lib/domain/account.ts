/** What the user types to confirm "Delete my account" (the form shows it; the action checks it). */
export const DELETE_ACCOUNT_CONFIRMATION = "delete my account";

export function isDeleteConfirmation(typed: string): boolean {
  return typed.trim().toLowerCase() === DELETE_ACCOUNT_CONFIRMATION;
}
