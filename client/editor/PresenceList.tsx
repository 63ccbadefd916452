import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

interface Person {
  /** The account's id, or the awareness client id for a state without one. */
  key: string;
  name: string;
  color: string;
  self: boolean;
}

/** One entry per person: someone with the item open in two tabs is here once. */
function readPeople(awareness: Awareness): Person[] {
  const people = new Map<string, Person>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown; id?: unknown } }).user;
    if (typeof user?.name !== "string") continue;
    const key = typeof user.id === "string" ? user.id : `client-${clientId}`;
    const self = clientId === awareness.clientID;
    const known = people.get(key);
    if (known) {
      known.self ||= self;
      continue;
    }
    people.set(key, {
      key,
      name: user.name,
      color: typeof user.color === "string" ? user.color : "#6b7280",
      self,
    });
  }
  return [...people.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name),
  );
}

/** Who has this item open right now, from the provider's awareness states. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState(() => readPeople(awareness));
  useEffect(() => {
    const refresh = () => setPeople(readPeople(awareness));
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [awareness]);

  return (
    <div className="presence">
      <h2 className="presence-heading">Her nu</h2>
      <ul className="presence-list">
        {people.map((person) => (
          <li key={person.key} className="presence-person">
            <span
              className="presence-dot"
              style={{ backgroundColor: person.color }}
              aria-hidden="true"
            />
            <span>
              {person.name}
              {person.self && <span className="presence-self"> (dig)</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
