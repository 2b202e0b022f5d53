import { z } from 'zod';
import type { Integration } from '../http/integration.js';

/** Placeholder until the Slack bot lands: always off. */
export const slackIntegration: Integration<Record<string, never>> = {
  name: 'Slack',
  offReason: () => 'the Slack bot is not built yet',
  configSchema: z.object({}).transform(() => ({})),
  fixes: {},
  async create() {
    return { routes: [], description: 'Slack: off' };
  },
};
