import { useEffect, useRef, useState } from 'react';
import { liveSubscribe } from '../../app/live';

export interface LiveUser {
  id: string;
  name: string;
}

export interface LiveChange {
  documentId: string;
  entryType: string;
  at: string;
  user: LiveUser;
}

const PRESENCE = 'subscription DocumentPresence($id: ID!) { documentPresence(id: $id) { documentId viewers { id name } } }';
const CHANGED = 'subscription DocumentChanged($id: ID!) { documentChanged(id: $id) { documentId entryType at user { id name } } }';

/**
 * While the document is open: marks you as viewing it, gives the other viewers,
 * and calls `onChange` for every change (yours included; the caller filters).
 */
export function useDocumentLive(id: string, meId: string | undefined, onChange: (change: LiveChange) => void): LiveUser[] {
  const [viewers, setViewers] = useState<LiveUser[]>([]);
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (!id) return undefined;
    const stopPresence = liveSubscribe<{ documentPresence: { viewers: LiveUser[] } }>(PRESENCE, { id }, (data) => setViewers(data.documentPresence.viewers));
    const stopChanges = liveSubscribe<{ documentChanged: LiveChange }>(CHANGED, { id }, (data) => handler.current(data.documentChanged));
    return () => {
      stopPresence();
      stopChanges();
      setViewers([]);
    };
  }, [id]);
  return viewers.filter((v) => v.id !== meId);
}
