import express, { type Request, type RequestHandler, type Response } from 'express';

/**
 * A media type as Apollo sets it, which express's `res.send` would leave as it is
 * (`setCharset(type, 'utf-8')` of a lowercase type already in utf-8, one parameter).
 */
const UTF8_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+; charset=utf-8$/;

/**
 * Sends the text answer of a POST /graphql as express's `res.send` does, without its
 * ETag: a POST is never conditional (express answers 304 to GET and HEAD only) and a
 * GraphQL answer is private, so the SHA-1 of every answer bought nothing (about 1.5 %
 * of a list request's CPU). Anything else (GET, another status or type) is `res.send`'s.
 */
export function sendGraphQLAnswer(req: Request, res: Response, body: string): void {
  const type = res.getHeader('content-type');
  if (req.method !== 'POST' || res.statusCode !== 200 || typeof type !== 'string' || !UTF8_TYPE.test(type)) {
    express.response.send.call(res, body);
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(body));
  // A string: node sends it in the same write as the headers.
  res.end(body);
}

/** Apollo's express middleware, its POST answers sent by `sendGraphQLAnswer`. */
export function withoutETag(apolloMiddleware: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST') res.send = leanSend;
    return apolloMiddleware(req, res, next);
  };
}

function leanSend(this: Response, body?: unknown): Response {
  if (typeof body === 'string') sendGraphQLAnswer(this.req, this, body);
  else express.response.send.call(this, body);
  return this;
}
