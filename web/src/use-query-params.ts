/**
 * A list page's filters live in the URL. `update` sets or clears some of them and, unless
 * the change is the page offset itself, goes back to the first page.
 */
import { useSearchParams } from 'react-router';

export function useQueryParams(): [URLSearchParams, (changes: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };
  return [params, update];
}
