/** Stops the embedded server the global setup started, if any. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__bakeryEmbeddedServer?.stop();
}
