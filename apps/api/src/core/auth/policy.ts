import { Directive, Extensions } from 'type-graphql';
import { Profile } from '@comptoir/schema';

/** Who may resolve a field that is not dossier data. */
export enum Access {
  /** Anyone, logged in or not (health, login, sign-up). */
  PUBLIC = 'PUBLIC',
  /** Any logged-in user, bound to a dossier or not (me, selectDossier, logout). */
  USER = 'USER',
  /** The platform support team (`/admin`). */
  SUPPORT = 'SUPPORT',
}

export type Policy = { kind: 'profiles'; profiles: readonly Profile[] } | { kind: 'access'; access: Access };

/**
 * `@auth(profiles: [...])`: dossier data, open to the listed profiles of the session's dossier.
 * Put it on a type to cover all its fields; a field's own `@auth` overrides the type's.
 */
export function Auth(...profiles: Profile[]): PropertyDecorator & MethodDecorator & ClassDecorator {
  if (profiles.length === 0) throw new Error('@Auth needs at least one profile');
  return Directive(`@auth(profiles: [${profiles.join(', ')}])`);
}

/** `@auth(access: PUBLIC|USER|SUPPORT)`: for what is not dossier data. */
export function Allow(access: Access): PropertyDecorator & MethodDecorator & ClassDecorator {
  return Directive(`@auth(access: ${access})`);
}

export const P = Profile;
/** Profile groups of SPEC.md's matrix, named once so resolvers read like the matrix. */
export const PROFILES = {
  all: [P.OWNER, P.ADV, P.COMMERCIAL, P.ACHAT, P.ACCOUNTANT],
  management: [P.OWNER, P.ADV],
  sales: [P.OWNER, P.ADV, P.COMMERCIAL],
  invoicing: [P.OWNER, P.ADV],
  invoicingRead: [P.OWNER, P.ADV, P.ACCOUNTANT],
  customersRead: [P.OWNER, P.ADV, P.COMMERCIAL, P.ACCOUNTANT],
  purchases: [P.OWNER, P.ADV, P.ACHAT],
  articlesRead: [P.OWNER, P.ADV, P.COMMERCIAL, P.ACHAT],
  accounting: [P.OWNER, P.ADV, P.ACCOUNTANT],
} as const satisfies Record<string, readonly Profile[]>;

/** The extension that marks a plain field whose value may be a promise (see `Pending`). */
export const PENDING_VALUE = 'comptoirPendingValue';

/**
 * A plain field (no resolver of its own) whose value may be a promise or a thenable, such as a
 * list's lazy count. It keeps a resolver: graphql-jit reads other plain fields inline, without
 * awaiting them, once `applyAuthPolicies` finds their check can never refuse.
 */
export function Pending(): PropertyDecorator & MethodDecorator {
  return Extensions({ [PENDING_VALUE]: true });
}
