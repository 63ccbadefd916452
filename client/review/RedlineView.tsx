import { ITEM_FIELDS } from "../../shared/editor/fields";
import type { RedlineFields, RedlineSegment } from "../api/versionsApi";

/**
 * A field-by-field comparison: insertions and deletions marked inline, each with a spoken cue
 * (screen readers do not announce <ins>/<del> by themselves), fields without changes said so.
 */
export function RedlineView({
  fields,
  headingLevel = 3,
}: {
  fields: RedlineFields;
  headingLevel?: 3 | 4;
}) {
  const changed = ITEM_FIELDS.filter((field) => fields[field.name]?.changed);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="redline">
      <p className="redline-summary">
        {changed.length === 0
          ? "Ingen ændringer."
          : `Ændret: ${changed.map((field) => field.label).join(", ")}.`}
      </p>
      {ITEM_FIELDS.map((field) => {
        const result = fields[field.name];
        if (!result) return null;
        return (
          <section key={field.name} className="redline-field" data-field={field.name}>
            <Heading className="redline-field-heading">{field.label}</Heading>
            {result.changed ? (
              <div className="redline-text">{result.segments.map(renderSegment)}</div>
            ) : (
              <p className="muted redline-unchanged">Ingen ændringer.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function renderSegment(segment: RedlineSegment, index: number) {
  switch (segment.kind) {
    case "equal":
      return <span key={index}>{segment.text}</span>;
    case "insert":
      return (
        <ins key={index}>
          <span className="visually-hidden">[Tilføjet: </span>
          {segment.text}
          <span className="visually-hidden">]</span>
        </ins>
      );
    case "delete":
      return (
        <del key={index}>
          <span className="visually-hidden">[Slettet: </span>
          {segment.text}
          <span className="visually-hidden">]</span>
        </del>
      );
  }
}
