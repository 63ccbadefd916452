import type { ItemPresence } from "../meetings/MeetingSyncSession";

/** Initials in each person's colour: who has this item open right now. */
export function PresenceDots({ people }: { people: readonly ItemPresence[] }) {
  if (people.length === 0) return null;
  const names = people.map((person) => (person.self ? `${person.name} (dig)` : person.name));
  return (
    <span className="presence-dots" role="img" aria-label={`Her nu: ${names.join(", ")}`}>
      {people.map((person) => (
        <span
          key={person.clientId}
          className="presence-initials"
          style={{ backgroundColor: person.color }}
          title={person.self ? `${person.name} (dig)` : person.name}
        >
          {person.initials}
        </span>
      ))}
    </span>
  );
}
