import { qualified } from '../../render/sql-text.js';
import type { RangeInfo } from './range.model.js';

/**
 * The multirange name Postgres picks (makeMultirangeTypeName): `multi` before the first `range`
 * of the name, else `_multirange` appended.
 */
export function defaultMultirangeName(rangeName: string): string {
  const at = rangeName.indexOf('range');
  return at >= 0 ? `${rangeName.slice(0, at)}multi${rangeName.slice(at)}` : `${rangeName}_multirange`;
}

/** The option list of CREATE TYPE ... AS RANGE, leaving out what Postgres would pick anyway. */
export function rangeOptions(range: RangeInfo): string {
  const options = [`subtype = ${range.subtype}`];
  if (range.subtypeOpclass !== undefined) options.push(`subtype_opclass = ${range.subtypeOpclass}`);
  if (range.collation !== undefined) options.push(`collation = ${range.collation}`);
  if (range.canonical !== undefined) options.push(`canonical = ${range.canonical}`);
  if (range.subtypeDiff !== undefined) options.push(`subtype_diff = ${range.subtypeDiff}`);
  if (range.multirange !== qualified(range.schema, defaultMultirangeName(range.name)))
    options.push(`multirange_type_name = ${range.multirange}`);
  return options.join(', ');
}

export const createRangeSql = (range: RangeInfo) =>
  `CREATE TYPE ${qualified(range.schema, range.name)} AS RANGE (${rangeOptions(range)});`;
