import { useId, useState } from "react";
import type { Attendance } from "../../shared/model/agenda";
import { setNotPresentForItem } from "./attendanceChanges";

interface ItemAttendanceProps {
  itemId: string;
  itemNumber: string;
  attendance: Attendance;
  editable: boolean;
  onChange: (next: Attendance, announcement: string) => Promise<boolean>;
}

/** "Ikke til stede under punktet": members present at the meeting but away for this item. */
export function ItemAttendance(props: ItemAttendanceProps) {
  const { itemId, itemNumber, attendance, editable, onChange } = props;
  const away = attendance.notPresentForItem[itemId] ?? [];
  const panelId = useId();
  const [open, setOpen] = useState(false);

  if (!editable) {
    return away.length === 0 ? null : (
      <p className="item-attendance-text">Ikke til stede under punktet: {away.join(", ")}</p>
    );
  }
  return (
    <div className="item-attendance">
      <button
        type="button"
        className="disclosure-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span className="disclosure-marker" aria-hidden="true">
          {open ? "▾" : "▸"}
        </span>{" "}
        Ikke til stede under punktet{away.length > 0 ? `: ${away.join(", ")}` : ""}
      </button>
      <div id={panelId} hidden={!open}>
        {attendance.present.length === 0 ? (
          <p className="muted">Registrér først under Fremmøde, hvem der er til stede.</p>
        ) : (
          <fieldset>
            <legend className="visually-hidden">Ikke til stede under punkt {itemNumber}</legend>
            {attendance.present.map((name) => (
              <label key={name} className="checkbox-label">
                <input
                  type="checkbox"
                  checked={away.includes(name)}
                  onChange={(event) =>
                    void onChange(
                      setNotPresentForItem(attendance, itemId, name, event.target.checked),
                      event.target.checked
                        ? `${name} er registreret som ikke til stede under punkt ${itemNumber}.`
                        : `${name} er registreret som til stede under punkt ${itemNumber}.`,
                    )
                  }
                />
                {name}
              </label>
            ))}
          </fieldset>
        )}
      </div>
    </div>
  );
}
