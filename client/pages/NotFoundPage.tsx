import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";

export function NotFoundPage() {
  useDocumentTitle("Siden findes ikke");
  return (
    <main className="page" id="main">
      <h1>Siden findes ikke</h1>
      <p>
        <RouterLink href="/">Gå til oversigten over møder</RouterLink>
      </p>
    </main>
  );
}
