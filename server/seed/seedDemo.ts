import { hashPassword } from "../auth/passwords";
import { createItem } from "../items/createItem";
import type { Store } from "../store";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demoAccounts";
import { DEMO_ITEM, DEMO_ITEM_BODY } from "./demoItemBody";

/** Fills an empty database with the demo accounts and a real KKR item. Does nothing otherwise. */
export async function seedDemo(store: Store): Promise<boolean> {
  if ((await store.users.listUsers()).length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    await store.users.createUser({
      id: account.id,
      email: account.email,
      name: account.name,
      initials: account.initials,
      color: account.color,
      passwordHash,
      active: true,
    });
  }
  await createItem(store, { ...DEMO_ITEM, createdAt: Date.now() }, DEMO_ITEM_BODY);
  return true;
}
