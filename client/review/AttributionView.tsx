import { useEffect, useState } from "react";
import { isNetworkError } from "../api/apiFetch";
import { ITEM_FIELDS } from "../../shared/editor/fields";
import { fetchAttribution, type Attribution } from "../api/versionsApi";

// Distinct hues, each dark enough for a 2px underline to show on white.
const PALETTE = ["#1f6f8b", "#b0451f", "#5b3f8c", "#2e7d32", "#ad1457", "#8a6d00", "#00695c"];
const UNKNOWN = "#6b7280";

type Load =
  { status: "loading" } | { status: "loaded"; attribution: Attribution } | { status: "failed" };

/**
 * Who wrote which text: the live body with each person's text underlined in their colour, a
 * legend, and each run introduced by its author's name for screen readers.
 */
export function AttributionView({ itemId }: { itemId: string }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    fetchAttribution(itemId, controller.signal).then(
      (attribution) => setLoad({ status: "loaded", attribution }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (!isNetworkError(error)) console.error("loading attribution failed", error);
        setLoad({ status: "failed" });
      },
    );
    return () => controller.abort();
  }, [itemId]);

  if (load.status === "loading") return <p className="muted">Henter …</p>;
  if (load.status === "failed")
    return <p className="form-error">Oplysningerne kunne ikke hentes. Prøv igen.</p>;

  const { fields, people } = load.attribution;
  const ids = Object.keys(people);
  const colour = (userId: string | null) =>
    userId === null ? UNKNOWN : (PALETTE[ids.indexOf(userId) % PALETTE.length] ?? UNKNOWN);
  const name = (userId: string | null) =>
    userId === null ? "Ukendt (fx importeret)" : (people[userId] ?? "Ukendt");
  const hasUnknown = ITEM_FIELDS.some((f) => fields[f.name]?.some((run) => run.userId === null));

  return (
    <div className="attribution">
      <ul className="attribution-legend" aria-label="Forfattere">
        {ids.map((id) => (
          <li key={id}>
            <span
              className="attribution-swatch"
              style={{ background: colour(id) }}
              aria-hidden="true"
            />
            {name(id)}
          </li>
        ))}
        {hasUnknown && (
          <li>
            <span
              className="attribution-swatch"
              style={{ background: UNKNOWN }}
              aria-hidden="true"
            />
            {name(null)}
          </li>
        )}
      </ul>
      {ITEM_FIELDS.map((field) => (
        <section key={field.name} className="redline-field">
          <h4 className="redline-field-heading">{field.label}</h4>
          <div className="redline-text">
            {(fields[field.name] ?? []).map((run, index) => (
              <span
                key={index}
                className="attribution-run"
                data-user-id={run.userId ?? ""}
                style={{ borderBottomColor: colour(run.userId) }}
                title={name(run.userId)}
              >
                <span className="visually-hidden">[{name(run.userId)}:] </span>
                {run.text}
              </span>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
