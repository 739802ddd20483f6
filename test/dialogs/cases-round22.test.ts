import { describe, it } from 'vitest';
import { CASE_SCENARIOS } from './cases-round22.scenarios.js';

describe('case requests and forms as users type them (round 22)', () => {
  for (const scenario of CASE_SCENARIOS) it.todo(`${scenario.name}: ${scenario.says.join(' → ')} — ${scenario.should}`);
});
