import { GraphVersionClock } from '../../src/system/graphVersionClock';
import { CREATE_ACTOR } from '../helpers/fixtures';
import { useTestApi } from '../helpers/testApi';

/**
 * The graph version without a round trip per request (src/system/graphVersionClock.ts):
 * a client reads its own writes at once; a write from elsewhere is seen once the
 * remembered version is older than the bound.
 */
const api = useTestApi();

/** A write that no Database in this process made: what the import command or another instance does. */
async function bumpFromElsewhere(): Promise<void> {
  const session = api.db.driver.session();
  try {
    await session.run("MERGE (v:GraphVersion {key: 'graph'}) ON CREATE SET v.epoch = randomUUID(), v.version = 0 SET v.version = v.version + 1");
  } finally {
    await session.close();
  }
}

const createActor = (id: string) => api.run(CREATE_ACTOR, { input: { id, kind: 'ASSOCIATION', name: `Förening ${id}`, synthetic: true } });

describe('GraphVersionClock', () => {
  beforeEach(() => api.wipe());

  it('answers the version after a write made through this process at once, however long it may remember', async () => {
    const clock = new GraphVersionClock(api.db, 60_000);
    const before = await clock.current();
    const created = await createActor('clock-1');
    expect(created.errors).toBeUndefined();
    const after = await clock.current();
    expect(after).not.toBe(before);
    const [stored] = await api.db.readRows<{ version: string }>('system/graphVersion');
    expect(after).toBe(stored.version);
  });

  it('does not hand a read begun before a write to a caller who asks after it', async () => {
    const clock = new GraphVersionClock(api.db, 60_000);
    await clock.current();
    const inFlight = clock.current();
    await createActor('clock-2');
    const [stored] = await api.db.readRows<{ version: string }>('system/graphVersion');
    expect(await clock.current()).toBe(stored.version);
    await inFlight;
  });

  it('remembers the version of a write from elsewhere within its bound, and reads every time with a bound of 0', async () => {
    const remembering = new GraphVersionClock(api.db, 60_000);
    const everyTime = new GraphVersionClock(api.db, 0);
    const before = await remembering.current();
    expect(await everyTime.current()).toBe(before);
    await bumpFromElsewhere();
    expect(await remembering.current()).toBe(before);
    const fresh = await everyTime.current();
    expect(fresh).not.toBe(before);
    const [stored] = await api.db.readRows<{ version: string }>('system/graphVersion');
    expect(fresh).toBe(stored.version);
  });

  it('reads again once the remembered version is older than the bound', async () => {
    const clock = new GraphVersionClock(api.db, 50);
    const before = await clock.current();
    await bumpFromElsewhere();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await clock.current()).not.toBe(before);
  });

  it('lets concurrent callers share one read, and remembered answers need none', async () => {
    const clock = new GraphVersionClock(api.db, 60_000);
    const reads = jest.spyOn(api.db, 'readRows');
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => clock.current()));
      await clock.current();
      expect(new Set(answers).size).toBe(1);
      expect(reads.mock.calls.filter(([name]) => name === 'system/graphVersion')).toHaveLength(1);
    } finally {
      reads.mockRestore();
    }
  });
});
