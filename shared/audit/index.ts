export { AUDIT_CATEGORIES, auditActionLabel, auditCategory } from "./auditActions";
export type { AuditCategory } from "./auditActions";
export { auditDay, formatAuditTime } from "./formatAuditTime";
export { renderAuditDetails } from "./renderAuditDetails";
export type { AuditDetail, AuditNames } from "./renderAuditDetails";
export type { AuditListing, AuditRow } from "./auditRow";
