/** Adds `comment` only when there is one, so absent comments leave no key behind. */
export function withComment<T extends object>(
  value: T,
  comment: string | null | undefined,
): T & { comment?: string } {
  return comment == null ? value : { ...value, comment };
}
