import type { BenchResults } from "./results";

export function renderBenchmarksDoc(_file: string, _bench: BenchResults): void {}
