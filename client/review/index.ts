export { ReviewSidebar } from "./ReviewSidebar";
export { RedlineView } from "./RedlineView";
