import { maskSecrets } from './mask-url.js';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Writes `[init-manager:service] message` to stdout/stderr, with secrets masked. */
export function consoleLogger(service: string): Logger {
  const prefix = `[init-manager:${service}]`;
  return {
    info: (message) => console.log(`${prefix} ${maskSecrets(message)}`),
    warn: (message) => console.warn(`${prefix} ${maskSecrets(message)}`),
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };

/** Wraps a caller's logger so nothing it receives can hold a password. */
export function maskingLogger(logger: Logger): Logger {
  return {
    info: (message) => logger.info(maskSecrets(message)),
    warn: (message) => logger.warn(maskSecrets(message)),
  };
}
