import { useRef, useState } from 'react';
import type { RosterMember } from '../../../../../shared/org/schemas';
import { orgApi, type RosterFilter } from '../../../api/org';
import { errorMessage, type FailureKind, failureKind } from '../../../lib/errors';

/**
 * The roster with its filters: a filter change starts a new list, and an answer for an older filter is
 * dropped (the person types faster than the network answers), unlike a plain paged list.
 */
export function useRoster(orgId: string) {
  const [items, setItems] = useState<RosterMember[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ message: string; failure: FailureKind } | null>(null);
  const generation = useRef(0);
  const paging = useRef(false);
  const filterRef = useRef<RosterFilter>({ status: 'active' });

  async function fetchPage(reset: boolean) {
    const mine = reset ? ++generation.current : generation.current;
    if (!reset && (paging.current || !cursor)) return;
    paging.current = true;
    setLoading(true);
    try {
      const page = await orgApi.roster(orgId, reset ? undefined : (cursor ?? undefined), filterRef.current);
      if (mine !== generation.current) return;
      setItems((previous) => (reset || !previous ? page.items : [...previous, ...page.items]));
      setCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      if (mine !== generation.current) return;
      setError({ message: errorMessage(caught), failure: failureKind(caught) });
    } finally {
      if (mine === generation.current) {
        paging.current = false;
        setLoading(false);
      }
    }
  }

  return {
    items,
    cursor,
    loading,
    error,
    /** A new list for this filter (first page). */
    reload(filter: RosterFilter = filterRef.current) {
      filterRef.current = filter;
      return fetchPage(true);
    },
    more: () => fetchPage(false),
  };
}
