export { meetingRecord, recordHash, RECORD_FORMAT } from "./meetingRecord";
export type {
  MeetingRecord,
  RecordAttachment,
  RecordItem,
  RecordSection,
  RecordSource,
} from "./meetingRecord";
export { exportInput } from "./exportInput";
export { readRecordSource } from "./readRecordSource";
export { recordFrozenError } from "./recordFrozen";
