// Integration tests talk to a real database, and fixtures are built through the
// API: allow more than Jest's 5 s default per test and hook.
jest.setTimeout(120_000);
