/**
 * The explorer's first script (index.html loads it before the bundle): the union of
 * the scope in the URL is the first picture's one long wait (the service computes
 * it), so it is asked for here, while the browser still compiles the bundle, which
 * picks the answer up (unionRequest.ts). Small on purpose: the view state and the
 * API's GET, nothing of sigma or graphology.
 */
import { today } from './dates';
import { sendFirstUnion, unionRequest } from './unionRequest';
import { readViewState } from './viewState';

const initial = readViewState(location.search);
if (initial.area) {
  const { key, url } = unionRequest(initial, initial.asOf ?? today());
  sendFirstUnion(key, url);
  performance.mark('explorer:union-sent');
}
