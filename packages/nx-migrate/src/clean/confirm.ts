import { createInterface } from 'node:readline/promises';

export interface Terminal {
  isInteractive: boolean;
  ask(question: string): Promise<string>;
}

/** The real terminal: interactive only when both stdin and stdout are TTYs. */
export function processTerminal(): Terminal {
  return {
    isInteractive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return (await rl.question(question)).trim();
      } finally {
        rl.close();
      }
    },
  };
}
