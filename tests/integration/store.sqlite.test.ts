import { rmSync } from "node:fs";
import { openSqliteStore } from "../../server/store";
import { tempDataDir } from "./helpers/testServer";
import { describeStoreContract } from "./storeContract";

describeStoreContract("sqlite", async () => {
  const dataDir = tempDataDir();
  return {
    store: openSqliteStore({ dataDir }),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
