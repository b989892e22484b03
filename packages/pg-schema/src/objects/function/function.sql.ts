import { qualified, terminated } from '../../render/sql-text.js';
import type { FunctionInfo } from './function.model.js';

export function createFunctionSql(fn: FunctionInfo): string {
  return terminated(fn.definition);
}

export function functionSignature(fn: FunctionInfo): string {
  return `${qualified(fn.schema, fn.name)}(${fn.identityArguments})`;
}

export function dropFunctionSql(fn: FunctionInfo): string {
  return `DROP ${fn.kind === 'p' ? 'PROCEDURE' : 'FUNCTION'} ${functionSignature(fn)};`;
}

export const functionCommentTarget = (fn: FunctionInfo) =>
  `${fn.kind === 'p' ? 'PROCEDURE' : 'FUNCTION'} ${functionSignature(fn)}`;
