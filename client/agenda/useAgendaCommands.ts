import { useCallback, useState } from "react";
import type { Meeting } from "../../shared/model/agenda";
import type { AgendaCommand } from "../../shared/model/agendaCommands";
import { ApiError } from "../api/apiFetch";
import { sendAgendaCommand } from "../api/meetingsApi";
import type { MeetingSyncSession } from "../meetings/MeetingSyncSession";

export type RunCommand = (
  command: AgendaCommand,
) => Promise<{ createdId: string | null; meeting: Meeting } | null>;

/**
 * Sends agenda commands for one meeting. The answer's meeting is shown at once (the live
 * document brings the same state to everyone a moment later); a refusal's Danish message is
 * kept for the page to show.
 */
export function useAgendaCommands(
  meetingId: string,
  session: MeetingSyncSession,
  onUnauthenticated: () => void,
): { run: RunCommand; error: string | null; clearError: () => void; busy: boolean } {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);

  const run = useCallback<RunCommand>(
    async (command) => {
      setPending((count) => count + 1);
      try {
        const result = await sendAgendaCommand(meetingId, command);
        session.adopt(result.meeting);
        setError(null);
        return result;
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 401) onUnauthenticated();
        else if (caught instanceof ApiError) setError(readableMessage(caught));
        else {
          console.error("agenda command failed", command.type, caught);
          setError("Ændringen kunne ikke gemmes. Prøv igen.");
        }
        return null;
      } finally {
        setPending((count) => count - 1);
      }
    },
    [meetingId, session, onUnauthenticated],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, error, clearError, busy: pending > 0 };
}

/**
 * The server names the field of a malformed command ("title: Titlen må ikke være tom"); the
 * person needs only the Danish sentence.
 */
function readableMessage(error: ApiError): string {
  return error.code === "invalid_command" ? error.message.replace(/^[\w.]+: /, "") : error.message;
}
