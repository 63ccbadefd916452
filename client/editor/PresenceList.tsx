import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

interface Person {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

function readPeople(awareness: Awareness): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (typeof user?.name !== "string") continue;
    people.push({
      clientId,
      name: user.name,
      color: typeof user.color === "string" ? user.color : "#6b7280",
      self: clientId === awareness.clientID,
    });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
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
          <li key={person.clientId} className="presence-person">
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
