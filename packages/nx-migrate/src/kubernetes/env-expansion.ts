/**
 * Kubernetes' `$(VAR)` expansion of env values: a reference to a variable defined earlier is
 * replaced, `$$` escapes a `$`, and an unresolvable reference stays as written.
 */
export async function expandEnvReferences(
  text: string,
  lookup: (name: string) => Promise<string | undefined>,
): Promise<string> {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch !== '$' || next === undefined) {
      out += ch;
      i += 1;
    } else if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close === -1) {
        out += text.slice(i);
        break;
      }
      const name = text.slice(i + 2, close);
      out += (await lookup(name)) ?? `$(${name})`;
      i = close + 1;
    } else {
      out += ch + next;
      i += 2;
    }
  }
  return out;
}
