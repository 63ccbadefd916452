/** What a scenario is and what it reports; one module per scenario implements it. */
import type { LatencySummary } from "../lib/latency";
import type { Measured } from "../lib/measure";
import type { ServerId, ServerUnderTest } from "../servers/serverUnderTest";

export type ScenarioId =
  | "fanout"
  | "cowriting"
  | "manydocs"
  | "history"
  | "joinstorm"
  | "durableack"
  | "browser"
  | "crash"
  | "importbombs"
  | "cluster"
  | "exportload"
  | "coldstart";

export interface BenchSettings {
  quick: boolean;
  log: (message: string) => void;
}

/** One measured case (e.g. fan-out at N = 100) against one server. */
export interface CaseResult {
  scenario: ScenarioId;
  case: string;
  server: ServerId;
  status: "ok" | "n/a" | "error";
  /** Why n/a, what went wrong, or what to know when reading the figures. */
  note?: string;
  /** The scenario's latency, in ms (what it measures is in the scenario's method). */
  latencyMs?: LatencySummary | null;
  /** Named figures; the unit is in the name (Ms, Kb, PerS, Us, Pct, Mb, Bytes). */
  metrics: Record<string, number | null>;
  serverCpuMs?: number;
  peakRssMb?: number;
  harnessCpuPct?: number;
  wallMs?: number;
}

export interface Scenario {
  id: ScenarioId;
  title: string;
  /** A reason when the scenario cannot run against this server (an n/a row), else null. */
  notApplicable(server: ServerUnderTest): string | null;
  run(server: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]>;
}

/** Copies the common figures of a measured phase into a result. */
export function withMeasurement(
  result: Omit<CaseResult, "serverCpuMs" | "peakRssMb" | "harnessCpuPct" | "wallMs">,
  measurement: Measured<unknown>,
): CaseResult {
  return {
    ...result,
    serverCpuMs: measurement.serverCpuMs,
    peakRssMb: measurement.peakRssMb,
    harnessCpuPct: measurement.harnessCpuPct,
    wallMs: measurement.wallMs,
  };
}
