import { useRef, useState } from 'react';
import type { Transfer, TransferStateValue } from '../../../../../shared/transfers/schemas';
import { transfersApi } from '../../../api/transfers';
import { errorMessage, type FailureKind, failureKind } from '../../../lib/errors';
import type { PagedList } from '../../../lib/use-paged-list';

export type Counts = Awaited<ReturnType<typeof transfersApi.org>>['counts'];
export interface OrgQuery {
  readonly month: string;
  readonly state: 'all' | TransferStateValue;
}

/**
 * The org's transfers for a month and state, page by page. Unlike usePagedList a new choice never waits for (or
 * is dropped behind) the page still loading: the answer to an older choice is ignored.
 */
export function useOrgList(orgId: string): PagedList<Transfer> & {
  counts: Counts | null;
  show(query: OrgQuery): void;
} {
  const [items, setItems] = useState<Transfer[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FailureKind | null>(null);
  const query = useRef<OrgQuery | null>(null);
  const generation = useRef(0);

  async function fetch(reset: boolean) {
    const asked = query.current;
    if (!asked || (!reset && !cursor)) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await transfersApi.org(orgId, {
        month: asked.month,
        ...(asked.state === 'all' ? {} : { state: asked.state }),
        ...(!reset && cursor ? { cursor } : {}),
      });
      if (mine !== generation.current) return;
      setItems((previous) => (reset || !previous ? page.transfers : [...previous, ...page.transfers]));
      setCursor(page.nextCursor);
      setCounts(page.counts);
      setError(null);
      setFailure(null);
    } catch (caught) {
      if (mine !== generation.current) return;
      setError(errorMessage(caught));
      setFailure(failureKind(caught));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }

  return {
    items,
    cursor,
    loading,
    error,
    failure,
    counts,
    load: fetch,
    show(next) {
      query.current = next;
      setItems(null);
      setCursor(null);
      setCounts(null);
      void fetch(true);
    },
  };
}
