import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Access, Allow } from './auth/policy';
import { badInput } from './errors';
import { MAX_PAGE_SIZE } from './graphql-limits';

/** Reached only through a connection field, which carries the real policy. */
@ObjectType()
@Allow(Access.PUBLIC)
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Page size, at most ${MAX_PAGE_SIZE}` })
  first: number = 50;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** The page size asked, or BAD_USER_INPUT when outside 1..MAX_PAGE_SIZE. */
export function pageSize(args: PageArgs): number {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw badInput('OUT_OF_RANGE', `first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return args.first;
}

/** Opaque cursor: the sort key values of the last row, base64url-encoded JSON. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity) return values as (string | number | null)[];
  } catch {
    /* fall through */
  }
  throw badInput('INVALID_CURSOR', 'Invalid cursor', 'after');
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  /** A number, or a count that runs only when GraphQL resolves the field (`lazyCount`). */
  totalCount: number | PromiseLike<number>;
}

/**
 * A count that costs nothing unless asked: GraphQL awaits `totalCount` only when the
 * query selects it, and a thenable starts its work on the first `then`.
 */
export function lazyCount<T = number>(count: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | null = null;
  return {
    then: (onFulfilled, onRejected) => (started ??= count()).then(onFulfilled, onRejected),
  };
}

/**
 * `Connection(Document)` declares `DocumentConnection { nodes, pageInfo, totalCount }`.
 * The policy of the connection type is the node type's readers, passed in.
 */
export function Connection<T extends object>(node: ClassType<T>, policy: ClassDecorator) {
  @ObjectType(`${node.name}Connection`)
  abstract class ConnectionType {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filters, all pages together' })
    totalCount: number;
  }
  policy(ConnectionType);
  return ConnectionType;
}
