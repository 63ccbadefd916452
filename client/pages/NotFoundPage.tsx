import { RouterLink } from "../routing/RouterLink";

export function NotFoundPage() {
  return (
    <main className="page" id="main">
      <h1>Siden findes ikke</h1>
      <p>
        <RouterLink href="/">Gå til oversigten over punkter</RouterLink>
      </p>
    </main>
  );
}
