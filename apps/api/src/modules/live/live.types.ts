import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Allow, Access, Auth, PROFILES } from '../../core/auth/policy';

@ObjectType({ description: 'Someone of the dossier, as live events name them' })
@Auth(...PROFILES.all)
export class LiveUser {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType({ description: 'A document changed (an entry was added to its history): the open editor offers to reload' })
@Auth(...PROFILES.all)
export class DocumentChangeEvent {
  @Field(() => ID)
  documentId: string;

  @Field({ description: 'The history entry type (UPDATED, STATUS_CHANGED, ISSUED, SENT, DELETED…)' })
  entryType: string;

  @Field(() => LiveUser, { description: 'Who changed it' })
  user: LiveUser;

  @Field({ description: 'When (the history entry’s time)' })
  at: Date;

  @Field(() => Int, { description: 'The history entry’s sequence in the dossier' })
  sequence: number;
}

@ObjectType({ description: 'Who has a document open right now (you included, on each of your connections once)' })
@Auth(...PROFILES.all)
export class DocumentPresenceEvent {
  @Field(() => ID)
  documentId: string;

  @Field(() => [LiveUser])
  viewers: LiveUser[];
}

@ObjectType({ description: 'A support request of the dossier was created, answered or changed status' })
@Auth(...PROFILES.all)
export class SupportRequestLiveEvent {
  @Field(() => ID)
  requestId: string;

  @Field({ description: 'MESSAGE for a message in the thread, else the history entry type' })
  change: string;

  @Field()
  at: Date;
}

@ObjectType({ description: 'A support request of any dossier changed (support team)' })
@Allow(Access.SUPPORT)
export class AdminSupportRequestLiveEvent {
  @Field(() => ID)
  requestId: string;

  @Field(() => ID)
  dossierId: string;

  @Field()
  change: string;

  @Field()
  at: Date;
}

@ObjectType({ description: 'Progress of an export written in the background' })
@Auth(...PROFILES.management)
export class ExportProgressEvent {
  @Field(() => ID)
  exportId: string;

  @Field({ description: 'waiting, active, delayed (retry to come), completed or failed' })
  state: string;

  @Field(() => Int, { description: '0–100' })
  progress: number;

  @Field(() => Int)
  attemptsMade: number;
}
