import { Component, Suspense, type ErrorInfo, type ReactNode } from "react";
import { ChunkLoadError } from "./loadChunk";

interface LazyBoundaryProps {
  /** Shown while the code is on its way: a Danish loading text in the layout of what comes. */
  loading: ReactNode;
  /** Wraps the failure notice, so it sits where the code would have shown. */
  frame?: (notice: ReactNode) => ReactNode;
  children: ReactNode;
}

interface LazyBoundaryState {
  /** Why nothing can be shown: its code could not be fetched, or it failed while rendering. */
  failure: "load" | "render" | null;
}

/**
 * Where code is loaded on demand (a page, the editor): a loading state while its chunk is
 * fetched, and a notice when it cannot be — the network failed, or a deployment replaced the
 * chunk names the page was built with (the server answers those with 404). Reloading fetches
 * the current page and chunks, so that is the one thing offered. A part that fails while
 * rendering gets a notice of its own here too, instead of taking the whole app down.
 */
export class LazyBoundary extends Component<LazyBoundaryProps, LazyBoundaryState> {
  override state: LazyBoundaryState = { failure: null };

  static getDerivedStateFromError(error: unknown): LazyBoundaryState {
    return { failure: error instanceof ChunkLoadError ? "load" : "render" };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(
      error instanceof ChunkLoadError ? "loading part of the app failed" : "a page failed",
      error,
      info.componentStack,
    );
  }

  override render(): ReactNode {
    const { failure } = this.state;
    if (failure === null) {
      return <Suspense fallback={this.props.loading}>{this.props.children}</Suspense>;
    }
    const notice = (
      <div className="notice notice-error" role="alert" data-failure={failure}>
        <p>
          {failure === "load"
            ? "Denne del af Dagsorden kunne ikke hentes. Måske er forbindelsen afbrudt, eller der er kommet en ny version. Genindlæs siden for at prøve igen."
            : "Der opstod en fejl, så denne del af Dagsorden kan ikke vises. Genindlæs siden for at prøve igen."}
        </p>
        <button type="button" className="button button-small" onClick={() => location.reload()}>
          Genindlæs siden
        </button>
      </div>
    );
    return this.props.frame ? this.props.frame(notice) : notice;
  }
}
