import { lazy, useCallback, useEffect, useState, type ReactNode } from "react";
import { logout, fetchCurrentUser } from "./api/sessionApi";
import type { SessionUser } from "./api/types";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { InvitationPage } from "./pages/InvitationPage";
import { StartPage } from "./pages/StartPage";
import { LazyBoundary } from "./routing/LazyBoundary";
import { loadChunk } from "./routing/loadChunk";
import { loginPath, navigate, parseRoute, useCurrentPath } from "./routing/router";
import { RouterLink } from "./routing/RouterLink";
import { AccountLinks } from "./users/AccountLinks";
import { NotificationBell } from "./notifications/NotificationBell";

// Every page but the login (and invitation) page is loaded on demand, so that the first visit
// fetches little. The editor (TipTap, ProseMirror, y-tiptap) is most of the code: it comes with
// the item page, the minutes page, and the meeting page's item pane — never with the agenda.
const ItemPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/ItemPage"))).ItemPage,
}));
const MeetingsPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/MeetingsPage"))).MeetingsPage,
}));
const MeetingPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/MeetingPage"))).MeetingPage,
}));
const PreviewPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/PreviewPage"))).PreviewPage,
}));

// Minutes mode (one editor per item's Beslutning) and publication.
const MinutesPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/MinutesPage"))).MinutesPage,
}));
const PublishPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/PublishPage"))).PublishPage,
}));

// Administration and review pages.
const UsersPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/UsersPage"))).UsersPage,
}));
const AuditPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/AuditPage"))).AuditPage,
}));
const MentionsPage = lazy(async () => ({
  default: (await loadChunk(import("./pages/MentionsPage"))).MentionsPage,
}));

const loadingPage = (
  <main className="page" id="main">
    <p className="muted" role="status">
      Indlæser …
    </p>
  </main>
);

function pageFrame(notice: ReactNode) {
  return (
    <main className="page" id="main">
      {notice}
    </main>
  );
}

/**
 * A page whose code is loaded on demand. Keyed by the kind of page, so that a page that could
 * not be loaded does not keep its notice when the person goes on to another kind of page.
 */
function lazyPage(kind: string, page: ReactNode) {
  return (
    <LazyBoundary key={kind} loading={loadingPage} frame={pageFrame}>
      {page}
    </LazyBoundary>
  );
}

const SESSION_ENDED_NOTICE =
  "Du er logget ud. Log ind igen for at fortsætte, hvor du var. Ændringer, der ikke nåede at blive gemt på serveren, ligger i denne browser og gemmes, når du er logget ind igen.";

type Auth =
  { status: "checking" } | { status: "known"; user: SessionUser | null } | { status: "failed" };

export function App() {
  const path = useCurrentPath();
  const route = parseRoute(location.pathname, location.search);
  const [auth, setAuth] = useState<Auth>({ status: "checking" });
  // The session ended while a page was open (logout in another tab, expiry, password change).
  const [sessionEnded, setSessionEnded] = useState(false);

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

  const hasUser = user !== null;
  const onUnauthenticated = useCallback(() => {
    if (hasUser) setSessionEnded(true);
    setAuth({ status: "known", user: null });
  }, [hasUser]);

  async function signOut() {
    try {
      await logout();
    } catch (error) {
      console.error("logout failed", error);
    }
    setSessionEnded(false);
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
        notice={sessionEnded ? SESSION_ENDED_NOTICE : null}
        onLoggedIn={(signedIn) => {
          setSessionEnded(false);
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
    page = lazyPage("UsersPage", <UsersPage user={user} onUnauthenticated={onUnauthenticated} />);
  } else if (route.name === "mentions") {
    page = lazyPage("MentionsPage", <MentionsPage onUnauthenticated={onUnauthenticated} />);
  } else if (route.name === "audit") {
    page = lazyPage(
      "AuditPage",
      <AuditPage key={route.id ?? ""} meetingId={route.id} onUnauthenticated={onUnauthenticated} />,
    );
  } else if (route.name === "start" || route.name === "committee") {
    page = lazyPage(
      "MeetingsPage",
      <MeetingsPage
        committeeId={route.name === "committee" ? route.committeeId : null}
        onUnauthenticated={onUnauthenticated}
      />,
    );
  } else if (route.name === "items") {
    page = <StartPage onUnauthenticated={onUnauthenticated} />;
  } else if (route.name === "meeting") {
    page = lazyPage(
      "MeetingPage",
      <MeetingPage
        key={route.id}
        id={route.id}
        itemId={route.itemId}
        user={user}
        onUnauthenticated={onUnauthenticated}
      />,
    );
  } else if (route.name === "preview") {
    page = lazyPage(
      "PreviewPage",
      <PreviewPage key={route.id} id={route.id} onUnauthenticated={onUnauthenticated} />,
    );
  } else if (route.name === "minutes") {
    page = lazyPage(
      "MinutesPage",
      <MinutesPage
        key={route.id}
        id={route.id}
        user={user}
        onUnauthenticated={onUnauthenticated}
      />,
    );
  } else if (route.name === "publish") {
    page = lazyPage(
      "PublishPage",
      <PublishPage key={route.id} id={route.id} onUnauthenticated={onUnauthenticated} />,
    );
  } else if (route.name === "item") {
    page = lazyPage(
      "ItemPage",
      <ItemPage key={route.id} id={route.id} user={user} onUnauthenticated={onUnauthenticated} />,
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
            <NotificationBell key={`bell-${user.id}`} userId={user.id} />
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
