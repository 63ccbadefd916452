/** Every scenario, in the order the issue lists them; the browser scenario runs last. */
import { coWriting } from "./coWriting";
import { browser } from "./browser";
import { cluster } from "./cluster";
import { coldStart } from "./coldStart";
import { crash } from "./crash";
import { durableAck } from "./durableAck";
import { exportLoad } from "./exportLoad";
import { fanout } from "./fanout";
import { importBombs } from "./importBombs";
import { joinStorm } from "./joinStorm";
import { longHistory } from "./longHistory";
import { manyDocs } from "./manyDocs";
import type { Scenario } from "./scenario";

export const SCENARIOS: Scenario[] = [
  fanout,
  coWriting,
  manyDocs,
  longHistory,
  joinStorm,
  durableAck,
  crash,
  importBombs,
  cluster,
  exportLoad,
  coldStart,
  browser,
];
