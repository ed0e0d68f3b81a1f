/** The enforcement case's pure core: states, steps, who may take them, and merging. */
export * from './case-model';
export * from './case-reasons';
export { CaseErrorCode, type CaseFailure } from './case-errors';
export { WHO_MAY, MAY_REGISTER, mayReadReporterContact } from './case-permissions';
export { FINE_CAP_MULTIPLE, NO_GAIN_FINE_FEN } from './case-decision';
export { DECISION_DAYS, DECISION_EXTENSION_DAYS } from './case-steps';
export {
  ACTION_LABELS,
  ALLOWED_FROM,
  gate,
  registerCase,
  transition,
  type NewCase,
  type TransitionResult,
} from './case-workflow';
export { caseEventToAudit } from './case-audit';
export { findMergeTarget, isOpenCase, type MergeCandidate } from './merge-rules';
export {
  NOTICE_STATE_LABELS,
  statusNotices,
  type RealNameReporter,
  type StatusNotice,
} from './case-notices';
