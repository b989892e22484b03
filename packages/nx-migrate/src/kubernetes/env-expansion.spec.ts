import { expandEnvReferences } from './env-expansion.js';

describe('expandEnvReferences (Kubernetes $(VAR) rules)', () => {
  const vars: Record<string, string> = { USER: 'auth', PASS: 'p@ss', HOST: 'db' };
  const lookup = async (name: string) => vars[name];

  it.each([
    ['postgresql://$(USER):$(PASS)@$(HOST):5432/auth', 'postgresql://auth:p@ss@db:5432/auth'],
    ['$(MISSING) stays', '$(MISSING) stays'],
    ['$$(USER) is escaped', '$(USER) is escaped'],
    ['cost $5 and $', 'cost $5 and $'],
    ['unclosed $(USER', 'unclosed $(USER'],
    ['no references', 'no references'],
  ])('%s', async (input, expected) => {
    expect(await expandEnvReferences(input, lookup)).toBe(expected);
  });
});
