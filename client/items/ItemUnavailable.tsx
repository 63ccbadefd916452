import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";

const HEADINGS: Record<string, string> = {
  item_not_sent_out: "Punktet er ikke sendt ud endnu",
  item_closed: "Lukket punkt",
};

/**
 * An item the person may not read, with the server's reason: not sent out yet, a closed item,
 * or not found / no access. Nothing of the item is shown, and no connection is kept open.
 */
export function ItemUnavailable({ code, message }: { code: string; message: string }) {
  const heading = HEADINGS[code] ?? "Punktet kan ikke vises";
  useDocumentTitle(heading);
  return (
    <main className="page item-unavailable" id="main">
      <h1>{heading}</h1>
      <p className="notice" role="status" data-reason={code}>
        {message}
      </p>
      <p>
        <RouterLink href="/">Gå til oversigten over møder</RouterLink>
      </p>
    </main>
  );
}
