import { afterAll, beforeAll } from "vitest";
import { openPostgresStore } from "../../server/store/postgres/PostgresStore";
import type { TestDatabase } from "./helpers/postgres";
import { createTestDatabase, dropSchema, uniqueName } from "./helpers/postgres";
import { describeStoreContract } from "./storeContract";

// One database for the run, one schema per test; both dropped afterwards.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("dagsorden_contract");
});
afterAll(async () => {
  await database?.drop();
});

describeStoreContract("postgres", async () => {
  const schema = uniqueName("contract");
  const store = await openPostgresStore({ connectionString: database.url, schema });
  return { store, cleanup: () => dropSchema(database.url, schema) };
});
