import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from "react";
import { logout, fetchCurrentUser } from "./api/sessionApi";
import type { SessionUser } from "./api/types";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { InvitationPage } from "./pages/InvitationPage";
import { StartPage } from "./pages/StartPage";
import { loginPath, navigate, parseRoute, useCurrentPath } from "./routing/router";
import { RouterLink } from "./routing/RouterLink";
import { AccountLinks } from "./users/AccountLinks";

// The editor (TipTap, Yjs, y-websocket) is most of the code: load it with the first item page.
const ItemPage = lazy(async () => ({ default: (await import("./pages/ItemPage")).ItemPage }));
// Meetings: the overview and preview are light, the meeting page carries the editor too.
const MeetingsPage = lazy(async () => ({
  default: (await import("./pages/MeetingsPage")).MeetingsPage,
}));
const MeetingPage = lazy(async () => ({
  default: (await import("./pages/MeetingPage")).MeetingPage,
}));
const PreviewPage = lazy(async () => ({
  default: (await import("./pages/PreviewPage")).PreviewPage,
}));

// Minutes mode (one editor per item's Beslutning) and publication.
const MinutesPage = lazy(async () => ({
  default: (await import("./pages/MinutesPage")).MinutesPage,
}));
const PublishPage = lazy(async () => ({
  default: (await import("./pages/PublishPage")).PublishPage,
}));

// Administration and review pages.
const UsersPage = lazy(async () => ({ default: (await import("./pages/UsersPage")).UsersPage }));
const AuditPage = lazy(async () => ({ default: (await import("./pages/AuditPage")).AuditPage }));
const MentionsPage = lazy(async () => ({
  default: (await import("./pages/MentionsPage")).MentionsPage,
}));

const loadingPage = (
  <main className="page" id="main">
    <p className="muted">Indlæser …</p>
  </main>
);

type Auth =
  { status: "checking" } | { status: "known"; user: SessionUser | null } | { status: "failed" };

export function App() {
  const path = useCurrentPath();
  const route = parseRoute(location.pathname, location.search);
  const [auth, setAuth] = useState<Auth>({ status: "checking" });

  useEffect(() => {
    fetchCurrentUser().then(
      (user) => setAuth({ status: "known", user }),
      (error: unknown) => {
        console.error("checking the session failed", error);
        setAuth({ status: "failed" });
      },
    );
  }, []);

  const user = auth.status === "known" ? auth.user : null;

  // Signed out: every page but the login page (and an invitation) sends you there, and back
  // afterwards.
  useEffect(() => {
    if (auth.status !== "known") return;
    if (auth.user === null && route.name !== "login" && route.name !== "invitation")
      navigate(loginPath(path), { replace: true });
    if (auth.user !== null && route.name === "login")
      navigate(route.next ?? "/", { replace: true });
  }, [auth, route, path]);

  const onUnauthenticated = useCallback(() => {
    setAuth({ status: "known", user: null });
  }, []);

  async function signOut() {
    try {
      await logout();
    } catch (error) {
      console.error("logout failed", error);
    }
    setAuth({ status: "known", user: null });
    navigate("/login");
  }

  let page: ReactNode = null;
  if (auth.status === "checking") {
    page = (
      <main className="page" id="main">
        <p className="muted">Indlæser …</p>
      </main>
    );
  } else if (auth.status === "failed") {
    page = (
      <main className="page" id="main">
        <p className="notice notice-error" role="alert">
          Serveren kan ikke nås. Prøv at genindlæse siden.
        </p>
      </main>
    );
  } else if (route.name === "login") {
    page = user ? null : (
      <LoginPage
        onLoggedIn={(signedIn) => {
          setAuth({ status: "known", user: signedIn });
          navigate(route.next ?? "/", { replace: true });
        }}
      />
    );
  } else if (route.name === "invitation") {
    page = (
      <InvitationPage
        key={route.token}
        token={route.token}
        signedInAs={user}
        onAccepted={(accepted) => {
          setAuth({ status: "known", user: accepted });
          navigate("/", { replace: true });
        }}
      />
    );
  } else if (user === null) {
    page = null;
  } else if (route.name === "users") {
    page = (
      <Suspense fallback={loadingPage}>
        <UsersPage user={user} onUnauthenticated={onUnauthenticated} />
      </Suspense>
    );
  } else if (route.name === "mentions") {
    page = (
      <Suspense fallback={loadingPage}>
        <MentionsPage onUnauthenticated={onUnauthenticated} />
      </Suspense>
    );
  } else if (route.name === "audit") {
    page = (
      <Suspense fallback={loadingPage}>
        <AuditPage key={route.id} id={route.id} onUnauthenticated={onUnauthenticated} />
      </Suspense>
    );
  } else if (route.name === "start" || route.name === "committee") {
    page = (
      <Suspense fallback={loadingPage}>
        <MeetingsPage
          committeeId={route.name === "committee" ? route.committeeId : null}
          onUnauthenticated={onUnauthenticated}
        />
      </Suspense>
    );
  } else if (route.name === "items") {
    page = <StartPage onUnauthenticated={onUnauthenticated} />;
  } else if (route.name === "meeting") {
    page = (
      <Suspense fallback={loadingPage}>
        <MeetingPage
          key={route.id}
          id={route.id}
          itemId={route.itemId}
          user={user}
          onUnauthenticated={onUnauthenticated}
        />
      </Suspense>
    );
  } else if (route.name === "preview") {
    page = (
      <Suspense fallback={loadingPage}>
        <PreviewPage key={route.id} id={route.id} onUnauthenticated={onUnauthenticated} />
      </Suspense>
    );
  } else if (route.name === "minutes") {
    page = (
      <Suspense fallback={loadingPage}>
        <MinutesPage
          key={route.id}
          id={route.id}
          user={user}
          onUnauthenticated={onUnauthenticated}
        />
      </Suspense>
    );
  } else if (route.name === "publish") {
    page = (
      <Suspense fallback={loadingPage}>
        <PublishPage key={route.id} id={route.id} onUnauthenticated={onUnauthenticated} />
      </Suspense>
    );
  } else if (route.name === "item") {
    page = (
      <Suspense
        fallback={
          <main className="page" id="main">
            <p className="muted">Indlæser …</p>
          </main>
        }
      >
        <ItemPage key={route.id} id={route.id} user={user} onUnauthenticated={onUnauthenticated} />
      </Suspense>
    );
  } else {
    page = <NotFoundPage />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Gå til indhold
      </a>
      <header className="app-header">
        <RouterLink href="/" className="app-brand">
          Dagsorden
        </RouterLink>
        {user && (
          <div className="app-user">
            <AccountLinks key={user.id} />
            <span
              className="app-user-badge"
              style={{ backgroundColor: user.color }}
              aria-hidden="true"
            >
              {user.initials}
            </span>
            <span className="app-user-name">{user.name}</span>
            <button type="button" className="button button-quiet" onClick={() => void signOut()}>
              Log ud
            </button>
          </div>
        )}
      </header>
      {page}
    </>
  );
}
