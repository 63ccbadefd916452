/**
 * Zod compiles object parsers with `new Function` when it may, and probes whether it may by
 * trying it. Under the app's Content-Security-Policy (no 'unsafe-eval') that probe is refused and
 * reported as a violation, so the client tells zod not to try. Imported first by main.tsx.
 */
import { z } from "zod";

z.config({ jitless: true });
