import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useState } from "react";
import type { SessionUser } from "../api/types";
import { setSuggestMode } from "./SuggestChanges";

/**
 * Whether the editor is in suggest mode (Foreslå ændringer): always for a person who may only
 * suggest, by choice for a writer. Kept in the extension's storage, where the dispatch reads it.
 */
export function useSuggestMode(editor: Editor | null, user: SessionUser, suggestOnly: boolean) {
  const [chosen, setChosen] = useState(false);
  const [refusedNotice, setRefusedNotice] = useState(false);
  const enabled = suggestOnly || chosen;

  useEffect(() => {
    if (!editor) return;
    const person = { id: user.id, name: user.name };
    setSuggestMode(editor, { enabled, person, onRefused: () => setRefusedNotice(true) });
    return () => setSuggestMode(editor, { enabled, person, onRefused: null });
  }, [editor, enabled, user.id, user.name]);

  useEffect(() => {
    if (!refusedNotice) return;
    const timer = setTimeout(() => setRefusedNotice(false), 6000);
    return () => clearTimeout(timer);
  }, [refusedNotice]);

  const toggle = useCallback(() => setChosen((on) => !on), []);
  return { enabled, toggle, refusedNotice };
}
