import { Router } from "express";
import { formatDocName } from "../../shared/docName";
import type { ItemHeader, Store } from "../store";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";

function itemView(item: ItemHeader) {
  return {
    id: item.id,
    title: item.title,
    caseNumber: item.caseNumber,
    officers: item.officers,
    doc: formatDocName("item", item.id),
  };
}

export function itemRoutes(deps: { store: Store }): Router {
  const router = Router();
  router.get("/items", async (req, res) => {
    requireUser(req);
    const items = await deps.store.items.listItems();
    res.json({ items: items.map(itemView) });
  });
  router.get("/items/:id", async (req, res) => {
    requireUser(req);
    const item = await deps.store.items.getItem(req.params.id);
    if (!item) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    res.json({ item: itemView(item) });
  });
  return router;
}
