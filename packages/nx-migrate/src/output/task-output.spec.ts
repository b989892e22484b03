import { Console } from 'node:console';
import { collectOutput } from './task-output';

describe('collectOutput', () => {
  it('keeps what each of several concurrent tasks writes apart, in order, and prints nothing of it', async () => {
    // Jest's console does not write to process.stdout; Node's does, as in an Nx batch process.
    const nodeConsole = new Console({ stdout: process.stdout, stderr: process.stderr });
    const task = (name: string, pause: number) => async () => {
      nodeConsole.log(`${name} starts`);
      await new Promise((resolve) => setTimeout(resolve, pause));
      process.stderr.write(`${name} warns\n`);
      process.stdout.write(Buffer.from(`${name} ends\n`));
      return name;
    };
    const [a, b] = await Promise.all([collectOutput(task('a', 30)), collectOutput(task('b', 5))]);
    expect(a).toEqual({ value: 'a', output: 'a starts\na warns\na ends\n' });
    expect(b).toEqual({ value: 'b', output: 'b starts\nb warns\nb ends\n' });
    // A write outside any task, while one runs, is not that task's.
    const pending = collectOutput(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      process.stdout.write('inside\n');
    });
    process.stdout.write('');
    expect((await pending).output).toBe('inside\n');
  });

  it('calls a write callback, as a stream would', async () => {
    const { output } = await collectOutput(
      () => new Promise<void>((resolve) => process.stdout.write('x', () => resolve())),
    );
    expect(output).toBe('x');
  });
});
