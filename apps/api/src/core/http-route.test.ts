import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { inSeries } from './http-route';

/** Runs the series on a fake request; resolves with what it handed to the router's `next`. */
function run(...handlers: RequestHandler[]): Promise<{ calls: string[]; passed: unknown[] }> {
  const calls: string[] = [];
  return new Promise((resolve) => {
    const next = ((...passed: unknown[]) => resolve({ calls, passed })) as NextFunction;
    inSeries(...handlers.map((h, i) => ((req, res, n) => (calls.push(`h${i}`), h(req, res, n))) as RequestHandler))({} as Request, {} as Response, next);
  });
}

describe('inSeries (middlewares as one express layer)', () => {
  const pass: RequestHandler = (_req, _res, next) => next();

  it('runs each middleware in order, then the router goes on', async () => {
    expect(await run(pass, pass, pass)).toEqual({ calls: ['h0', 'h1', 'h2'], passed: [] });
  });

  it('skips the rest on an error handed to next, thrown, or a rejected promise', async () => {
    const error = new Error('refused');
    expect(await run(pass, (_req, _res, next) => next(error), pass)).toEqual({ calls: ['h0', 'h1'], passed: [error] });
    expect(
      await run(
        () => {
          throw error;
        },
        pass,
      ),
    ).toEqual({ calls: ['h0'], passed: [error] });
    expect(await run(pass, (async () => Promise.reject(error)) as RequestHandler, pass)).toEqual({ calls: ['h0', 'h1'], passed: [error] });
  });

  it("hands the router's own words on ('route', 'router')", async () => {
    expect(await run((_req, _res, next) => next('route'), pass)).toEqual({ calls: ['h0'], passed: ['route'] });
  });

  it('stops where a middleware answers without calling next', async () => {
    let answered = false;
    const outcome = run(() => {
      answered = true;
    }, pass);
    const raced = await Promise.race([outcome, new Promise((r) => setTimeout(() => r('no next'), 20))]);
    expect(answered).toBe(true);
    expect(raced).toBe('no next');
  });
});
