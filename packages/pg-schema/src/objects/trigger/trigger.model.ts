export interface TriggerInfo {
  name: string;
  /** Id of the table (or view) the trigger is on. */
  table: string;
  /** pg_get_triggerdef. */
  definition: string;
  /** pg_trigger.tgenabled: O (origin), D (disabled), R (replica), A (always). */
  enabled: string;
  comment?: string;
}
