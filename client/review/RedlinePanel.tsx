import type { Editor } from "@tiptap/core";
import { isNetworkError } from "../api/apiFetch";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { Role } from "../../shared/roles";
import {
  fetchRedline,
  fetchSinceMine,
  type ItemVersion,
  type RedlineFields,
  type VersionRef,
} from "../api/versionsApi";
import { RedlineView } from "./RedlineView";
import { versionLabel } from "./versionLabel";

export type Comparison =
  { kind: "sinceMine" } | { kind: "versions"; from: VersionRef; to: VersionRef };

interface RedlinePanelProps {
  itemId: string;
  versions: readonly ItemVersion[];
  role: Role | null;
  comparison: Comparison;
  onComparisonChange: (comparison: Comparison) => void;
  /** The live editor: a comparison with the live text follows its changes. */
  editor: Editor | null;
}

type Result =
  | { status: "loading" }
  | { status: "loaded"; fields: RedlineFields; since: ItemVersion | null }
  | { status: "none" }
  | { status: "failed" };

/** "Since I last approved" for the chair, "since I last reviewed" for the director. */
export function sinceMineLabel(role: Role | null): string {
  if (role === "formand") return "Ændret siden min godkendelse";
  if (role === "direktoer") return "Ændret siden min gennemgang";
  return "Ændret siden mit seneste trin";
}

const LIVE_REFRESH_MS = 1500;

/**
 * Redline: two versions (or a version and the live text) compared field by field, or what has
 * changed since the person's own last workflow step.
 */
export function RedlinePanel({
  itemId,
  versions,
  role,
  comparison,
  onComparisonChange,
  editor,
}: RedlinePanelProps) {
  const fromId = useId();
  const toId = useId();
  const [result, setResult] = useState<Result>({ status: "loading" });
  const request = useRef<AbortController | null>(null);

  const followsLive =
    comparison.kind === "sinceMine" || comparison.from === "live" || comparison.to === "live";

  const compare = useCallback(() => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    const answer =
      comparison.kind === "sinceMine"
        ? fetchSinceMine(itemId, controller.signal).then(({ since, fields }): Result =>
            fields === null ? { status: "none" } : { status: "loaded", fields, since },
          )
        : fetchRedline(itemId, comparison.from, comparison.to, controller.signal).then(
            (fields): Result => ({ status: "loaded", fields, since: null }),
          );
    answer.then(setResult, (error: unknown) => {
      if (controller.signal.aborted) return;
      if (!isNetworkError(error)) console.error("loading the comparison failed", error);
      setResult({ status: "failed" });
    });
  }, [itemId, comparison]);

  useEffect(() => {
    compare();
    return () => request.current?.abort();
  }, [compare]);

  // The live text changes while one reads: compare again a moment after typing stops.
  useEffect(() => {
    if (!editor || !followsLive) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(compare, LIVE_REFRESH_MS);
    };
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor, followsLive, compare]);

  const from = comparison.kind === "versions" ? comparison.from : "";
  const to = comparison.kind === "versions" ? comparison.to : "live";
  const newest = versions.at(-1);

  return (
    <div className="redline-panel">
      <div className="redline-modes" role="group" aria-label="Hvad skal sammenlignes">
        {role !== "laeser" && (
          <button
            type="button"
            className="button"
            aria-pressed={comparison.kind === "sinceMine"}
            onClick={() => onComparisonChange({ kind: "sinceMine" })}
          >
            {sinceMineLabel(role)}
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-pressed={comparison.kind === "versions"}
          disabled={newest === undefined}
          onClick={() =>
            onComparisonChange({ kind: "versions", from: newest?.id ?? "live", to: "live" })
          }
        >
          Sammenlign versioner
        </button>
      </div>

      {comparison.kind === "versions" && (
        <div className="redline-pickers">
          <div className="form-field">
            <label htmlFor={fromId}>Fra</label>
            <select
              id={fromId}
              value={from}
              onChange={(event) =>
                onComparisonChange({ kind: "versions", from: event.target.value, to })
              }
            >
              <VersionOptions versions={versions} />
            </select>
          </div>
          <div className="form-field">
            <label htmlFor={toId}>Til</label>
            <select
              id={toId}
              value={to}
              onChange={(event) =>
                onComparisonChange({ kind: "versions", from, to: event.target.value })
              }
            >
              <VersionOptions versions={versions} />
            </select>
          </div>
        </div>
      )}

      <div className="redline-result" aria-busy={result.status === "loading"}>
        {result.status === "loading" && <p className="muted">Sammenligner …</p>}
        {result.status === "failed" && (
          <p className="form-error">Sammenligningen kunne ikke hentes. Prøv igen.</p>
        )}
        {result.status === "none" && (
          <p className="muted">
            Du har ikke taget et behandlingstrin på punktet endnu, så der er intet at sammenligne
            med.
          </p>
        )}
        {result.status === "loaded" && (
          <>
            {result.since && (
              <p className="redline-since">
                Sammenlignet med versionen «{versionLabel(result.since)}» og den nuværende tekst.
              </p>
            )}
            <RedlineView fields={result.fields} />
          </>
        )}
      </div>
    </div>
  );
}

function VersionOptions({ versions }: { versions: readonly ItemVersion[] }) {
  return (
    <>
      <option value="live">Nuværende tekst</option>
      {[...versions]
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((version) => (
          <option key={version.id} value={version.id}>
            {versionLabel(version)}
          </option>
        ))}
    </>
  );
}
