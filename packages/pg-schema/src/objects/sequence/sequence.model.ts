import type { Named } from '../../catalog/named.js';

export interface SequenceOptions {
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

export interface SequenceInfo extends Named, SequenceOptions {
  /** The column the sequence is OWNED BY (serial), as table id and column name. */
  ownedBy?: { table: string; column: string };
}
