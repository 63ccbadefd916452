/**
 * Versioned schema migrations, one numbered list per dialect (`sqliteMigrations.ts`,
 * `postgres/postgresMigrations.ts`). A store records what it has applied in its
 * `schema_migrations` table and applies the rest in order at open, each in its own transaction.
 * Both lists carry the same versions under the same names, so a table added to one is added to
 * the other under the same number (a test compares them).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migrations not yet applied, in order; throws if the list is not in ascending order. A gap
 * is allowed: two branches may take neighbouring numbers at once, and a store that applied the
 * later one first gets the earlier one when it arrives — each migration stands on its own.
 */
export function pendingMigrations<T extends Pick<Migration, "version" | "name">>(
  all: readonly T[],
  applied: Set<number>,
): T[] {
  all.forEach((migration, index) => {
    const previous = index === 0 ? 0 : all[index - 1]!.version;
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `migration ${migration.name} is numbered ${migration.version}, not above ${previous}`,
      );
    }
  });
  return all.filter((migration) => !applied.has(migration.version));
}
