// Every TypeORM entity of the app, one line per feature module.
import { Dossier } from './dossiers/dossier.entity';
import { Membership } from './identity/membership.entity';
import { Session } from './identity/session.entity';
import { User } from './identity/user.entity';
import { OutboxMessage } from './mail/outbox.entity';

export const ALL_ENTITIES = [
  User,
  Dossier,
  Membership,
  Session,
  OutboxMessage,
];
