import { noMetrics, type Metrics } from '../../bot/metrics.js';
import type { RateLimits } from '../../bot/rate-limits.js';
import { TooManyCasesError } from '../../bot/rate-limits.js';
import type { CaseStore } from '../../portal/index.js';

/**
 * A {@link CaseStore} that counts each user's new cases against the `case` limit before creating
 * one. Over the limit it throws {@link TooManyCasesError}: the turn is not saved, so a form stays at
 * its summary and the user confirms again later. A creation that turns out to be a retry of an
 * existing case (same idempotency key) is given back, and only a new case is counted in `metrics`
 * (by area). Everything else passes straight through.
 */
export class RateLimitedCaseStore implements CaseStore {
  constructor(
    private readonly inner: CaseStore,
    private readonly limits: RateLimits,
    private readonly metrics: Metrics = noMetrics,
  ) {}

  create: CaseStore['create'] = async (input, options) => {
    const decision = await this.limits.take('case', input.requesterId);
    if (!decision.ok) throw new TooManyCasesError(decision.retryAfterMs);
    let created: Awaited<ReturnType<CaseStore['create']>> | undefined;
    try {
      created = await this.inner.create(input, options);
      if (created.ok && created.value.created) this.metrics.caseCreated(created.value.case.areaId);
      return created;
    } finally {
      if (!created?.ok || !created.value.created) await this.limits.giveBack('case', input.requesterId);
    }
  };

  getByNumber: CaseStore['getByNumber'] = (number) => this.inner.getByNumber(number);
  listVisible: CaseStore['listVisible'] = (scope, page) => this.inner.listVisible(scope, page);
  search: CaseStore['search'] = (filter, page) => this.inner.search(filter, page);
  changeStatus: CaseStore['changeStatus'] = (number, change) => this.inner.changeStatus(number, change);
  addComment: CaseStore['addComment'] = (number, comment) => this.inner.addComment(number, comment);
  events: CaseStore['events'] = (number) => this.inner.events(number);
}
