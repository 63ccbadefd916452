import { ITEM_FIELDS } from "../../shared/editor/fields";
import type { OpenSuggestion } from "../../shared/suggestions";

/** The hash that opens the review sidebar's "Forslag" on one suggestion. */
export function suggestionHash(id: string): string {
  return `#forslag-${id}`;
}

/**
 * In the approval dialog: the open suggestions that stand in the way ("Godkend endelig tekst"
 * is refused while any is open), each a link to it in the "Forslag" list.
 */
export function OpenSuggestionsWarning({
  suggestions,
  onShow,
}: {
  suggestions: readonly OpenSuggestion[];
  /** A link was followed: the dialog closes so the list can be seen. */
  onShow: () => void;
}) {
  const count = suggestions.length;
  return (
    <div className="notice notice-error open-suggestions" role="alert">
      <p>
        {count === 1 ? "Der er et åbent forslag" : `Der er ${count} åbne forslag`} i teksten.
        Sagsbehandleren skal acceptere eller afvise {count === 1 ? "det" : "dem"}, før teksten kan
        godkendes.
      </p>
      <ul>
        {suggestions.map((s) => (
          <li key={s.id}>
            <a href={suggestionHash(s.id)} onClick={onShow}>
              {s.authorName}, {ITEM_FIELDS.find((f) => f.name === s.field)?.label ?? s.field}:{" "}
              {s.deleted && `slet «${s.deleted}»`}
              {s.deleted && s.inserted && ", "}
              {s.inserted && `indsæt «${s.inserted}»`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
