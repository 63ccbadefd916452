import type { ReactNode } from "react";

export interface ToolbarButtonProps {
  label: string;
  /** Shown as a tooltip: the keyboard shortcut, if any. */
  shortcut?: string;
  /** A toggle's state; undefined for plain actions (they get no aria-pressed). */
  pressed?: boolean;
  disabled?: boolean;
  focusable: boolean;
  onActivate: () => void;
  onFocus: () => void;
  children: ReactNode;
}

/**
 * One toolbar button. Only the toolbar's current button is in the tab order (roving tabindex);
 * mousedown is prevented so clicking keeps the editor's selection and focus.
 */
export function ToolbarButton(props: ToolbarButtonProps) {
  const { label, shortcut, pressed, disabled, focusable, onActivate, onFocus, children } = props;
  return (
    <button
      type="button"
      className="toolbar-button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      disabled={disabled}
      tabIndex={focusable ? 0 : -1}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onActivate}
      onFocus={onFocus}
    >
      {children}
    </button>
  );
}
