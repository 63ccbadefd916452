export { AccessNotice } from "./AccessNotice";
export { ConfirmDialog } from "./ConfirmDialog";
export { useItemWorkflow } from "./useItemWorkflow";
export type { ItemWorkflow } from "./useItemWorkflow";
export { WorkflowBar } from "./WorkflowBar";
