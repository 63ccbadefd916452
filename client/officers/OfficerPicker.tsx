import { useId, useState, type KeyboardEvent } from "react";
import { isOfficerOf } from "../../shared/permissions";
import type { OfficerCandidate } from "./useOfficerCandidates";

interface OfficerPickerProps {
  label: string;
  /** The chosen officers' initials, responsible first. */
  value: readonly string[];
  candidates: readonly OfficerCandidate[];
  onChange: (value: string[]) => void;
  /** Ids of texts that describe the field (a hint, an error). */
  describedBy?: string;
  invalid?: boolean;
}

/** Candidates whose name contains the query or whose initials start with it. */
export function matchCandidates(
  candidates: readonly OfficerCandidate[],
  query: string,
  chosen: readonly string[],
): OfficerCandidate[] {
  const wanted = query.trim().toLocaleLowerCase("da");
  return candidates.filter(
    (candidate) =>
      !isOfficerOf(candidate.initials, chosen) &&
      (wanted === "" ||
        candidate.name.toLocaleLowerCase("da").includes(wanted) ||
        candidate.initials.toLocaleLowerCase("da").startsWith(wanted)),
  );
}

/**
 * Picks an item's officers among the committee's members: the chosen ones as removable chips,
 * then a combobox (ARIA 1.2, list autocomplete) searched by name or initials. Arrow keys move in
 * the list, Enter chooses, Escape closes it, Backspace in the empty field removes the last one.
 * Initials that match no member (imported, or from before officers were people) stay visible,
 * marked, until removed.
 */
export function OfficerPicker(props: OfficerPickerProps) {
  const { value, candidates, onChange } = props;
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [highlighted, setHighlighted] = useState(0);
  const matches = matchCandidates(candidates, query, value);
  const showList = open && matches.length > 0;
  const active = Math.min(highlighted, matches.length - 1);

  function choose(candidate: OfficerCandidate) {
    onChange([...value, candidate.initials]);
    setQuery("");
    setHighlighted(0);
    // Closed after a choice, so the list does not cover the fields below; typing or an arrow
    // key opens it again.
    setOpen(false);
  }

  function remove(initials: string) {
    onChange(value.filter((officer) => officer !== initials));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (matches.length > 0) setHighlighted((active + step + matches.length) % matches.length);
    } else if (event.key === "Enter") {
      // Choosing in the list must not submit the form around it.
      if (showList) {
        event.preventDefault();
        choose(matches[active]!);
      }
    } else if (event.key === "Escape") {
      if (showList) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      }
    } else if (event.key === "Backspace" && query === "" && value.length > 0) {
      remove(value[value.length - 1]!);
    }
  }

  const nameOf = (initials: string) =>
    candidates.find((candidate) => isOfficerOf(candidate.initials, [initials]))?.name ?? null;

  return (
    <div className="form-field officer-picker">
      <label htmlFor={inputId}>{props.label}</label>
      {value.length > 0 && (
        <ul className="officer-chips">
          {value.map((initials) => {
            const name = nameOf(initials);
            return (
              <li key={initials} className="officer-chip" data-member={name ? "true" : "false"}>
                {name ? `${name} (${initials})` : `${initials} – ikke medlem af udvalget`}
                <button
                  type="button"
                  className="officer-chip-remove"
                  aria-label={`Fjern ${name ?? initials}`}
                  onClick={() => remove(initials)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="officer-combobox">
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList ? `${listId}-${active}` : undefined}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid ? true : undefined}
          placeholder="Søg på navn eller initialer"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setHighlighted(0);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Udvalgets medlemmer"
          className="officer-list"
          hidden={!showList}
        >
          {matches.map((candidate, index) => (
            <li
              key={candidate.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="officer-option"
              // Choose before the field's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(candidate);
              }}
            >
              {candidate.name} <span className="officer-initials">({candidate.initials})</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
