import type { Express } from "express";

export interface AppRoute {
  method: string;
  /** The route's path pattern, mount points included, e.g. "/api/meetings/:meetingId/commands". */
  path: string;
}

interface ListedRoute {
  path: string | RegExp;
  methods: string[] | undefined;
  router: { listRoutes(): ListedRoute[] } | undefined;
}

/** Every route the app answers, read from Express's own router, mounted routers included. */
export function appRoutes(app: Express): AppRoute[] {
  const root = (app as unknown as { router: { listRoutes(): ListedRoute[] } }).router;
  const routes: AppRoute[] = [];
  const walk = (router: { listRoutes(): ListedRoute[] }, prefix: string) => {
    for (const listed of router.listRoutes()) {
      if (listed.path instanceof RegExp) throw new Error(`regexp route under ${prefix}`);
      const path = `${prefix}${listed.path === "/" ? "" : listed.path}`;
      if (listed.router) walk(listed.router, path);
      else for (const method of listed.methods ?? []) routes.push({ method, path: path || "/" });
    }
  };
  walk(root, "");
  return routes;
}

/** A concrete URL path for a pattern: every `:param` becomes `x`, a `{*splat}` becomes `x`. */
export function samplePath(pattern: string): string {
  return pattern
    .replace(/\{\*\w+\}/g, "x")
    .replace(/:(\w+)\.:(\w+)/g, "x.pdf")
    .replace(/:\w+/g, "x");
}
