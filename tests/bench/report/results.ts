/** The shape of docs/benchmarks.json. */
import type { CaseResult, ScenarioId } from "../scenarios/scenario";
import type { ServerId } from "../servers/serverUnderTest";
import type { MachineInfo } from "./machineInfo";

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  quick: boolean;
  scenarios: ScenarioId[];
  servers: Array<{ id: ServerId; label: string }>;
  machine: { before: MachineInfo; after: MachineInfo };
  results: CaseResult[];
}
