"use client";

import { useState, useTransition } from "react";
import { setFtpFromTestAction } from "@/actions/analytics";
import { Button } from "@/components/ui/button";

/** "Set as my FTP" on an FTP test ride: the result becomes your FTP from the ride's day (rescoring follows on the server). */
export function SetFtpButton({ workoutId, watts }: { workoutId: string; watts: number }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        onClick={() =>
          startTransition(async () => {
            const result = await setFtpFromTestAction(workoutId);
            setMessage(
              result.ok
                ? { ok: true, text: `Your FTP is ${result.data.watts} W from ${result.data.day}, and your own FTP history is now the FTP source. Rides from that day are being rescored.` }
                : { ok: false, text: result.message },
            );
          })
        }
        disabled={pending}
      >
        {pending ? "Saving…" : `Set ${watts} W as my FTP`}
      </Button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-ok" : "text-danger"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
