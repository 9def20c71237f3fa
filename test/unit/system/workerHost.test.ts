import { WorkerHost } from '../../../src/system/workerHost';

// A worker that doubles `value`, fails on a negative one, and exits on `exit`.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', ({ id, value, exit }) => {
  if (exit) process.exit(3);
  if (value < 0) return parentPort.postMessage({ id, error: 'negative: ' + value });
  parentPort.postMessage({ id, doubled: value * workerData.factor });
});
`;

describe('WorkerHost', () => {
  const host = new WorkerHost<{ id: number; doubled?: number; error?: string }>('the doubler', SOURCE, () => ({ factor: 2 }));
  afterAll(() => host.stop());

  it('answers each request with its own answer, several at once', async () => {
    const answers = await Promise.all([1, 2, 3].map((value) => host.request({ value })));
    expect(answers.map((answer) => answer.doubled)).toEqual([2, 4, 6]);
  });

  it('rejects a request whose work failed, naming the worker, and goes on answering', async () => {
    await expect(host.request({ value: -1 })).rejects.toThrow('the doubler failed: negative: -1');
    expect((await host.request({ value: 5 })).doubled).toBe(10);
  });

  it('rejects the open requests when the worker stops, and starts another for the next', async () => {
    await expect(host.request({ exit: true })).rejects.toThrow('the doubler stopped (exit 3)');
    expect((await host.request({ value: 4 })).doubled).toBe(8);
  });

  it('moves a transferred buffer to the worker', async () => {
    const buffer = new Float32Array([1, 2]);
    await host.request({ value: 1, buffer }, [buffer.buffer]);
    expect(buffer.length).toBe(0);
  });
});
